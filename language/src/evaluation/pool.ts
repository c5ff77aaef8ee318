/**
 * Sweeps on every core: a pool of worker threads, each given the lowered model once, that
 * share a batch of runs through one atomic counter and send back each run's summary. Results
 * land by run index, so they are the same, byte for byte, whatever the number of threads or
 * the order in which runs finish. Small sweeps stay on this thread: starting workers costs more
 * than they save below `POOL_MIN_WORK` (measured: docs/performance.md, "Sweeps on all cores").
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import { SimulationCancelled } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';
import type { FromPoolWorker, ToPoolWorker } from './pool-messages.js';

/**
 * Work (runs × periods × (lines + consumer slots)) from which the pool pays: starting two
 * workers, copying the model and warming their engines costs about 250 ms, which a sweep
 * must outweigh; about half a second of runs on one thread, some 2,000 runs of the Japan
 * example (60 periods × 71 lines and slots). Measured in docs/benchmarks.md.
 */
export const POOL_MIN_WORK = 8_000_000;

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

export class RunPool {
    private readonly workers: Worker[] = [];
    private local: SummaryRunner | undefined;
    private batchId = 0;
    private cancelFlag = new Int32Array(new SharedArrayBuffer(4));

    constructor(readonly model: LoweredModel, readonly threads: number, script = poolWorkerScript()) {
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
    async run(runs: number[][]): Promise<RunSummary[]> {
        if (runs.length === 0) return [];
        if (this.workers.length === 0) {
            this.local ??= new SummaryRunner(this.model);
            const flag = this.cancelFlag;
            return runs.map(events => this.local!.run(events, () => Atomics.load(flag, 0) !== 0));
        }
        const batch = ++this.batchId;
        const counter = new SharedArrayBuffer(4);
        const results = new Array<RunSummary>(runs.length);
        return new Promise<RunSummary[]>((resolve, reject) => {
            let pending = this.workers.length;
            let failure: Error | undefined;
            const listeners = this.workers.map(worker => {
                const listener = (message: FromPoolWorker) => {
                    if (message.batch !== batch) return;
                    if (message.type === 'results') {
                        message.indices.forEach((index, k) => { results[index] = message.summaries[k]; });
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
            const crashed = (error: Error) => { this.workers.forEach((w, i) => w.off('message', listeners[i])); reject(error); };
            for (const worker of this.workers) worker.once('error', crashed);
            for (const worker of this.workers) {
                worker.postMessage({ type: 'batch', batch, runs, counter, cancel: this.cancelFlag.buffer as SharedArrayBuffer } satisfies ToPoolWorker);
            }
        });
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
export function pooledBatches(model: LoweredModel, requested?: number): { batch: (runs: number[][]) => Promise<RunSummary[]>, close: () => Promise<void>, threads: () => number } {
    let pool: RunPool | undefined;
    return {
        batch: runs => {
            pool ??= new RunPool(model, threadsFor(model, runs.length, requested));
            return pool.run(runs);
        },
        close: async () => { await pool?.close(); },
        threads: () => pool?.size ?? 1
    };
}
