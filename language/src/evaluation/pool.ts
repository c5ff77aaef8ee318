/**
 * Sweeps on every core: a pool of worker threads, each given the lowered model once, that
 * share a batch of runs (families of runs that share their first periods, run-families.ts)
 * through one atomic counter and send back each run's summary. Results
 * land by run index, so they are the same, byte for byte, whatever the number of threads or
 * the order in which runs finish. Small sweeps stay on this thread: starting workers costs more
 * than they save below `POOL_MIN_WORK` (measured: docs/performance.md, "Sweeps on all cores").
 *
 * A pool lives as long as its caller likes (the language server keeps one for the session):
 * each batch has its own cancel flag, so a cancelled batch leaves the workers idle for the
 * next; `load` gives every worker a new model; a worker that stops is replaced.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runsOf, singleRuns, splitFamilies, type RunFamily } from '../decisions/run-families.js';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import type { ScenarioResult } from '../engine/results.js';
import { ScenarioSimulator, SimulationCancelled, type ScenarioRun } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';
import type { FromPoolWorker, ToPoolWorker } from './pool-messages.js';
import { startSharedBatch, type SharedBatch } from './pool-shared.js';
import { ConstantSeries, unpackSeries } from './packed-series.js';
import { runEnds, takeFront } from './run-ends.js';

export type { SharedBatch };

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

/** What a batch may be given. */
export interface BatchOptions {
    /** Aborting it stops this batch (it rejects with SimulationCancelled); the pool stays usable. */
    signal?: AbortSignal;
    /** Called as summaries arrive: how many of the batch's runs are done, of how many. */
    onProgress?: (done: number, total: number) => void;
}

/** Where the worker bundle is: next to this bundle (out/), or under the repository's out/ when running from source. */
export function poolWorkerScript(): string | undefined {
    return bundledScript('pool-worker.js');
}

