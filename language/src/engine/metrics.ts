/**
 * Metric arithmetic shared by results and targets: shares by origin, HHI, cover in days,
 * and the rounding every output number goes through (it removes float noise such as
 * 1126.9999999999998, far below a gram).
 */
import type { LoweredModel } from '../lowering/model.js';
import type { ModelIndex } from './model-index.js';
import type { RunState } from './run-state.js';

export function round(value: number, digits: number): number {
    if (!Number.isFinite(value)) return 0;
    const scale = 10 ** digits;
    const rounded = Math.round(value * scale) / scale;
    return rounded === 0 ? 0 : rounded; // no -0
}

/** Tonnes and shares: 6 decimals. */
export const r6 = (value: number) => round(value, 6);
/** Days, HHI points, money: 3 and 2 decimals. */
export const r3 = (value: number) => round(value, 3);
export const r2 = (value: number) => round(value, 2);

/**
 * A per-period series to the kilogram (3 decimals; shares to 0.1%): enough for charts and
 * sums, and it keeps the JSON small. Typed, so results hold no boxed numbers.
 */
export function seriesOf(source: Float64Array, from: number, length: number): Float64Array {
    const out = new Float64Array(length);
    for (let t = 0; t < length; t++) out[t] = r3series(source[from + t]);
    return out;
}

/** `seriesOf`'s rounding of one value (no -0). */
export function r3series(value: number): number {
    const rounded = Math.round(value * 1000) / 1000;
    return rounded === 0 ? 0 : rounded;
}

/** Arrivals over `lines` in a snapshot period, by source region (optionally one material). */
export function originTotals(model: LoweredModel, ws: RunState, lines: readonly number[], snapshot: number, material = -1): Map<number, number> {
    const totals = new Map<number, number>();
    const base = snapshot * model.lines.count;
    for (const l of lines) {
        if (material >= 0 && model.lines.material[l] !== material) continue;
        const a = ws.lineSnap[base + l];
        const region = model.lines.sourceRegion[l];
        if (a > 0 && region >= 0) totals.set(region, (totals.get(region) ?? 0) + a);
    }
    return totals;
}

/** Shares 0-1 by region name, largest first (ties by name); empty when nothing arrived. */
export function sharesByName(model: LoweredModel, totals: Map<number, number>): Record<string, number> {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    const result: Record<string, number> = {};
    if (sum <= 0) return result;
    const entries = [...totals]
        .map(([r, a]) => ({ name: model.regionNames[r], share: a / sum }))
        .sort((a, b) => b.share - a.share || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) result[e.name] = r6(e.share);
    return result;
}

/** 10,000 × Σ share² over origins; 0 when nothing arrived. */
export function hhi(totals: Map<number, number>): number {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    if (sum <= 0) return 0;
    let h = 0;
    for (const a of totals.values()) h += (a / sum) ** 2;
    return 10_000 * h;
}

/** Share of the arrivals coming from any of `regions` (0 when nothing arrived). */
export function shareFrom(totals: Map<number, number>, regions: Int32Array): number {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    if (sum <= 0) return 0;
    let from = 0;
    for (const r of regions) from += totals.get(r) ?? 0;
    return from / sum;
}

/**
 * Days of cover of consumer-material slots: (own stock + their share of the reserves serving
 * them) ÷ daily need. At the end of period t, or at the start when t < 0. The daily need is
 * that period's need (the first period's at the start), or the base need when it is 0;
 * null when there is no need at all.
 */
export function coverDays(model: LoweredModel, ws: RunState, index: ModelIndex, slots: Iterable<number>, t: number): number | null {
    const T = ws.periods;
    const period = Math.max(0, t);
    let stock = 0,
        need = 0,
        base = 0;
    for (const s of slots) {
        stock += t < 0 ? model.cms.initialStock[s] : ws.sStock[s * T + t];
        for (const { rm, share } of index.reserveShares[s]) {
            stock += share * (t < 0 ? model.rms.initialStock[rm] : ws.sRmStock[rm * T + t]);
        }
        need += ws.sNeed[s * T + period];
        base += model.cms.baseNeed[s];
    }
    const daily = (need > 0 ? need : base) / model.calendar.periodDays;
    return daily > 0 ? stock / daily : null;
}

/** Consumer-material slots of consumers, optionally one material. */
export function slotsOf(model: LoweredModel, consumers: Iterable<number>, material = -1): number[] {
    const slots: number[] = [];
    for (const c of consumers) {
        for (let s = model.consumers.cmStart[c]; s < model.consumers.cmStart[c + 1]; s++) {
            if (material < 0 || model.cms.material[s] === material) slots.push(s);
        }
    }
    return slots;
}

/** Σ of a per-slot series over periods [0, through]. */
export function sumSeries(series: Float64Array, slots: Iterable<number>, T: number, through = T - 1): number {
    let total = 0;
    for (const s of slots) for (let t = 0; t <= through; t++) total += series[s * T + t];
    return total;
}
