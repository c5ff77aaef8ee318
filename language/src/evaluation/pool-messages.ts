/** Messages between the run pool (pool.ts) and its workers (pool-worker.ts). A worker handles them in the order sent. */
import type { RunFamily } from '../decisions/run-families.js';
import type { RunSummary } from '../decisions/summary.js';
import type { ScenarioResult } from '../engine/results.js';
import type { ScenarioRun } from '../engine/simulate.js';
import type { PackedSeries } from './packed-series.js';

export type ToPoolWorker =
    /** The lowered model (typed arrays are copied once); it replaces the last one, so batches sent after it run on it. */
    | { type: 'model'; model: unknown }
    /** Warm-up: the model's baseline and scenarios in turn, a few runs (the engine compiled, its arrays sized), then `done`. */
    | { type: 'warm'; batch: number }
    /**
     * Families of runs to share (run-families.ts): each worker takes the next family from
     * `counter` (an Int32Array over the buffer); family i's runs are runs `first[i]`, `first[i] + 1`, ...
     * `cancel` is the batch's own flag (non-zero: stop).
     */
    | { type: 'batch'; batch: number; families: RunFamily[]; first: number[]; counter: SharedArrayBuffer; cancel: SharedArrayBuffer }
    /**
     * Whole results of `runs` (the baseline and scenarios of `run --json`), each worker taking
     * the next run from the back of `ends` (run-ends.ts); each comes back as a `scenario` message.
     */
    | { type: 'scenarios'; batch: number; runs: ScenarioRun[]; ends: SharedArrayBuffer; cancel: SharedArrayBuffer }
    /**
     * The same, each summary written into `records` (see summary-records.ts) and counted in
     * `done`, so a thread blocked in Atomics.wait can collect them without its event loop.
     */
    | {
          type: 'shared';
          batch: number;
          families: RunFamily[];
          first: number[];
          counter: SharedArrayBuffer;
          cancel: SharedArrayBuffer;
          records: SharedArrayBuffer;
          done: SharedArrayBuffer;
          written: SharedArrayBuffer;
      };

export type FromPoolWorker =
    | { type: 'results'; batch: number; indices: number[]; summaries: RunSummary[] }
    /** Run `index` of a `scenarios` batch: its results with the series packed (packed-series.ts; the values' buffer is transferred). */
    | { type: 'scenario'; batch: number; index: number; summary: ScenarioResult; series: PackedSeries }
    | { type: 'done'; batch: number }
    | { type: 'failed'; batch: number; cancelled: boolean; message: string };