/** A bundle of out/ (a worker's script): next to this bundle, or under the repository's out/ when running from source. */
export function bundledScript(name: string): string | undefined {
    return [path.join(__dirname, name), path.resolve(__dirname, '../../../out', name)].find(existsSync);
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

/**
 * Work (as `sweepWork`) from which `run --json`'s baseline and scenarios pay on workers: a
 * whole run also assembles its results (shares, series), so it costs several summary runs, and
 * the results travel back packed. Measured in docs/performance.md ("Scenarios on all cores").
 */
export const SCENARIO_POOL_MIN_WORK = 5_000_000;

/**
 * Worker threads for `run --json`'s runs: none below `SCENARIO_POOL_MIN_WORK`, else one per
 * other core (this thread runs scenarios too, and writes the JSON), at most one per other run.
 */
export function scenarioWorkersFor(model: LoweredModel, runs: number): number {
    if (runs < 2 || sweepWork(model, runs) < SCENARIO_POOL_MIN_WORK) return 0;
    return Math.max(1, Math.min(availableParallelism() - 1, runs - 1));
}

/** A batch the workers are running: its cancel flag, and how it ends. */
interface ActiveBatch {
    cancel: Int32Array;
    /** Warm-ups are not cancelled by `cancel()`. */
    cancellable: boolean;
    receive(message: FromPoolWorker): void;
    fail(error: Error): void;
}

export class RunPool {
    private readonly workers: Worker[] = [];
    private readonly active = new Map<number, ActiveBatch>();
    private readonly crashes = new WeakMap<Worker, Error>();
    /** The batches each worker was sent and has not finished: what its stopping fails. */
    private readonly held = new Map<Worker, Set<number>>();
    private current: LoweredModel;
    private local: SummaryRunner | undefined;
    private batchId = 0;
    private closed = false;
    /** Replacements left: a worker bundle that stops at once is not restarted for ever. */
    private restarts: number;

    /**
     * `threads` worker threads, or none for 1 (the runs on this thread). `workers` overrides
     * the count for callers whose own thread runs too (`runScenarios`), where 1 worker pays.
     */
    constructor(
        model: LoweredModel,
        readonly threads: number,
        private readonly script = poolWorkerScript(),
        workers = threads <= 1 ? 0 : threads
    ) {
        this.current = model;
        this.restarts = 3 * Math.max(1, workers);
        if (workers <= 0 || !script) return;
        for (let i = 0; i < workers; i++) this.workers.push(this.startWorker(script));
    }

    /** Whether any worker thread runs (else every batch runs on this thread). */
    get hasWorkers(): boolean {
        return this.workers.length > 0;
    }

    /** The model the next batch runs on. */
    get model(): LoweredModel {
        return this.current;
    }

    /** How many threads run the batches (1: this one). */
    get size(): number {
        return Math.max(1, this.workers.length);
    }

    /** Every worker replaces its model: batches started after this run on `model` (a worker takes messages in order). */
    load(model: LoweredModel): void {
        if (model === this.current) return;
        this.current = model;
        this.local = undefined;
        for (const worker of this.workers) worker.postMessage({ type: 'model', model } satisfies ToPoolWorker);
    }

    /**
     * Resolves once every worker has started, loaded its engine bundle and the model and run
     * the baseline and its scenarios a few times, so the first batch does not pay for it
     * (measured: docs/performance.md, "Sweeps on all cores").
     */
    warm(): Promise<void> {
        if (this.workers.length === 0) return Promise.resolve();
        const batch = ++this.batchId;
        const done = this.track(batch, 0, { cancellable: false }).then(() => undefined);
        for (const worker of this.workers) this.send(worker, { type: 'warm', batch });
        return done;
    }

    /** Stops the batches in progress; they reject with SimulationCancelled. */
    cancel(): void {
        for (const batch of this.active.values()) if (batch.cancellable) Atomics.store(batch.cancel, 0, 1);
    }

    /** Each run's summary, in the order of `runs`. */
    run(runs: number[][], options: BatchOptions = {}): Promise<RunSummary[]> {
        return this.runFamilies(singleRuns(runs), options);
    }

    /** Each run's summary, in the order of the families' runs (run-families.ts: shared periods run once). */
    async runFamilies(families: RunFamily[], options: BatchOptions = {}): Promise<RunSummary[]> {
        const { signal, onProgress } = options;
        if (signal?.aborted) throw new SimulationCancelled();
        const count = families.reduce((n, f) => n + f.runs.length, 0);
        if (count === 0) return [];
        if (this.workers.length === 0) return this.runHere(families, count, options);
        const batch = ++this.batchId;
        const results = this.track(batch, count, { cancellable: true, signal, onProgress });
        const { pieces, first } = piecesOf(families);
        const cancel = this.active.get(batch)!.cancel.buffer as SharedArrayBuffer;
        const counter = new SharedArrayBuffer(4);
        for (const worker of this.workers) {
            this.send(worker, { type: 'batch', batch, families: pieces, first, counter, cancel });
        }
        return results;
    }

    /**
     * The whole results of `runs` (`run --json`'s baseline and scenarios), each handed to
     * `onResult` as it arrives, in any order; resolves once every worker is done with them.
     * This thread runs its share too (without workers, all of them, in order).
     */
    async runScenarios(runs: ScenarioRun[], onResult: (index: number, result: ScenarioResult) => void, options: BatchOptions = {}): Promise<void> {
        const { signal } = options;
        if (signal?.aborted) throw new SimulationCancelled();
        const shouldCancel = () => signal?.aborted === true;
        const simulator = new ScenarioSimulator(this.current);
        if (this.workers.length === 0) {
            runs.forEach((run, i) => onResult(i, simulator.run(run, shouldCancel)));
            return;
        }
        const batch = ++this.batchId;
        const seen = new Uint8Array(runs.length);
        const deliver = (index: number, result: ScenarioResult) => {
            seen[index] = 1;
            onResult(index, result);
        };
        const constants = new ConstantSeries();
        const onScenario = (message: Extract<FromPoolWorker, { type: 'scenario' }>) =>
            deliver(message.index, unpackSeries(message.summary, message.series, constants));
        const done = this.track(batch, 0, { cancellable: true, signal, onScenario });
        const cancel = this.active.get(batch)!.cancel.buffer as SharedArrayBuffer;
        const ends = runEnds(runs.length);
        for (const worker of this.workers) this.send(worker, { type: 'scenarios', batch, runs, ends: ends.buffer as SharedArrayBuffer, cancel });
        // This thread takes runs from the front (run-ends.ts), the workers from the back; it
        // lets their results in between its own (and its caller post more batches first).
        try {
            for (let k = takeFront(ends); k >= 0; k = takeFront(ends)) {
                await new Promise(resolve => setImmediate(resolve));
                deliver(k, simulator.run(runs[k], shouldCancel));
            }
        } catch (error) {
            Atomics.store(new Int32Array(cancel), 0, 1);
            await done.catch(() => undefined);
            throw error;
        }
        try {
            await done;
        } catch (error) {
            if (error instanceof SimulationCancelled) throw error;
            // A worker stopped: the runs it took run here (the same results, runs are deterministic).
            runs.forEach((run, i) => {
                if (!seen[i]) deliver(i, simulator.run(run, shouldCancel));
            });
        }
    }

    /**
     * Starts a batch whose results `wait()` collects synchronously (Atomics.wait), so this
     * thread can do other work meanwhile, such as simulating and writing JSON, without
     * returning to its event loop. What no worker ran when they stop is run here.
     */
    runShared(families: RunFamily[]): SharedBatch {
        return startSharedBatch(this.workers, this.current, ++this.batchId, families, piecesOf(families));
    }

    async close(): Promise<void> {
        this.closed = true;
        const workers = this.workers.splice(0);
        for (const batch of [...this.active.values()]) batch.fail(new SimulationCancelled());
        await Promise.all(workers.map(w => w.terminate()));
    }

    /** No worker: the runs on this thread, one engine kept from batch to batch. */
    private runHere(families: RunFamily[], count: number, { signal, onProgress }: BatchOptions): RunSummary[] {
        const cancel = new Int32Array(1);
        const batch: ActiveBatch = { cancel, cancellable: true, receive: () => undefined, fail: () => undefined };
        const id = ++this.batchId;
        this.active.set(id, batch);
        try {
            this.local ??= new SummaryRunner(this.current);
            const local = this.local;
            const shouldCancel = () => cancel[0] !== 0 || signal?.aborted === true;
            const summaries: RunSummary[] = [];
            for (const family of families) {
                summaries.push(...local.runFamily(family, shouldCancel));
                onProgress?.(summaries.length, count);
            }
            return summaries;
        } finally {
            this.active.delete(id);
        }
    }

    /**
     * The batch's promise: summaries land by index as workers send them; it settles once every
     * worker has finished its share (so they are idle for the next batch), or at once when a
     * worker stops.
     */
    private track(
        id: number,
        count: number,
        {
            cancellable,
            signal,
            onProgress,
            onScenario
        }: { cancellable: boolean; onScenario?: (message: Extract<FromPoolWorker, { type: 'scenario' }>) => void } & BatchOptions
    ): Promise<RunSummary[]> {
        return new Promise<RunSummary[]>((resolve, reject) => {
            const results = new Array<RunSummary>(count);
            const cancel = new Int32Array(new SharedArrayBuffer(4));
            let pending = this.workers.length,
                received = 0;
            let failure: Error | undefined;
            const abort = () => Atomics.store(cancel, 0, 1);
            signal?.addEventListener('abort', abort, { once: true });
            const settle = (error: Error | undefined) => {
                this.active.delete(id);
                signal?.removeEventListener('abort', abort);
                // Cancelled before it settled: it rejects, even if the workers finished first.
                if (!error && cancellable && Atomics.load(cancel, 0) !== 0) error = new SimulationCancelled();
                if (error) reject(error);
                else resolve(results);
            };
            this.active.set(id, {
                cancel,
                cancellable,
                receive: message => {
                    if (message.type === 'scenario') {
                        if (failure === undefined) onScenario?.(message);
                        return;
                    }
                    if (message.type === 'results') {
                        message.indices.forEach((index, k) => {
                            results[index] = message.summaries[k];
                        });
                        received += message.indices.length;
                        onProgress?.(received, count);
                        return;
                    }
                    if (message.type === 'failed') {
                        failure ??= message.cancelled ? new SimulationCancelled() : new Error(message.message);
                        abort();
                    }
                    if (--pending === 0) settle(failure);
                },
                fail: error => {
                    abort();
                    settle(error);
                }
            });
        });
    }

    private send(worker: Worker, message: Extract<ToPoolWorker, { batch: number }>): void {
        this.held.get(worker)?.add(message.batch);
        worker.postMessage(message);
    }

    private startWorker(script: string): Worker {
        const worker = new Worker(script);
        this.held.set(worker, new Set());
        worker.postMessage({ type: 'model', model: this.current } satisfies ToPoolWorker);
        worker.on('message', (message: FromPoolWorker) => {
            if (message.type !== 'results' && message.type !== 'scenario') this.held.get(worker)?.delete(message.batch);
            this.active.get(message.batch)?.receive(message);
        });
        worker.on('error', error => this.crashes.set(worker, error));
        worker.once('exit', code => this.stopped(worker, code));
        return worker;
    }

    /**
     * A worker stopped without being closed (a crash, out of memory): the batches it held
     * reject with its error, since part of their runs is lost with it (running them again could
     * crash again), and a new worker with the current model takes its place for the next batch
     * (at most 3 per thread over the pool's life; beyond, the pool shrinks, down to this thread).
     */
    private stopped(worker: Worker, code: number): void {
        const index = this.workers.indexOf(worker);
        const held = this.held.get(worker) ?? new Set<number>();
        this.held.delete(worker);
        if (this.closed || index < 0) return;
        if (this.restarts-- > 0) this.workers[index] = this.startWorker(this.script!);
        else this.workers.splice(index, 1);
        const error = this.crashes.get(worker) ?? new Error(`A sweep worker stopped (exit code ${code}).`);
        for (const id of held) this.active.get(id)?.fail(error);
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
