/**
 * A shared batch of the run pool (pool.ts): the workers write each summary into shared memory
 * and the calling thread collects them with Atomics.wait, so it can simulate and write JSON
 * meanwhile without returning to its event loop (`run --json`'s measures' values).
 */
import type { Worker } from 'node:worker_threads';
import { runsOf, type RunFamily } from '../decisions/run-families.js';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import type { LoweredModel } from '../lowering/model.js';
import type { ToPoolWorker } from './pool-messages.js';
import { readRecord, recordLength, writeRecord } from './summary-records.js';

/** A batch started by `RunPool.runShared`. */
export interface SharedBatch {
    /** Runs pieces no worker has taken yet here, then blocks until every run is done; returns the summaries in order. */
    wait(): RunSummary[];
}

/**
 * How long the waiting thread waits with no run finishing, once every piece is taken, before
 * it runs what is not written itself: a worker that died cannot tell it (its exit event needs
 * the event loop), and a run done twice gives the same bytes (runs are deterministic).
 */
const STALL_MS = 2000;

export function startSharedBatch(
    workers: readonly Worker[],
    model: LoweredModel,
    batch: number,
    families: RunFamily[],
    pieces: { pieces: RunFamily[]; first: number[] }
): SharedBatch {
    const runs = runsOf(families);
    const records = new Float64Array(new SharedArrayBuffer(Math.max(1, runs.length * recordLength(model)) * 8));
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const done = new Int32Array(new SharedArrayBuffer(8));
    const written = new Int32Array(new SharedArrayBuffer(Math.max(1, runs.length) * 4));
    for (const worker of workers) {
        worker.postMessage({
            type: 'shared',
            batch,
            families: pieces.pieces,
            first: pieces.first,
            counter: counter.buffer,
            cancel: cancel.buffer,
            records: records.buffer,
            done: done.buffer,
            written: written.buffer
        } satisfies ToPoolWorker);
    }
    let here: SummaryRunner | undefined;
    // The waiting thread takes pieces from the same counter until none is left: it would only wait.
    const helpHere = () => {
        for (let f = Atomics.add(counter, 0, 1); f < pieces.pieces.length; f = Atomics.add(counter, 0, 1)) {
            here ??= new SummaryRunner(model);
            here.runFamily(pieces.pieces[f]).forEach((summary, k) => {
                const i = pieces.first[f] + k;
                writeRecord(model, records, i, summary);
                Atomics.store(written, i, 1);
                Atomics.add(done, 0, 1);
            });
        }
    };
    const runRestHere = () => {
        const local = (here ??= new SummaryRunner(model));
        for (let i = 0; i < runs.length; i++) {
            if (Atomics.load(written, i) === 0) {
                writeRecord(model, records, i, local.run(runs[i]));
                Atomics.store(written, i, 1);
            }
        }
        // The workers' runs still going are no longer needed.
        Atomics.store(cancel, 0, 1);
    };
    return {
        wait: () => {
            helpHere();
            let stalled = 0;
            for (;;) {
                const finished = Atomics.load(done, 0);
                if (finished >= runs.length) break;
                const everyPieceTaken = Atomics.load(counter, 0) >= pieces.pieces.length;
                if (workers.length === 0 || Atomics.load(done, 1) !== 0 || (everyPieceTaken && stalled >= STALL_MS)) {
                    // No worker, one failed, or one stopped for good: run here every run not written yet.
                    runRestHere();
                    break;
                }
                const waited = Atomics.wait(done, 0, finished, 500);
                stalled = waited === 'timed-out' ? stalled + 500 : 0;
            }
            return runs.map((_, i) => readRecord(model, records, i));
        }
    };
}
