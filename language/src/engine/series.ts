/**
 * Per-period series of shares (metrics-v2 §1): for any set of arriving lines, the tonnes by
 * origin in each period, direct (region of the immediate source) or embedded (traced through
 * plants with the origin mix of what the plant made that period), and from them shares, HHI
 * and the share from a set of origins. A period without arrivals has no shares (null).
 * Full precision: nothing here rounds.
 */
import type { LoweredModel } from '../lowering/model.js';
import type { ShareSeries } from './results.js';
import { originTotals } from './metrics.js';
import type { ArrivalsByLine } from './arrivals-by-line.js';
import type { RunState } from './run-state.js';

/** Tonnes by origin region arriving over `lines` in period t (optionally one material). */
export const directAt = originTotals;

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
 * The four series of a consumer or region: direct and embedded shares, HHI, cover. Typed
 * (NaN where the contract has null). `byLine` is the run's arrivals line by line.
 */
export function shareSeriesOf(
    model: LoweredModel,
    ws: RunState,
    byLine: ArrivalsByLine,
    lines: readonly number[],
    cover: (t: number) => number | null
): ShareSeries {
    const T = ws.periods;
    const coverDays = new Float64Array(T);
    for (let t = 0; t < T; t++) coverDays[t] = cover(t) ?? NaN;
    const d = sharesOf(model, tonnesByOrigin(model, ws, byLine, lines, false), T);
    // Nothing from a plant: traced shares are the direct ones (the same buffers, computed once).
    const fromPlant = lines.some(l => model.lines.producer[l] >= 0 && model.producers.isPlant[model.lines.producer[l]]);
    const embedded = fromPlant ? sharesOf(model, tonnesByOrigin(model, ws, byLine, lines, true), T).shares : d.shares;
    return { dependency: d.shares, embeddedDependency: embedded, hhi: d.hhi, coverDays };
}

interface OriginTonnes {
    regions: number[];
    tonnes: Float64Array;
}

/**
 * Tonnes per period and origin region over `lines` ([t * regions + k], regions in id order).
 * Each line's periods are read in a row from `byLine`; the sums per cell are taken in the
 * same order as period by period (lines in order, then origins in order), so the same bits.
 */
function tonnesByOrigin(model: LoweredModel, ws: RunState, byLine: ArrivalsByLine, lines: readonly number[], traced: boolean): OriginTonnes {
    const { producers, originRegions } = model;
    const { originSets } = ws;
    const seen = new Set<number>();
    for (const l of lines) {
        const p = model.lines.producer[l];
        if (traced && p >= 0 && producers.isPlant[p]) {
            for (let j = 0; j < originSets.size[p]; j++) seen.add(originRegions[originSets.plantOrigins[originSets.start[p] + j]]);
        } else if (model.lines.sourceRegion[l] >= 0) seen.add(model.lines.sourceRegion[l]);
    }
    const regions = [...seen].sort((a, b) => a - b);
    const K = regions.length;
    const slot = new Int32Array(model.regionNames.length);
    regions.forEach((r, k) => (slot[r] = k));
    const T = ws.periods;
    const { tonnes: arrivals, mix } = byLine;
    const tonnes = new Float64Array(T * K);
    for (const l of lines) {
        const p = model.lines.producer[l];
        const from = l * T;
        if (traced && p >= 0 && producers.isPlant[p]) {
            const outlet = model.lines.outlet[l];
            if (outlet < 0) continue;
            const size = originSets.size[p],
                start = originSets.start[p],
                offset = originSets.outletOffset[outlet];
            for (let j = 0; j < size; j++) {
                const k = slot[originRegions[originSets.plantOrigins[start + j]]];
                const shares = (offset + j) * T;
                for (let t = 0; t < T; t++) {
                    const a = arrivals[from + t];
                    if (!(a > 0)) continue;
                    const share = mix[shares + t];
                    if (share > 0) tonnes[t * K + k] += a * share;
                }
            }
        } else {
            const region = model.lines.sourceRegion[l];
            if (region < 0) continue;
            const k = slot[region];
            for (let t = 0; t < T; t++) {
                const a = arrivals[from + t];
                if (a > 0) tonnes[t * K + k] += a;
            }
        }
    }
    return { regions, tonnes };
}

function sharesOf(model: LoweredModel, { regions, tonnes }: OriginTonnes, T: number): { shares: Record<string, Float64Array>; hhi: Float64Array } {
    const K = regions.length;
    const totals = new Float64Array(T);
    const overall = new Float64Array(K);
    for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let k = 0; k < K; k++) {
            sum += tonnes[t * K + k];
            overall[k] += tonnes[t * K + k];
        }
        totals[t] = sum;
    }
    const order = regions
        .map((r, k) => ({ k, name: model.regionNames[r], a: overall[k] }))
        .filter(o => o.a > 0)
        .sort((x, y) => y.a - x.a || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    const shares: Record<string, Float64Array> = {};
    for (const { k, name } of order) {
        const row = new Float64Array(T);
        for (let t = 0; t < T; t++) row[t] = totals[t] > 0 ? tonnes[t * K + k] / totals[t] : NaN;
        shares[name] = row;
    }
    const hhi = new Float64Array(T);
    for (let t = 0; t < T; t++) {
        if (!(totals[t] > 0)) {
            hhi[t] = NaN;
            continue;
        }
        let h = 0;
        for (let k = 0; k < K; k++) h += (tonnes[t * K + k] / totals[t]) ** 2;
        hhi[t] = 10_000 * h;
    }
    return { shares, hhi };
}

/**
 * A region's cover at the end of period t: the own stock of its consumers plus the reserves
 * located in it, in days of its consumers' need (that period's, or the base need when 0).
 */
export function regionCoverAt(model: LoweredModel, ws: RunState, place: number, slots: readonly number[], t: number): number | null {
    const T = ws.periods;
    const inside = new Set(model.places[place].regions);
    let stock = 0,
        need = 0,
        base = 0;
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
