/**
 * Sweeps on every core: a pool of worker threads, each given the lowered model once, that
 * share a batch of runs (families of runs that share their first periods, run-families.ts)
 * through one atomic counter and send back each run's summary. Results
 * land by run index, so they are the same, byte for byte, whatever the number of threads or
 * the order in which runs finish. Small sweeps stay on this thread: starting workers costs more
 * than they save below `POOL_MIN_WORK` (measured: docs/performance.md, "Sweeps on all cores").
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runsOf, singleRuns, splitFamilies, type RunFamily } from '../decisions/run-families.js';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import { SimulationCancelled } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';
import type { FromPoolWorker, ToPoolWorker } from './pool-messages.js';
import { readRecord, recordLength, writeRecord } from './summary-records.js';

/**
 * Work (runs × periods × (lines + consumer slots)) from which the pool pays: starting two
 * workers, copying the model and warming their engines costs about 250 ms, which a sweep
 * must outweigh; about half a second of runs on one thread, some 2,000 runs of the Japan
 * example (60 periods × 71 lines and slots). Measured in docs/benchmarks.md.
 */
export const POOL_MIN_WORK = 8_000_000;

/** Runs per piece of a family handed to one worker (each piece re-runs its trunk's shared periods). */
const FAMILY_PIECE = 32;

/** Families cut to pieces, and where each piece's runs start in the batch's order. */
function piecesOf(families: readonly RunFamily[]): { pieces: RunFamily[]; first: number[] } {
    const pieces = splitFamilies(families, FAMILY_PIECE);
    const first: number[] = [];
    let at = 0;
    for (const piece of pieces) {
        first.push(at);
        at += piece.runs.length;
    }
    return { pieces, first };
}

export interface PoolOptions {
    /** Worker threads (default: the machine's cores); 1 runs everything on this thread. */
    threads?: number;
    /** The worker bundle; by default out/pool-worker.js beside the bundle or under the repository. */
    script?: string;
}

/** Where the worker bundle is: next to this bundle (out/), or under the repository's out/ when running from source. */
export function poolWorkerScript(): string | undefined {
    const candidates = [path.join(__dirname, 'pool-worker.js'), path.resolve(__dirname, '../../../out/pool-worker.js')];
    return candidates.find(existsSync);
}

export function sweepWork(model: LoweredModel, runs: number): number {
    return runs * model.calendar.periods * (model.lines.count + model.cms.consumer.length);
}

/** The pool's size for a sweep: 1 (this thread) when it is too small to pay, else min(cores, runs). */
export function threadsFor(model: LoweredModel, runs: number, requested?: number): number {
    if (requested !== undefined) return Math.max(1, Math.min(requested, runs));
    if (sweepWork(model, runs) < POOL_MIN_WORK) return 1;
    return Math.max(1, Math.min(availableParallelism(), runs));
}

/** A batch started by `RunPool.runShared`. */
export interface SharedBatch {
    /** Blocks until every run is done and returns the summaries in order. */
    wait(): RunSummary[];
}

export class RunPool {
    private readonly workers: Worker[] = [];
    private local: SummaryRunner | undefined;
    private batchId = 0;
    private cancelFlag = new Int32Array(new SharedArrayBuffer(4));

    constructor(
        readonly model: LoweredModel,
        readonly threads: number,
        script = poolWorkerScript()
    ) {
        if (threads <= 1 || !script) return;
        for (let i = 0; i < threads; i++) {
            const worker = new Worker(script);
            worker.postMessage({ type: 'model', model } satisfies ToPoolWorker);
            this.workers.push(worker);
        }
    }

    /** How many threads run the batches (1: this one). */
    get size(): number {
        return Math.max(1, this.workers.length);
    }

    /** Stops the batch in progress; it rejects with SimulationCancelled. */
    cancel(): void {
        Atomics.store(this.cancelFlag, 0, 1);
    }

    /** Each run's summary, in the order of `runs`. */
    run(runs: number[][]): Promise<RunSummary[]> {
        return this.runFamilies(singleRuns(runs));
    }

