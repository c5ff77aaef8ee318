import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { packSeries, simulate, simulateEach, SimulationCancelled, unpackSeries, type PackedSeries } from '../../../language/src/index.js';
import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import type { LoweredModel } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import type { RunOutcome } from './engine-adapter.js';
import { mainRunFacts, memberEffects, messageOf } from './engine-adapter.js';
import { simulateYielding } from './yielding.js';
import { explainModel, type ModelExplanation } from '../../../language/src/index.js';

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

/** Messages between the server and its simulation worker. */
type ToWorker = {
    id: number;
    model: LoweredModel;
    cancelFlag: SharedArrayBuffer;
    /**
     * Only the member effects, from a run done elsewhere: its whole result (the effects read
     * the horizon and the scenarios' series for the exposure change, not only their totals).
     */
    done?: SimulationResult;
};

type FromWorker =
    /**
     * One scenario of the main run as soon as it is made, its series packed: unpacking a big
     * result at once held the server's thread for some 300 ms, one scenario at a time a few
     * tens, between which requests are answered. The `result` that follows has no scenarios.
     */
    | { id: number; kind: 'scenario'; summary: ScenarioResult; series: PackedSeries }
    | { id: number; kind: 'result'; outcome: RunOutcome }
    | { id: number; kind: 'effects'; effects: Record<string, MemberEffect[]> | undefined }
    | { id: number; kind: 'explanations'; explanations: ModelExplanation[] | undefined };

const WORKER_MARK = 'chokepoint-simulation-worker';

/**
 * Runs the engine in a worker thread of the same bundle: the server's thread stays free for
 * completion, hovers and diagnostics however long a run takes, and the engine's garbage is
 * collected over there. Cancellation is a shared flag the engine polls between periods.
 * Each scenario comes back as it is made, its series packed in one transferred buffer
 * (language/src/evaluation/packed-series.ts).
 */
export class WorkerRunner implements EngineRunner {
    private worker: Worker | undefined;
    private nextId = 1;
    private readonly pending = new Map<
        number,
        {
            result: (o: RunOutcome) => void;
            effects: (e: Record<string, MemberEffect[]> | undefined) => void;
            explanations: (e: ModelExplanation[] | undefined) => void;
            message: ToWorker;
            /** The scenarios streamed so far, in result order. */
            scenarios: ScenarioResult[];
        }
    >();
    /** Jobs the current worker has been given and not finished (cancelled ones included). */
    private readonly busy = new Set<number>();

    constructor(private readonly script: string) {}

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
        const message: ToWorker = { id, model, cancelFlag, done };
        this.pending.set(id, { result: settleResult, effects: settleEffects, explanations: settleExplanations, message, scenarios: [] });
        this.post(message);
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
     * Starts the worker now rather than with the first job: loading its bundle takes a few
     * hundred milliseconds, which then overlap the first parse instead of delaying the first
     * lenses. Every model's effects run in the worker, so it is always needed.
     */
    prestart(): void {
        try {
            this.ensureWorker();
        } catch {
            // The first job tries again, and fails there with a message.
        }
    }

    dispose(): void {
        const worker = this.worker;
        this.worker = undefined;
        this.busy.clear();
        worker?.removeAllListeners();
        void worker?.terminate();
        for (const id of [...this.pending.keys()]) this.finish(id, { kind: 'cancelled' });
    }

    private post(message: ToWorker): void {
        try {
            this.ensureWorker().postMessage(message);
            this.busy.add(message.id);
        } catch (error) {
            this.finish(message.id, { kind: 'failed', message: messageOf(error) });
        }
    }

