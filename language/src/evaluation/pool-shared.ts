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

/** A shared batch's memory, as each thread sees it. */
export interface SharedBatchMemory {
    counter: Int32Array;
    cancel: Int32Array;
    records: Float64Array;
    done: Int32Array;
    written: Int32Array;
}

/**
 * Takes pieces from the batch's counter until none is left or the batch is cancelled, runs each
 * on `runner()` (made at the first piece) and writes each summary into its record, then counts it
 * and wakes the waiting thread: what every worker does, and the waiting thread before it waits.
 */
export function takeSharedPieces(runner: () => SummaryRunner, families: readonly RunFamily[], first: readonly number[], memory: SharedBatchMemory): void {
    const { counter, cancel, records, done, written } = memory;
    for (let f = Atomics.add(counter, 0, 1); f < families.length; f = Atomics.add(counter, 0, 1)) {
        if (Atomics.load(cancel, 0) !== 0) break;
        const taken = runner();
        taken.runFamily(families[f]).forEach((summary, k) => {
            const i = first[f] + k;
            writeRecord(taken.model, records, i, summary);
            Atomics.store(written, i, 1);
            Atomics.add(done, 0, 1);
        });
        Atomics.notify(done, 0);
    }
}

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
    const memory = { counter, cancel, records, done, written };
    // The waiting thread takes pieces from the same counter until none is left: it would only wait.
    const helpHere = () => takeSharedPieces(() => (here ??= new SummaryRunner(model)), pieces.pieces, pieces.first, memory);
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