    /** Each run's summary, in the order of the families' runs (run-families.ts: shared periods run once). */
    async runFamilies(families: RunFamily[]): Promise<RunSummary[]> {
        const count = families.reduce((n, f) => n + f.runs.length, 0);
        if (count === 0) return [];
        if (this.workers.length === 0) {
            this.local ??= new SummaryRunner(this.model);
            const flag = this.cancelFlag;
            return families.flatMap(family => this.local!.runFamily(family, () => Atomics.load(flag, 0) !== 0));
        }
        const batch = ++this.batchId;
        const counter = new SharedArrayBuffer(4);
        const results = new Array<RunSummary>(count);
        const { pieces, first } = piecesOf(families);
        return new Promise<RunSummary[]>((resolve, reject) => {
            let pending = this.workers.length;
            let failure: Error | undefined;
            const listeners = this.workers.map(worker => {
                const listener = (message: FromPoolWorker) => {
                    if (message.batch !== batch) return;
                    if (message.type === 'results') {
                        message.indices.forEach((index, k) => {
                            results[index] = message.summaries[k];
                        });
                        return;
                    }
                    if (message.type === 'failed') failure ??= message.cancelled ? new SimulationCancelled() : new Error(message.message);
                    worker.off('message', listener);
                    if (--pending === 0) {
                        for (const w of this.workers) w.off('error', crashed);
                        if (failure) reject(failure);
                        else resolve(results);
                    }
                };
                worker.on('message', listener);
                return listener;
            });
            const crashed = (error: Error) => {
                this.workers.forEach((w, i) => w.off('message', listeners[i]));
                reject(error);
            };
            for (const worker of this.workers) worker.once('error', crashed);
            for (const worker of this.workers) {
                worker.postMessage({ type: 'batch', batch, families: pieces, first, counter, cancel: this.cancelFlag.buffer } satisfies ToPoolWorker);
            }
        });
    }

    /**
     * Starts a batch whose results `wait()` collects synchronously (Atomics.wait), so this
     * thread can do other work meanwhile, such as simulating and writing JSON, without
     * returning to its event loop. What no worker ran when they stop is run here.
     */
    runShared(families: RunFamily[]): SharedBatch {
        const runs = runsOf(families);
        const { pieces, first } = piecesOf(families);
        const records = new Float64Array(new SharedArrayBuffer(Math.max(1, runs.length * recordLength(this.model)) * 8));
        const counter = new Int32Array(new SharedArrayBuffer(4));
        const done = new Int32Array(new SharedArrayBuffer(8));
        const written = new Int32Array(new SharedArrayBuffer(Math.max(1, runs.length) * 4));
        for (const worker of this.workers) {
            worker.postMessage({
                type: 'shared',
                batch: ++this.batchId,
                families: pieces,
                first,
                counter: counter.buffer,
                cancel: this.cancelFlag.buffer,
                records: records.buffer,
                done: done.buffer,
                written: written.buffer
            } satisfies ToPoolWorker);
        }
        const model = this.model;
        return {
            wait: () => {
                for (;;) {
                    const finished = Atomics.load(done, 0);
                    if (finished >= runs.length) break;
                    if (this.workers.length === 0 || Atomics.load(done, 1) !== 0) {
                        // No worker, or one failed: run here every run not written yet (a run
                        // done twice gives the same bytes: runs are deterministic).
                        this.local ??= new SummaryRunner(model);
                        for (let i = 0; i < runs.length; i++) {
                            if (Atomics.load(written, i) === 0) {
                                writeRecord(model, records, i, this.local.run(runs[i]));
                                Atomics.store(written, i, 1);
                            }
                        }
                        break;
                    }
                    Atomics.wait(done, 0, finished, 1000);
                }
                return runs.map((_, i) => readRecord(model, records, i));
            }
        };
    }

    async close(): Promise<void> {
        await Promise.all(this.workers.map(w => w.terminate()));
        this.workers.length = 0;
    }
}

/**
 * A batch runner for sweeps that starts its pool at the first batch, sized by that batch
 * (see `threadsFor`), and keeps it for the next ones. `close` ends the workers.
 */
export function pooledBatches(
    model: LoweredModel,
    requested?: number
): {
    batch: (runs: number[][]) => Promise<RunSummary[]>;
    families: (families: RunFamily[]) => Promise<RunSummary[]>;
    close: () => Promise<void>;
    threads: () => number;
} {
    let pool: RunPool | undefined;
    const families = (batch: RunFamily[]) => {
        pool ??= new RunPool(model, threadsFor(model, runsOf(batch).length, requested));
        return pool.runFamilies(batch);
    };
    return {
        batch: runs => families(singleRuns(runs)),
        families,
        close: async () => {
            await pool?.close();
        },
        threads: () => pool?.size ?? 1
    };
}
