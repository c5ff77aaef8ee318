import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, Worker, workerData } from 'node:worker_threads';
import { ConstantSeries, resultsBesideScenarios, runEnds, SimulationCancelled, unpackSeries } from '../../../language/src/index.js';
import type { LoweredModel, ModelExplanation, ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import type { RunOutcome } from './engine-adapter.js';
import { mainRunFacts, memberEffects, messageOf } from './engine-adapter.js';
import { explainSafely } from './simulation-worker.js';
import { WORKER_MARK, type FromWorker, type ToWorker } from './worker-messages.js';
import { nextTurn, simulateYielding } from './yielding.js';

/** Receives each scenario's results as a run makes them (the run then keeps none). */
type ScenarioVisitor = (scenario: ScenarioResult) => void;

/** One simulation job: the main results first, then what each shock and measure changes. */
export interface EngineJob {
    result: Promise<RunOutcome>;
    effects: Promise<Record<string, MemberEffect[]> | undefined>;
    /** Last: which effects match or change nothing (undefined when cancelled or failed). */
    explanations: Promise<ModelExplanation[] | undefined>;
    /** Stops the job between two periods; `result` then resolves as cancelled at once. */
    cancel(): void;
}

export interface EngineRunner {
    start(model: LoweredModel): EngineJob;
    dispose(): void;
}

/**
 * Runs the engine on the server's own thread, yielding to the event loop every few
 * milliseconds (see yielding.ts). Used by tests and when workers are unavailable.
 */
export class InProcessRunner implements EngineRunner {
    start(model: LoweredModel, withEffects = true): EngineJob {
        let cancelled = false;
        const isCancelled = () => cancelled;
        const runOnce = async (m: LoweredModel, onScenario?: ScenarioVisitor): Promise<RunOutcome> => {
            try {
                return { kind: 'ok', result: await simulateYielding(m, { isCancelled, ...(onScenario ? { onScenario } : {}) }) };
            } catch (error) {
                if (error instanceof SimulationCancelled || cancelled) return { kind: 'cancelled' };
                return { kind: 'failed', message: messageOf(error) };
            }
        };
        const result = runOnce(model);
        const effects = result.then(r => (r.kind === 'ok' && withEffects ? memberEffects(model, mainRunFacts(r.result), runOnce) : undefined));
        const explanations = effects.then(e => (e && !cancelled ? explainSafely(model, isCancelled) : undefined));
        return {
            result,
            effects,
            explanations,
            cancel: () => {
                cancelled = true;
            }
        };
    }

    dispose(): void {
        // Nothing to release.
    }
}

/**
 * Runs the engine in worker threads of the same bundle: the server's thread stays free for
 * completion, hovers and diagnostics however long a run takes, and the engine's garbage is
 * collected over there. Cancellation is a shared flag the engine polls between periods.
 * Each scenario comes back as it is made, its series packed in one transferred buffer
 * (language/src/evaluation/packed-series.ts). On a machine with 4 cores or more a helper worker
 * shares each job's main run (worker-messages.ts), while the server's own thread only waits.
 */
export class WorkerRunner implements EngineRunner {
    private worker: Worker | undefined;
    private helper: Worker | undefined;
    /** Helpers left to start: one that stops at once is not restarted for ever. */
    private helperStarts = 3;
    private nextId = 1;
    private readonly pending = new Map<number, PendingJob>();
    /** Jobs the current worker has been given and not finished (cancelled ones included). */
    private readonly busy = new Set<number>();

    /**
     * `helped`: share main runs with a helper worker. By default from 4 cores: measured on 2
     * (docs/performance.md, "A helper for the main run"), the helper's runs contended with the
     * server's own parsing and the worker's, the edit → lens time fell by a tenth only, and the
     * second heap cost some 150 MB.
     */
    constructor(
        private readonly script: string,
        private readonly helped = availableParallelism() >= 4
    ) {}

    /** Only the effects of each shock and measure, for a run made by another runner. */
    startEffects(model: LoweredModel, result: SimulationResult): EngineJob {
        return this.start(model, result);
    }

    start(model: LoweredModel, done?: SimulationResult): EngineJob {
        const id = this.nextId++;
        const cancelFlag = new SharedArrayBuffer(4);
        let settleResult!: (o: RunOutcome) => void;
        let settleEffects!: (e: Record<string, MemberEffect[]> | undefined) => void;
        const result = new Promise<RunOutcome>(resolve => {
            settleResult = resolve;
        });
        const effects = new Promise<Record<string, MemberEffect[]> | undefined>(resolve => {
            settleEffects = resolve;
        });
        let settleExplanations!: (e: ModelExplanation[] | undefined) => void;
        const explanations = new Promise<ModelExplanation[] | undefined>(resolve => {
            settleExplanations = resolve;
        });
        const job: PendingJob = {
            result: settleResult,
            effects: settleEffects,
            explanations: settleExplanations,
            message: { id, model, cancelFlag, done },
            scenarios: [],
            arrived: 0,
            ranOut: false,
            settled: false,
            constants: new ConstantSeries()
        };
        this.pending.set(id, job);
        this.post(job);
        return {
            result,
            effects,
            explanations,
            cancel: () => {
                Atomics.store(new Int32Array(cancelFlag), 0, 1);
                this.finish(id, { kind: 'cancelled' });
                // The engine polls the flag between periods; a worker still on this job after
                // that is stuck somewhere else and must not hold the next runs (or the exit) back.
                const worker = this.worker;
                setTimeout(() => {
                    if (worker && worker === this.worker && this.busy.has(id)) this.replaceWorker();
                }, CANCEL_GRACE_MS).unref();
            }
        };
    }

    /**
     * Starts the worker now rather than with the first job: loading the bundle takes a few
     * hundred milliseconds, which then overlap the first parse instead of delaying the first
     * lenses. Every model's effects run in the worker, so it is always needed. The helper
     * starts with the first job that needs it (starting it too slowed small models' first lenses).
     */
    prestart(): void {
        try {
            this.ensureWorker();
        } catch {
            // The first job tries again, and fails there with a message.
        }
    }

    dispose(): void {
        const workers = [this.worker, this.helper];
        this.worker = this.helper = undefined;
        this.busy.clear();
        for (const worker of workers) {
            worker?.removeAllListeners();
            void worker?.terminate();
        }
        for (const id of [...this.pending.keys()]) this.finish(id, { kind: 'cancelled' });
    }

    /** Sends a job to the worker; its main run shared with the helper (unless `alone`) when there is one and it has two runs or more. */
    private post(job: PendingJob, alone = false): void {
        const { message } = job;
        try {
            const worker = this.ensureWorker();
            const helper = this.helped && !alone && !message.done && message.model.scenarios.length > 0 ? this.ensureHelper() : undefined;
            job.scenarios = new Array<ScenarioResult | undefined>(message.model.scenarios.length + 1);
            job.arrived = 0;
            job.ranOut = job.settled = false;
            if (!helper) {
                worker.postMessage({ ...message, shared: undefined } satisfies ToWorker);
            } else {
                const ends = runEnds(message.model.scenarios.length + 1).buffer as SharedArrayBuffer;
                const { port1, port2 } = new MessageChannel();
                worker.postMessage({ ...message, shared: { ends, port: port1 } } satisfies ToWorker, [port1]);
                helper.postMessage({ ...message, shared: { ends, port: port2 }, helping: true } satisfies ToWorker, [port2]);
            }
            this.busy.add(message.id);
        } catch (error) {
            this.finish(message.id, { kind: 'failed', message: messageOf(error) });
        }
    }

    /** Terminates the workers; the jobs they held that are still wanted go to new ones. */
    private replaceWorker(): void {
        const workers = [this.worker, this.helper];
        this.worker = this.helper = undefined;
        this.busy.clear();
        for (const worker of workers) {
            worker?.removeAllListeners();
            void worker?.terminate();
        }
        for (const job of [...this.pending.values()]) this.post(job);
    }

    private startWorker(): Worker {
        // The worker's stdout must never reach the server's: over stdio that is the protocol stream.
        const worker = new Worker(this.script, { workerData: { [WORKER_MARK]: true }, argv: [], stdout: true, stderr: true });
        worker.stdout.pipe(process.stderr);
        worker.stderr.pipe(process.stderr);
        worker.on('message', (message: FromWorker) => this.receive(message));
        // A worker must not keep the server alive on its own.
        worker.unref();
        return worker;
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        const worker = this.startWorker();
        const failAll = (why: string) => {
            if (this.worker !== worker) return;
            this.worker = undefined;
            for (const id of [...this.pending.keys()]) this.finish(id, { kind: 'failed', message: why });
        };
        worker.on('error', error => failAll(`the simulation worker failed: ${messageOf(error)}`));
        worker.on('exit', code => failAll(`the simulation worker stopped (exit code ${code})`));
        this.worker = worker;
        return worker;
    }

    /** The helper, or undefined once it stopped too often (the worker then runs jobs alone). */
    private ensureHelper(): Worker | undefined {
        if (this.helper || this.helperStarts <= 0) return this.helper;
        this.helperStarts--;
        const helper = this.startWorker();
        // A helper that stops loses its share of the jobs it had: they run again, without it.
        const lost = () => {
            if (this.helper !== helper) return;
            this.helper = undefined;
            this.rerunAlone();
        };
        helper.on('error', lost);
        helper.on('exit', lost);
        this.helper = helper;
        return helper;
    }

    /** The jobs still waiting for their main run, again on the worker alone (the same results: runs are deterministic). */
    private rerunAlone(): void {
        for (const job of [...this.pending.values()]) {
            if (job.message.done || job.settled) continue;
            // A new id: what the worker still sends of the old one is no longer read.
            this.busy.delete(job.message.id);
            this.pending.delete(job.message.id);
            job.message = { ...job.message, id: this.nextId++ };
            this.pending.set(job.message.id, job);
            this.post(job, true);
        }
    }

    private receive(message: FromWorker): void {
        // The explanations (or a result that is not ok) are the last the worker says of a job.
        if (isLastMessage(message)) this.busy.delete(message.id);
        const job = this.pending.get(message.id);
        if (!job) return;
        if (message.kind === 'scenario') {
            job.scenarios[message.index] = unpackSeries(message.summary, message.series, job.constants);
            job.arrived++;
            this.settleMainRun(job);
        } else if (message.kind === 'result') {
            if (message.outcome.kind !== 'ok') {
                this.finish(message.id, message.outcome);
                return;
            }
            job.ranOut = true;
            this.settleMainRun(job);
        } else if (message.kind === 'helped') {
            if (message.failed) {
                // The engine threw in the helper: the same would happen here, so the job fails as it would alone.
                this.finish(message.id, { kind: 'failed', message: 'the simulation failed' });
            }
        } else if (message.kind === 'effects') {
            job.effects(message.effects);
            // A job of effects only (`startEffects`) has no main run of its own.
            job.result({ kind: 'cancelled' });
            if (message.effects === undefined) this.finish(message.id, { kind: 'cancelled' });
        } else {
            job.explanations(message.explanations);
            this.pending.delete(message.id);
        }
    }

    /** The main run's result, once the worker's share is done and every run has arrived (from either worker). */
    private settleMainRun(job: PendingJob): void {
        const runs = job.message.model.scenarios.length + 1;
        if (job.settled || !job.ranOut || job.arrived < runs) return;
        job.settled = true;
        const scenarios = job.scenarios as ScenarioResult[];
        job.result({ kind: 'ok', result: { ...resultsBesideScenarios(job.message.model, scenarios), scenarios } });
    }

    private finish(id: number, outcome: RunOutcome): void {
        const job = this.pending.get(id);
        if (!job) return;
        this.pending.delete(id);
        job.result(outcome);
        job.effects(undefined);
        job.explanations(undefined);
    }
}

/** A job the workers hold: how it settles, what was sent, and the main run as it arrives. */
interface PendingJob {
    result: (o: RunOutcome) => void;
    effects: (e: Record<string, MemberEffect[]> | undefined) => void;
    explanations: (e: ModelExplanation[] | undefined) => void;
    message: ToWorker;
    /** The main run's results by index (0 the baseline), from whichever worker made them. */
    scenarios: (ScenarioResult | undefined)[];
    arrived: number;
    /** The worker's share of the main run is done. */
    ranOut: boolean;
    /** The main run's result is given. */
    settled: boolean;
    /** The flat series of its scenarios, each held once (packed-series.ts). */
    constants: ConstantSeries;
}

function isLastMessage(message: FromWorker): boolean {
    if (message.kind === 'scenario' || message.kind === 'helped') return false;
    if (message.kind === 'result') return message.outcome.kind !== 'ok';
    return message.kind === 'explanations' || message.effects === undefined;
}

/** How long a cancelled job may keep the worker busy before the worker is terminated. */
const CANCEL_GRACE_MS = 300;

/** Engine work below which a run stays on the server's thread: about 50-100 ms of engine time. */
export const IN_PROCESS_LIMIT = 1_000_000;

/** Periods x (flows + consumers + consumer materials) x runs: what a run costs, roughly. */
export function workUnits(model: LoweredModel): number {
    return model.calendar.periods * (model.lines.count + model.consumers.names.length + model.cms.consumer.length) * (model.scenarios.length + 1);
}

/**
 * Small and medium models run on the server's thread (no copying: their numbers are there
 * soonest), large ones in the worker (the server stays responsive however long they take);
 * the effects of shocks and measures, which take several runs more, always in the worker.
 */
export class HybridRunner implements EngineRunner {
    private readonly inProcess = new InProcessRunner();

    constructor(
        private readonly worker: WorkerRunner,
        private readonly limit = IN_PROCESS_LIMIT
    ) {}

    start(model: LoweredModel): EngineJob {
        if (workUnits(model) >= this.limit) return this.worker.start(model);
        let cancelled = false;
        let effectsJob: EngineJob | undefined;
        const local = this.inProcess.start(model, false);
        const effects = local.result.then(async outcome => {
            if (outcome.kind !== 'ok' || cancelled) return undefined;
            // Posting copies the model and the result: after the lenses that wait for this result.
            await nextTurn();
            if (cancelled) return undefined;
            effectsJob = this.worker.startEffects(model, outcome.result);
            return effectsJob.effects;
        });
        const explanations = effects.then(e => (e && effectsJob ? effectsJob.explanations : undefined));
        return {
            result: local.result,
            effects,
            explanations,
            cancel: () => {
                cancelled = true;
                local.cancel();
                effectsJob?.cancel();
            }
        };
    }

    dispose(): void {
        this.worker.dispose();
    }
}

/** True in a worker thread started by `WorkerRunner` (main.ts then serves jobs, not LSP). */
export function isSimulationWorker(): boolean {
    return !isMainThread && Boolean((workerData as Record<string, unknown> | undefined)?.[WORKER_MARK]);
}

export { serveSimulationJobs } from './simulation-worker.js';
