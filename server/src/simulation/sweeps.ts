/**
 * The editor's decision sweeps (the ranking view, the chart's frontier) on one run pool the
 * server keeps for the session: started at the first sweep big enough to need it (or warmed
 * when one is likely), closed on shutdown. A sweep below the pool's crossover runs here, as
 * the CLI's would; above it, never on the server's thread. Each sweep is cancellable: the
 * request's token aborts its batches, and a sweep of a newer text of the same document aborts
 * the older one (its request answers ContentModified). The figures are the CLI's: the same
 * evaluation functions, and the pool's bytes do not depend on its threads.
 */
import { availableParallelism } from 'node:os';
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import {
    familySummaries,
    POOL_MIN_WORK,
    RunPool,
    SimulationCancelled,
    sweepWork,
    type LoweredModel,
    type RunFamily,
    type RunSummary
} from '../../../language/src/index.js';

export interface SweepOptions {
    /** Work (runs × periods × (lines + slots)) from which a batch goes to the pool (default: the pool's crossover). */
    minWork?: number;
    /** Worker threads (default: the machine's cores, at least 2, so a sweep never runs here). */
    threads?: number;
}

/** One sweep of one document's results: its batches, and how it ended. */
export interface Sweep {
    /** The families' summaries on `model` (a sweep may run on a model of its own, e.g. with outages). */
    families: (model: LoweredModel, families: RunFamily[]) => Promise<RunSummary[]>;
    /** Each run alone. */
    runs: (model: LoweredModel, runs: number[][]) => Promise<RunSummary[]>;
    /**
     * `compute`'s answer; when the sweep was stopped, the error its request answers:
     * RequestCancelled (the token) or ContentModified (a newer text). Ends the sweep either way.
     */
    answer: <T>(compute: () => Promise<T>) => Promise<T>;
}

interface Running {
    /** The results the sweep is for: a newer set of results of the same document supersedes it. */
    results: object;
    controller: AbortController;
    superseded: boolean;
}

export class SweepService {
    private pool: RunPool | undefined;
    private readonly running = new Map<string, Set<Running>>();
    private closed = false;

    constructor(private readonly options: SweepOptions = {}) {}

    /** A sweep of `uri` for its results `results`; aborts the sweeps of the document's older results. */
    start(uri: string, results: object, token?: CancellationToken): Sweep {
        const own: Running = { results, controller: new AbortController(), superseded: false };
        const sweeps = this.running.get(uri) ?? new Set<Running>();
        this.running.set(uri, sweeps);
        for (const other of sweeps) {
            if (other.results === results) continue;
            other.superseded = true;
            other.controller.abort();
        }
        sweeps.add(own);
        const cancelled = token?.onCancellationRequested(() => own.controller.abort());
        if (token?.isCancellationRequested) own.controller.abort();
        const signal = own.controller.signal;
        const families = (model: LoweredModel, batch: RunFamily[]) => this.runFamilies(model, batch, signal);
        const end = () => {
            cancelled?.dispose();
            sweeps.delete(own);
            if (sweeps.size === 0 && this.running.get(uri) === sweeps) this.running.delete(uri);
        };
        return {
            families,
            runs: (model, runs) =>
                families(
                    model,
                    runs.map(events => ({ trunk: events, runs: [events], shared: [0] }))
                ),
            answer: async <T>(compute: () => Promise<T>): Promise<T> => {
                try {
                    return await compute();
                } catch (error) {
                    if (!(error instanceof SimulationCancelled)) throw error;
                    if (own.superseded) throw new ResponseError(LSPErrorCodes.ContentModified, 'A newer text of the model superseded this sweep.');
                    throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
                } finally {
                    end();
                }
            }
        };
    }

    /**
     * Starts the pool's workers with `model` (a sweep is likely), so the first batch finds them
     * ready; once started, the pool stays warm (a hover after each keystroke warms nothing more).
     */
    warm(model: LoweredModel): void {
        if (this.pool || this.closed) return;
        this.poolFor(model)
            .warm()
            .catch(() => undefined);
    }

    /** How many sweeps of the document are running (tests). */
    runningFor(uri: string): number {
        return this.running.get(uri)?.size ?? 0;
    }

    async close(): Promise<void> {
        this.closed = true;
        for (const sweeps of this.running.values()) for (const sweep of sweeps) sweep.controller.abort();
        const pool = this.pool;
        this.pool = undefined;
        await pool?.close();
    }

    private async runFamilies(model: LoweredModel, families: RunFamily[], signal: AbortSignal): Promise<RunSummary[]> {
        if (signal.aborted || this.closed) throw new SimulationCancelled();
        const runs = families.reduce((n, f) => n + f.runs.length, 0);
        if (sweepWork(model, runs) < (this.options.minWork ?? POOL_MIN_WORK)) {
            // Below the crossover, workers cost more than they save: here, as the CLI does.
            return familySummaries(model, families, () => signal.aborted);
        }
        return this.poolFor(model).runFamilies(families, { signal });
    }

    /** The session's pool, its workers on `model` (batches sent after this run on it). */
    private poolFor(model: LoweredModel): RunPool {
        if (!this.pool) this.pool = new RunPool(model, this.options.threads ?? Math.max(2, availableParallelism()));
        else this.pool.load(model);
        return this.pool;
    }
}
