/**
 * The simulation workers' side (runners.ts starts them from the server's own bundle): one job
 * at a time, the engine synchronous and cancellable between periods. The main worker makes the
 * main run (all of it, or its share of it), then the effects of each shock and measure, then
 * the explanations; the helper only makes its share of a main run.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import {
    explainModel,
    horizonOf,
    packSeries,
    scenarioRuns,
    ScenarioSimulator,
    runEnds,
    simulateEach,
    SimulationCancelled,
    takeBack,
    takeFront,
    type LoweredModel,
    type ModelExplanation,
    type ScenarioResult
} from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import { mainRunFacts, memberEffects, messageOf, type RunOutcome } from './engine-adapter.js';
import { followedOriginOf, scenarioFacts, type ScenarioFacts } from './exposure.js';
import type { FromWorker, HelperFacts, RunFailure, ShareOutcome, ToWorker } from './worker-messages.js';

type ScenarioVisitor = (scenario: ScenarioResult) => void;

export function serveSimulationJobs(): void {
    parentPort!.on('message', (message: ToWorker) => {
        if (message.helping) help(message);
        else serve(message);
    });
}

function post(message: FromWorker): void {
    parentPort!.postMessage(message);
}

function postScenario(id: number, index: number, scenario: ScenarioResult): void {
    const { summary, series } = packSeries(scenario);
    parentPort!.postMessage({ id, kind: 'scenario', index, summary, series } satisfies FromWorker, [
        series.values.buffer as ArrayBuffer,
        series.lengths.buffer as ArrayBuffer
    ]);
}

function outcomeOfError(error: unknown, shouldCancel: () => boolean): RunFailure {
    if (error instanceof SimulationCancelled || shouldCancel()) return { kind: 'cancelled' };
    return { kind: 'failed', message: messageOf(error) };
}

function serve({ id, model, cancelFlag, done, shared }: ToWorker): void {
    const flag = new Int32Array(cancelFlag);
    const shouldCancel = () => Atomics.load(flag, 0) === 1;
    // The effects' variants, each scenario read as it is made.
    const runOnce = (m: LoweredModel, onScenario: ScenarioVisitor): RunOutcome => {
        try {
            return { kind: 'ok', result: { ...simulateEach(m, { shouldCancel }, onScenario), scenarios: [] } };
        } catch (error) {
            return outcomeOfError(error, shouldCancel);
        }
    };
    // After the effects, the explanations: the last message of every job that got this far.
    const sendEffects = (e: Record<string, MemberEffect[]> | undefined) => {
        const effects = shouldCancel() ? undefined : e;
        post({ id, kind: 'effects', effects });
        if (effects === undefined) return;
        const explanations = explainSafely(model, shouldCancel);
        post({ id, kind: 'explanations', explanations: shouldCancel() ? undefined : explanations });
    };
    // A failure still ends the job (no effects), so the worker is never held busy by it.
    const failed = () => sendEffects(undefined);
    const effectsOf = (main: Parameters<typeof memberEffects>[1]) => memberEffects(model, main, async (m, visit) => runOnce(m, visit));
    if (done) {
        void effectsOf(mainRunFacts(done)).then(sendEffects, failed);
        return;
    }
    const { periods, step } = horizonOf(model).horizon;
    const runs = scenarioRuns(model, undefined);
    // Filled with undefined, not holes: every and some skip holes.
    const facts = new Array<ScenarioFacts | undefined>(runs.length).fill(undefined);
    let origin: string | null = null;
    // The facts are read once the main run's share is out: the lenses wait for the run, not for them.
    const mine: { index: number; scenario: ScenarioResult }[] = [];
    const made = (index: number, scenario: ScenarioResult) => {
        postScenario(id, index, scenario);
        mine.push({ index, scenario });
    };
    let outcome: ShareOutcome = { kind: 'ok' };
    try {
        const simulator = new ScenarioSimulator(model);
        // Alone, the worker takes every run from the front of ends of its own.
        const ends = shared ? new Int32Array(shared.ends) : runEnds(runs.length);
        for (let k = takeFront(ends); k >= 0; k = takeFront(ends)) made(k, simulator.run(runs[k], shouldCancel));
    } catch (error) {
        outcome = outcomeOfError(error, shouldCancel);
    }
    post({ id, kind: 'result', outcome });
    if (outcome.kind !== 'ok') {
        shared?.port.close();
        return;
    }
    for (const { index, scenario } of mine.splice(0)) {
        facts[index] = scenarioFacts(scenario, periods, step);
        if (index === 0) origin = followedOriginOf(scenario, periods);
    }
    // Then, from the totals and exposure of the same run, what each shock and measure changes.
    const helped = shared ? helperFacts(shared.port, facts) : Promise.resolve<string | null | undefined>(undefined);
    void helped
        .then(followed => {
            if (followed !== undefined) origin = followed;
            if (facts.some(f => f === undefined)) return undefined;
            return effectsOf({ periods, step, origin, scenarios: facts as ScenarioFacts[] });
        })
        .then(sendEffects, failed);
}

/**
 * Waits for the facts of the runs the helper made (and, when it made the baseline, the origin
 * followed); resolves once every run has facts or the helper is done (cancelled or failed:
 * some facts are then missing and the job has no effects).
 */
function helperFacts(port: MessagePort, facts: (ScenarioFacts | undefined)[]): Promise<string | null | undefined> {
    return new Promise(resolve => {
        let followed: string | null | undefined;
        const complete = () => facts.every(f => f !== undefined);
        let ended = false;
        const end = () => {
            if (ended) return;
            ended = true;
            port.close();
            resolve(followed);
        };
        if (complete()) {
            end();
            return;
        }
        // A helper that stopped closes its end: the facts it owed are missing.
        port.once('close', end);
        port.on('message', (message: HelperFacts) => {
            if ('facts' in message) {
                facts[message.index] = message.facts;
                if (message.followed !== undefined) followed = message.followed;
            }
            if (complete() || 'done' in message) end();
        });
    });
}

/** The helper: runs from the back of the shared runs, each to the server and its facts to the main worker. */
function help({ id, model, cancelFlag, shared }: ToWorker): void {
    if (!shared) return;
    const flag = new Int32Array(cancelFlag);
    const shouldCancel = () => Atomics.load(flag, 0) === 1;
    const { port } = shared;
    let failed = false;
    try {
        const { periods, step } = horizonOf(model).horizon;
        const runs = scenarioRuns(model, undefined);
        const simulator = new ScenarioSimulator(model);
        const ends = new Int32Array(shared.ends);
        for (let k = takeBack(ends); k >= 0; k = takeBack(ends)) {
            const scenario = simulator.run(runs[k], shouldCancel);
            postScenario(id, k, scenario);
            const message: HelperFacts = {
                index: k,
                facts: scenarioFacts(scenario, periods, step),
                ...(k === 0 ? { followed: followedOriginOf(scenario, periods) } : {})
            };
            port.postMessage(message);
        }
    } catch (error) {
        failed = !(error instanceof SimulationCancelled || shouldCancel());
    }
    port.postMessage({ done: true } satisfies HelperFacts);
    port.close();
    post({ id, kind: 'helped', failed });
}

/** The explanations of a model, or undefined when cancelled or when the engine fails. */
export function explainSafely(model: LoweredModel, shouldCancel: () => boolean): ModelExplanation[] | undefined {
    try {
        return explainModel(model, { shouldCancel });
    } catch {
        return undefined;
    }
}
