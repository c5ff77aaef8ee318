/**
 * Runs that share their first periods, grouped: a family is a trunk (an event list) and runs
 * that each part from it at a known period (engine/run-snapshot.ts, `firstPeriodApart`): the
 * trunk's first periods are simulated once and every run resumes from a copy of its state
 * there. Each scenario without one of its measures parts from the scenario where that measure
 * starts acting; each portfolio parts from the scenario's shocks alone where its earliest
 * measure does. Results are the same, byte for byte, as running every list from period 0.
 * Pure: no Langium, no I/O, so worker threads run families too.
 */
import { firstPeriodApart } from '../engine/run-snapshot.js';
import type { RunFamily } from '../engine/run-family.js';
import type { LoweredModel } from '../lowering/model.js';

export type { RunFamily };

/**
 * The family of `runs` around `trunk`. Sharing stops where it cannot pay: the trunk's periods
 * up to the last run's parting are simulated for it, so at least two runs must share periods
 * (or one share all of them: it is the trunk itself).
 */
export function familyOf(model: LoweredModel, trunk: number[], runs: number[][]): RunFamily {
    const shared = runs.map(events => firstPeriodApart(model, trunk, events));
    let sum = 0,
        max = 0;
    for (const k of shared) {
        sum += k;
        max = Math.max(max, k);
    }
    const pays = sum - max > 0 || max === model.calendar.periods;
    return { trunk, runs, shared: pays ? shared : shared.map(() => 0) };
}

/** Each run on its own (nothing shared). */
export function singleRuns(runs: number[][]): RunFamily[] {
    return runs.map(events => ({ trunk: events, runs: [events], shared: [0] }));
}

/** The runs of the families, in order: the order their summaries come back in. */
export function runsOf(families: readonly RunFamily[]): number[][] {
    return families.flatMap(f => f.runs);
}

/**
 * Families cut into pieces of at most `size` runs (each piece re-runs its trunk's shared
 * periods), so that a pool's threads share the work evenly; the runs keep their order.
 */
export function splitFamilies(families: readonly RunFamily[], size: number): RunFamily[] {
    const pieces: RunFamily[] = [];
    for (const f of families) {
        if (f.runs.length <= size) {
            pieces.push(f);
            continue;
        }
        for (let i = 0; i < f.runs.length; i += size) {
            pieces.push({ trunk: f.trunk, runs: f.runs.slice(i, i + size), shared: f.shared.slice(i, i + size) });
        }
    }
    return pieces;
}
