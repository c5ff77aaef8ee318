/**
 * Per-period series of shares (metrics-v2 §1): for any set of arriving lines, the tonnes by
 * origin in each period, direct (region of the immediate source) or embedded (traced through
 * plants with the origin mix of what the plant made that period), and from them shares, HHI
 * and the share from a set of origins. A period without arrivals has no shares (null).
 * Full precision: nothing here rounds.
 */
import type { LoweredModel } from '../lowering/model.js';
import type { ShareSeries } from './results.js';
import type { RunState } from './run-state.js';

/** Tonnes by origin region arriving over `lines` in period t (optionally one material). */
export function directAt(model: LoweredModel, ws: RunState, lines: readonly number[], t: number, material = -1): Map<number, number> {
    const totals = new Map<number, number>();
    const base = t * model.lines.count;
    for (const l of lines) {
        if (material >= 0 && model.lines.material[l] !== material) continue;
        const a = ws.lineSnap[base + l];
        const region = model.lines.sourceRegion[l];
        if (a > 0 && region >= 0) totals.set(region, (totals.get(region) ?? 0) + a);
    }
    return totals;
}

/** The same, each shipment from a plant split by the origin mix of what that plant made in period t. */
export function embeddedAt(model: LoweredModel, ws: RunState, lines: readonly number[], t: number, material = -1): Map<number, number> {
    const totals = new Map<number, number>();
    const { producers, originRegions } = model;
    const { originSets } = ws;
    const base = t * model.lines.count;
    const mixBase = t * originSets.outletMixLength;
    for (const l of lines) {
        if (material >= 0 && model.lines.material[l] !== material) continue;
        const a = ws.lineSnap[base + l];
        if (!(a > 0)) continue;
        const source = model.lines.producer[l];
        if (source >= 0 && producers.isPlant[source]) {
            const outlet = model.lines.outlet[l];
            if (outlet < 0) continue;
            const from = mixBase + originSets.outletOffset[outlet];
            for (let j = 0; j < originSets.size[source]; j++) {
                const share = ws.outletMixSnap[from + j];
                if (share <= 0) continue;
                const region = originRegions[originSets.plantOrigins[originSets.start[source] + j]];
                totals.set(region, (totals.get(region) ?? 0) + a * share);
            }
        } else {
            const region = model.lines.sourceRegion[l];
            if (region >= 0) totals.set(region, (totals.get(region) ?? 0) + a);
        }
    }
    return totals;
}

export type OriginTotalsAt = (t: number) => Map<number, number>;

/** Σ of the tonnes in region order, so that the sum does not depend on the order of declarations. */
function totalOf(totals: Map<number, number>): number {
    let sum = 0;
    for (const r of [...totals.keys()].sort((a, b) => a - b)) sum += totals.get(r)!;
    return sum;
}

/** Share of period t's arrivals from any of `regions`; null when nothing arrived. */
export function shareFromAt(totals: Map<number, number>, regions: ArrayLike<number>): number | null {
    const sum = totalOf(totals);
    if (!(sum > 0)) return null;
    let from = 0;
    for (let i = 0; i < regions.length; i++) from += totals.get(regions[i]) ?? 0;
    return from / sum;
}

/** 10,000 × Σ share²; null when nothing arrived. */
export function hhiAt(totals: Map<number, number>): number | null {
    const sum = totalOf(totals);
    if (!(sum > 0)) return null;
    let h = 0;
    for (const r of [...totals.keys()].sort((a, b) => a - b)) h += (totals.get(r)! / sum) ** 2;
    return 10_000 * h;
}

/**
 * Shares by origin name per period: every origin that sends anything in some period, largest
 * total first (ties by name); null in periods without arrivals, 0 for an origin that sends
 * nothing in a period with arrivals.
 */
export function sharesSeries(model: LoweredModel, periods: number, totalsAt: OriginTotalsAt): { shares: Record<string, (number | null)[]>, hhi: (number | null)[] } {
    const perPeriod: Map<number, number>[] = [];
    const overall = new Map<number, number>();
    for (let t = 0; t < periods; t++) {
        const totals = totalsAt(t);
        perPeriod.push(totals);
        for (const [r, a] of totals) overall.set(r, (overall.get(r) ?? 0) + a);
    }
    const origins = [...overall].map(([r, a]) => ({ r, a, name: model.regionNames[r] }))
        .sort((x, y) => y.a - x.a || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    const shares: Record<string, (number | null)[]> = {};
    for (const { r, name } of origins) {
        shares[name] = perPeriod.map(totals => {
            const sum = totalOf(totals);
            return sum > 0 ? (totals.get(r) ?? 0) / sum : null;
        });
    }
    return { shares, hhi: perPeriod.map(hhiAt) };
}

/** The four series of a consumer or region: direct and embedded shares, HHI, cover. */
export function shareSeriesOf(model: LoweredModel, ws: RunState, lines: readonly number[], cover: (t: number) => number | null): ShareSeries {
    const T = ws.periods;
    const direct = sharesSeries(model, T, t => directAt(model, ws, lines, t));
    const embedded = sharesSeries(model, T, t => embeddedAt(model, ws, lines, t));
    const coverDays: (number | null)[] = [];
    for (let t = 0; t < T; t++) coverDays.push(cover(t));
    return { dependency: direct.shares, embeddedDependency: embedded.shares, hhi: direct.hhi, coverDays };
}

/**
 * A region's cover at the end of period t: the own stock of its consumers plus the reserves
 * located in it, in days of its consumers' need (that period's, or the base need when 0).
 */
export function regionCoverAt(model: LoweredModel, ws: RunState, place: number, slots: readonly number[], t: number): number | null {
    const T = ws.periods;
    const inside = new Set(model.places[place].regions);
    let stock = 0, need = 0, base = 0;
    for (const s of slots) {
        stock += ws.sStock[s * T + t];
        need += ws.sNeed[s * T + t];
        base += model.cms.baseNeed[s];
    }
    const { reserves } = model;
    for (let r = 0; r < reserves.names.length; r++) {
        if (!inside.has(reserves.region[r])) continue;
        for (let rm = reserves.rmStart[r]; rm < reserves.rmStart[r + 1]; rm++) stock += ws.sRmStock[rm * T + t];
    }
    const daily = (need > 0 ? need : base) / model.calendar.periodDays;
    return daily > 0 ? stock / daily : null;
}
