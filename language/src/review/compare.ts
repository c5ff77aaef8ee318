/**
 * The differences between two models' `run --json` objects, per scenario: consumers' unmet,
 * fill, first stockout, time to survive, recovery and cover (per material), loss, top-origin
 * share (start, worst, end), HHI (start and end) and cover; reserves' dry day and final stock
 * (per material); each target's value and pass; the expected values. Each metric is named by
 * its `run --json` key and holds that key's value at each side.
 */
import type { RunJson } from './run-object.js';
import { isObject, numberOrNull, numberRecord, objectAt, scenarioNamed, scenariosOf, topOrigin, unionKeys, worstShare, type Json } from './metric-keys.js';

/** A number, a date (`YYYY-MM-DD`), a record of numbers (money per currency; start/worst/end), or nothing. */
export type MetricValue = number | string | Record<string, number> | null;

export interface MetricChange {
    scenario: string;
    subject: string;
    /** The `run --json` key. */
    metric: string;
    material?: string;
    /** For `dependency`: the top origin (at BASE, or HEAD when BASE lacks it). */
    origin?: string;
    base: MetricValue;
    head: MetricValue;
    /** head − base (per key for records); null when a side lacks it; absent for dates. */
    delta?: number | Record<string, number> | null;
}

export interface TargetSide {
    value: number | null;
    pass: boolean | null;
}

export interface TargetChange {
    name: string;
    scenario: string;
    base: TargetSide | null;
    head: TargetSide | null;
}

export interface ExpectedSide {
    unmet: number | null;
    loss: Record<string, number>;
}

export interface RunComparison {
    metrics: MetricChange[];
    targets: TargetChange[];
    expected: { base: ExpectedSide | null; head: ExpectedSide | null };
}

/** Metric keys read per consumer and material, per consumer, and per reserve and material. */
export const CONSUMER_MATERIAL_METRICS = ['unmet', 'fill', 'firstStockout', 'ttsDays', 'recovery', 'coverDays'] as const;
export const CONSUMER_METRICS = ['loss', 'dependency', 'hhi', 'hhiEnd', 'coverDays'] as const;
export const RESERVE_MATERIAL_METRICS = ['dryOn', 'final'] as const;
/** Metrics whose values are dates: no delta. */
const DATE_METRICS = new Set(['firstStockout', 'recovery', 'dryOn']);

export function compareRuns(base: RunJson | undefined, head: RunJson | undefined, all = false): RunComparison {
    const metrics: MetricChange[] = [];
    const targets: TargetChange[] = [];
    for (const name of scenarioOrder(base, head)) {
        const b = scenarioNamed(base, name);
        const h = scenarioNamed(head, name);
        const add = (change: MetricChange) => {
            if (all || !sameValue(change.base, change.head)) metrics.push(withDelta(change));
        };
        const bConsumers = objectAt(b, 'consumers'),
            hConsumers = objectAt(h, 'consumers');
        for (const subject of unionKeys(hConsumers, bConsumers)) {
            const bc = bConsumers[subject] as Json | undefined,
                hc = hConsumers[subject] as Json | undefined;
            const bMaterials = objectAt(bc, 'materials'),
                hMaterials = objectAt(hc, 'materials');
            for (const material of unionKeys(hMaterials, bMaterials)) {
                for (const metric of CONSUMER_MATERIAL_METRICS) {
                    add({ scenario: name, subject, metric, material, base: scalar(bMaterials[material], metric), head: scalar(hMaterials[material], metric) });
                }
            }
            for (const metric of CONSUMER_METRICS) {
                if (metric === 'dependency') {
                    const origin = topOrigin(numberRecord(bc?.dependency)) ?? topOrigin(numberRecord(hc?.dependency));
                    if (origin === undefined) continue;
                    add({ scenario: name, subject, metric, origin, base: originShares(bc, origin), head: originShares(hc, origin) });
                } else if (metric === 'loss') {
                    add({
                        scenario: name,
                        subject,
                        metric,
                        base: isObject(bc) ? numberRecord(bc.loss) : null,
                        head: isObject(hc) ? numberRecord(hc.loss) : null
                    });
                } else {
                    add({ scenario: name, subject, metric, base: scalar(bc, metric), head: scalar(hc, metric) });
                }
            }
        }
        const bReserves = objectAt(b, 'reserves'),
            hReserves = objectAt(h, 'reserves');
        for (const subject of unionKeys(hReserves, bReserves)) {
            const bMaterials = objectAt(bReserves[subject], 'materials'),
                hMaterials = objectAt(hReserves[subject], 'materials');
            for (const material of unionKeys(hMaterials, bMaterials)) {
                for (const metric of RESERVE_MATERIAL_METRICS) {
                    add({ scenario: name, subject, metric, material, base: scalar(bMaterials[material], metric), head: scalar(hMaterials[material], metric) });
                }
            }
        }
        const bTargets = objectAt(b, 'targets'),
            hTargets = objectAt(h, 'targets');
        for (const target of unionKeys(hTargets, bTargets)) {
            const change = { name: target, scenario: name, base: targetSide(bTargets[target]), head: targetSide(hTargets[target]) };
            if (all || !sameValue(change.base, change.head)) targets.push(change);
        }
    }
    return { metrics, targets, expected: { base: expectedSide(base), head: expectedSide(head) } };
}

/** HEAD's scenarios in order, then those only BASE has. */
function scenarioOrder(base: RunJson | undefined, head: RunJson | undefined): string[] {
    const names = scenariosOf(head).map(s => String(s.name));
    for (const s of scenariosOf(base)) if (!names.includes(String(s.name))) names.push(String(s.name));
    return names;
}

function scalar(owner: unknown, key: string): number | string | null {
    if (!isObject(owner)) return null;
    const value = owner[key];
    return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function originShares(consumer: Json | undefined, origin: string): Record<string, number> | null {
    if (!isObject(consumer)) return null;
    const start = numberRecord(consumer.dependency),
        end = numberRecord(consumer.dependencyEnd);
    const shares: Record<string, number> = {};
    const startShare = start?.[origin] ?? 0;
    shares.start = startShare;
    const worst = worstShare(consumer, origin, topOrigin(start));
    if (worst !== null) shares.worst = worst;
    shares.end = end?.[origin] ?? 0;
    return shares;
}

function targetSide(target: unknown): TargetSide | null {
    if (!isObject(target)) return null;
    return { value: numberOrNull(target.value), pass: typeof target.pass === 'boolean' ? target.pass : null };
}

function expectedSide(run: RunJson | undefined): ExpectedSide | null {
    if (!run) return null;
    const expected = objectAt(run, 'expected');
    return { unmet: numberOrNull(expected.unmet), loss: numberRecord(expected.loss) ?? {} };
}

function withDelta(change: MetricChange): MetricChange {
    const { base, head } = change;
    if (DATE_METRICS.has(change.metric) || typeof base === 'string' || typeof head === 'string') return change;
    if (base === null || head === null) return { ...change, delta: null };
    if (typeof base === 'number' && typeof head === 'number') return { ...change, delta: head - base };
    if (typeof base === 'object' && typeof head === 'object') {
        const delta: Record<string, number> = {};
        for (const key of unionKeys(head, base)) delta[key] = (head[key] ?? 0) - (base[key] ?? 0);
        return { ...change, delta };
    }
    return change;
}

/** Deep equality of plain JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    const ka = Object.keys(a),
        kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every(k => sameValue((a as Json)[k], (b as Json)[k]));
}