    /** Terminates the worker; the jobs it held that are still wanted go to a new one. */
    private replaceWorker(): void {
        const worker = this.worker;
        this.worker = undefined;
        this.busy.clear();
        worker?.removeAllListeners();
        void worker?.terminate();
        for (const job of [...this.pending.values()]) this.post(job.message);
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        // The worker's stdout must never reach the server's: over stdio that is the protocol stream.
        const worker = new Worker(this.script, { workerData: { [WORKER_MARK]: true }, argv: [], stdout: true, stderr: true });
        worker.stdout.pipe(process.stderr);
        worker.stderr.pipe(process.stderr);
        worker.on('message', (message: FromWorker) => {
            // The explanations (or a result that is not ok) are the last the worker says of a job.
            if (isLastMessage(message)) this.busy.delete(message.id);
            const job = this.pending.get(message.id);
            if (!job) return;
            if (message.kind === 'scenario') {
                job.scenarios.push(unpackSeries(message.summary, message.series));
            } else if (message.kind === 'result') {
                const { outcome } = message;
                job.result(
                    outcome.kind === 'ok' && job.scenarios.length > 0 ? { kind: 'ok', result: { ...outcome.result, scenarios: job.scenarios } } : outcome
                );
                if (outcome.kind !== 'ok') this.finish(message.id, outcome);
            } else if (message.kind === 'effects') {
                job.effects(message.effects);
                job.result({ kind: 'cancelled' });
                if (message.effects === undefined) this.finish(message.id, { kind: 'cancelled' });
            } else {
                job.explanations(message.explanations);
                this.pending.delete(message.id);
            }
        });
        const failAll = (why: string) => {
            if (this.worker === worker) this.worker = undefined;
            for (const id of [...this.pending.keys()]) this.finish(id, { kind: 'failed', message: why });
        };
        worker.on('error', error => failAll(`the simulation worker failed: ${messageOf(error)}`));
        worker.on('exit', code => failAll(`the simulation worker stopped (exit code ${code})`));
        // The worker must not keep the server alive on its own.
        worker.unref();
        this.worker = worker;
        return worker;
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

function isLastMessage(message: FromWorker): boolean {
    if (message.kind === 'scenario') return false;
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
        const effects = local.result.then(outcome => {
            if (outcome.kind !== 'ok' || cancelled) return undefined;
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

/** True in the worker thread started by `WorkerRunner` (main.ts then serves jobs, not LSP). */
export function isSimulationWorker(): boolean {
    return !isMainThread && Boolean((workerData as Record<string, unknown> | undefined)?.[WORKER_MARK]);
}

/** The worker's loop: one job at a time, synchronous engine, cancellable between periods. */
export function serveSimulationJobs(): void {
    parentPort!.on('message', ({ id, model, cancelFlag, done }: ToWorker) => {
        const flag = new Int32Array(cancelFlag);
        const shouldCancel = () => Atomics.load(flag, 0) === 1;
        const runOnce = (m: LoweredModel, onScenario?: ScenarioVisitor): RunOutcome => {
            try {
                if (onScenario) return { kind: 'ok', result: { ...simulateEach(m, { shouldCancel }, onScenario), scenarios: [] } };
                return { kind: 'ok', result: simulate(m, { shouldCancel }) };
            } catch (error) {
                if (error instanceof SimulationCancelled || shouldCancel()) return { kind: 'cancelled' };
                return { kind: 'failed', message: messageOf(error) };
            }
        };
        // After the effects, the explanations: the last message of every job that got this far.
        const sendEffects = (e: Record<string, MemberEffect[]> | undefined) => {
            const effects = shouldCancel() ? undefined : e;
            parentPort!.postMessage({ id, kind: 'effects', effects } satisfies FromWorker);
            if (effects === undefined) return;
            const explanations = explainSafely(model, shouldCancel);
            parentPort!.postMessage({ id, kind: 'explanations', explanations: shouldCancel() ? undefined : explanations } satisfies FromWorker);
        };
        // A failure still ends the job (no effects), so the worker is never held busy by it.
        const failed = () => sendEffects(undefined);
        if (done) {
            void memberEffects(model, mainRunFacts(done), async (m, visit) => runOnce(m, visit)).then(sendEffects, failed);
            return;
        }
        // Each scenario goes out as soon as it is made (and is kept here for the effects).
        const scenarios: ScenarioResult[] = [];
        const outcome = runOnce(model, scenario => {
            scenarios.push(scenario);
            const { summary, series } = packSeries(scenario);
            parentPort!.postMessage({ id, kind: 'scenario', summary, series } satisfies FromWorker, [
                series.values.buffer as ArrayBuffer,
                series.lengths.buffer as ArrayBuffer
            ]);
        });
        parentPort!.postMessage({ id, kind: 'result', outcome } satisfies FromWorker);
        if (outcome.kind !== 'ok') return;
        // Then, from the totals of the same result, what each shock and measure changes.
        void memberEffects(model, mainRunFacts({ ...outcome.result, scenarios }), async (m, visit) => runOnce(m, visit)).then(sendEffects, failed);
    });
}

/** The explanations of a model, or undefined when cancelled or when the engine fails. */
function explainSafely(model: LoweredModel, shouldCancel: () => boolean): ModelExplanation[] | undefined {
    try {
        return explainModel(model, { shouldCancel });
    } catch {
        return undefined;
    }
}
