/**
 * A scenario's exposure as the shock and measure lenses compare it (metrics-v2 §2): the worst
 * per-period share of one origin in what every consumer together receives, and the lowest
 * cover of every consumer together (own stock + their share of reserves, in days of need).
 */
import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';

export interface Exposure {
    /** The origin whose share is followed; null when nothing arrives. */
    origin: string | null;
    /** Its largest share in any period, 0-1; null without arrivals. */
    worstShare: number | null;
    /** Lowest cover of all consumers together at the end of a period, in days; null without need. */
    lowestCover: number | null;
}

const PERIOD_DAYS = { month: 365 / 12, week: 7, day: 1 } as const;

/** Tonnes by origin each period over every consumer (share × that consumer's arrivals). */
function originTonnes(scenario: ScenarioResult, periods: number): Map<string, number[]> {
    const tonnes = new Map<string, number[]>();
    for (const c of Object.values(scenario.consumers)) {
        const arrivals = new Array<number>(periods).fill(0);
        for (const m of Object.values(c.materials))
            m.series.arrivals.forEach((a, t) => {
                arrivals[t] += a;
            });
        for (const [origin, shares] of Object.entries(c.series.dependency)) {
            const row = tonnes.get(origin) ?? new Array<number>(periods).fill(0);
            shares.forEach((s, t) => {
                if (!Number.isNaN(s)) row[t] += s * arrivals[t];
            });
            tonnes.set(origin, row);
        }
    }
    return tonnes;
}

/** The top origin of the baseline's first period with arrivals, for every scenario of a result. */
export function followedOrigin(result: SimulationResult): string | null {
    const baseline = result.scenarios[0];
    return baseline ? followedOriginOf(baseline, result.horizon.periods) : null;
}

/** The same from the baseline's results alone. */
export function followedOriginOf(baseline: ScenarioResult, periods: number): string | null {
    const tonnes = originTonnes(baseline, periods);
    for (let t = 0; t < periods; t++) {
        let best: [string, number] | null = null;
        for (const [origin, row] of tonnes) if (row[t] > 0 && (!best || row[t] > best[1])) best = [origin, row[t]];
        if (best) return best[0];
    }
    return null;
}

export function exposureOf(scenario: ScenarioResult, periods: number, step: keyof typeof PERIOD_DAYS, origin: string | null): Exposure {
    const tonnes = originTonnes(scenario, periods);
    return { origin, worstShare: worstShareOf(tonnes, periodTotals(tonnes, periods), origin), lowestCover: lowestCoverOf(scenario, periods, step) };
}

/** Each period's tonnes over every origin. */
function periodTotals(tonnes: Map<string, number[]>, periods: number): number[] {
    const totals: number[] = [];
    for (let t = 0; t < periods; t++) {
        let total = 0;
        for (const row of tonnes.values()) total += row[t];
        totals.push(total);
    }
    return totals;
}

function worstShareOf(tonnes: Map<string, number[]>, totals: readonly number[], origin: string | null): number | null {
    let worstShare: number | null = null;
    for (let t = 0; t < totals.length && origin !== null; t++) {
        const total = totals[t];
        if (total <= 0) continue;
        const share = (tonnes.get(origin)?.[t] ?? 0) / total;
        if (worstShare === null || share > worstShare) worstShare = share;
    }
    return worstShare;
}

function lowestCoverOf(scenario: ScenarioResult, periods: number, step: keyof typeof PERIOD_DAYS): number | null {
    let lowestCover: number | null = null;
    for (let t = 0; t < periods; t++) {
        let stock = 0,
            need = 0;
        for (const c of Object.values(scenario.consumers)) {
            for (const m of Object.values(c.materials)) {
                stock += m.series.stock[t] + m.series.reserveStock[t];
                need += m.series.need[t];
            }
        }
        if (need <= 0) continue;
        const cover = stock / (need / PERIOD_DAYS[step]);
        if (lowestCover === null || cover < lowestCover) lowestCover = cover;
    }
    return lowestCover;
}

/**
 * What the effects of shocks and measures read of one scenario of the main run, small enough
 * to send between threads: its totals, and its exposure for whichever origin is followed (the
 * worst share of every origin that arrives; any other origin's is 0 with arrivals, else null).
 */
export interface ScenarioFacts {
    name: string;
    totals: ScenarioResult['totals'];
    worstShare: Record<string, number | null>;
    anyArrivals: boolean;
    lowestCover: number | null;
}

export function scenarioFacts(scenario: ScenarioResult, periods: number, step: keyof typeof PERIOD_DAYS): ScenarioFacts {
    const tonnes = originTonnes(scenario, periods);
    const totals = periodTotals(tonnes, periods);
    const worstShare: Record<string, number | null> = {};
    for (const origin of tonnes.keys()) worstShare[origin] = worstShareOf(tonnes, totals, origin);
    const anyArrivals = totals.some(total => total > 0);
    return { name: scenario.name, totals: scenario.totals, worstShare, anyArrivals, lowestCover: lowestCoverOf(scenario, periods, step) };
}

/** `exposureOf` from a scenario's facts: the same numbers. */
export function exposureFromFacts(facts: ScenarioFacts, origin: string | null): Exposure {
    const worstShare = origin === null ? null : origin in facts.worstShare ? facts.worstShare[origin] : facts.anyArrivals ? 0 : null;
    return { origin, worstShare, lowestCover: facts.lowestCover };
}
