/** Messages between the run pool (pool.ts) and its workers (pool-worker.ts). */
import type { RunSummary } from '../decisions/summary.js';

export type ToPoolWorker =
    /** Sent once per worker: the lowered model (typed arrays are copied once). */
    | { type: 'model'; model: unknown }
    /** Runs to share: each worker takes the next index from `counter` (an Int32Array over the buffer). */
    | { type: 'batch'; batch: number; runs: number[][]; counter: SharedArrayBuffer; cancel: SharedArrayBuffer }
    /**
     * The same, each summary written into `records` (see summary-records.ts) and counted in
     * `done`, so a thread blocked in Atomics.wait can collect them without its event loop.
     */
    | {
          type: 'shared';
          batch: number;
          runs: number[][];
          counter: SharedArrayBuffer;
          cancel: SharedArrayBuffer;
          records: SharedArrayBuffer;
          done: SharedArrayBuffer;
          written: SharedArrayBuffer;
      };

export type FromPoolWorker =
    | { type: 'results'; batch: number; indices: number[]; summaries: RunSummary[] }
    | { type: 'done'; batch: number }
    | { type: 'failed'; batch: number; cancelled: boolean; message: string };
