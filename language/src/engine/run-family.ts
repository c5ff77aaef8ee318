/**
 * Running a family of runs that share their first periods (decisions/run-families.ts plans
 * them): the trunk's shared periods once, with the switches of every sharing run tracked
 * (tracking changes nothing until a switch of the run draws), a snapshot wherever a run
 * parts, and each run resumed from its snapshot. The same state, array for array, as each
 * run from period 0 (test/decisions/prefix-sharing.test.ts).
 */
import type { Engine, EngineSnapshot } from './engine.js';

export interface RunFamily {
    /** The run whose first periods the others share (run only as far as they share it). */
    trunk: number[];
    runs: number[][];
    /** Per run: how many leading periods it shares with the trunk (0: run from the start on its own). */
    shared: number[];
}

/**
 * Runs each of the family's runs to the end of the horizon on `engine`, in order, calling
 * `finished(i)` while the engine holds run i's state. `checkCancel` runs after every period.
 */
export function runFamilyOn(engine: Engine, family: RunFamily, finished: (i: number) => void, checkCancel?: () => void): void {
    const T = engine.model.calendar.periods;
    const parting = [...new Set(family.shared.filter(k => k > 0))].sort((a, b) => a - b);
    const snapshots = new Map<number, EngineSnapshot>();
    if (parting.length > 0) {
        engine.begin(family.trunk, true, family.runs.filter((_, i) => family.shared[i] > 0).flat());
        let t = 0;
        for (const k of parting) {
            for (; t < k; t++) {
                engine.step(t);
                checkCancel?.();
            }
            snapshots.set(k, engine.snapshot(k));
        }
    }
    family.runs.forEach((events, i) => {
        const snapshot = snapshots.get(family.shared[i]);
        let t = 0;
        if (snapshot) {
            engine.resume(snapshot, events);
            t = family.shared[i];
        } else engine.begin(events);
        for (; t < T; t++) {
            engine.step(t);
            checkCancel?.();
        }
        finished(i);
    });
}
