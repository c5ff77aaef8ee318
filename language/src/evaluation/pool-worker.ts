/**
 * A worker of the run pool (pool.ts), bundled on its own as out/pool-worker.js: the engine and
 * the run summaries only, nothing of Langium. It takes a lowered model (a later one replaces
 * it), then for each batch takes families of runs (run-families.ts) from the batch's counter
 * until none is left or the batch's cancel flag is set, posting the summaries.
 */
import { parentPort } from 'node:worker_threads';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import { ScenarioSimulator, SimulationCancelled } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';
import type { FromPoolWorker, ToPoolWorker } from './pool-messages.js';
import { takeSharedPieces } from './pool-shared.js';
import { packSeries } from './packed-series.js';
import { takeBack } from './run-ends.js';

let runner: SummaryRunner | undefined;
/** Whole results' runs (with origins), made at the first `scenarios` batch of a model. */
let simulator: ScenarioSimulator | undefined;
const RESULTS_PER_MESSAGE = 64;
/** A warm-up's work (periods × (lines + slots) per run): about 0.1 s of one thread, at most 32 runs. */
const WARM_WORK = 2_000_000,
    WARM_RUNS = 32;

function post(message: FromPoolWorker): void {
    parentPort!.postMessage(message);
}

function onMessage(message: ToPoolWorker): void {
    if (message.type === 'model') {
        runner = new SummaryRunner(message.model as LoweredModel);
        simulator = undefined;
        return;
    }
    if (message.type === 'warm') {
        warm(runner!);
        post({ type: 'done', batch: message.batch });
        return;
    }
    if (message.type === 'shared') {
        runShared(message);
        return;
    }
    if (message.type === 'scenarios') {
        runScenarios(message);
        return;
    }
    const counter = new Int32Array(message.counter);
    const cancel = new Int32Array(message.cancel);
    const shouldCancel = () => Atomics.load(cancel, 0) !== 0;
    // Summaries go back a few at a time: one message per run costs more than a small run.
    let indices: number[] = [],
        summaries: RunSummary[] = [];
    const flush = () => {
        if (indices.length > 0) post({ type: 'results', batch: message.batch, indices, summaries });
        indices = [];
        summaries = [];
    };
    try {
        for (let f = Atomics.add(counter, 0, 1); f < message.families.length; f = Atomics.add(counter, 0, 1)) {
            if (shouldCancel()) throw new SimulationCancelled();
            const family = message.families[f];
            runner!.runFamily(family, shouldCancel).forEach((summary, k) => {
                indices.push(message.first[f] + k);
                summaries.push(summary);
            });
            if (indices.length >= RESULTS_PER_MESSAGE) flush();
        }
        flush();
        post({ type: 'done', batch: message.batch });
    } catch (error) {
        postFailure(message.batch, error);
    }
}

function postFailure(batch: number, error: unknown): void {
    post({ type: 'failed', batch, cancelled: error instanceof SimulationCancelled, message: error instanceof Error ? error.message : String(error) });
}

/** A `scenarios` batch: each run's whole results, its series in one transferred buffer. */
function runScenarios(message: Extract<ToPoolWorker, { type: 'scenarios' }>): void {
    const ends = new Int32Array(message.ends),
        cancel = new Int32Array(message.cancel);
    const shouldCancel = () => Atomics.load(cancel, 0) !== 0;
    try {
        simulator ??= new ScenarioSimulator(runner!.model);
        for (let k = takeBack(ends); k >= 0; k = takeBack(ends)) {
            const { summary, series } = packSeries(simulator.run(message.runs[k], shouldCancel));
            parentPort!.postMessage({ type: 'scenario', batch: message.batch, index: k, summary, series } satisfies FromPoolWorker, [
                series.values.buffer as ArrayBuffer,
                series.lengths.buffer as ArrayBuffer
            ]);
        }
        post({ type: 'done', batch: message.batch });
    } catch (error) {
        postFailure(message.batch, error);
    }
}

parentPort?.on('message', onMessage);

/**
 * The baseline and the scenarios in turn, so the engine's paths for shocks and measures are
 * compiled and optimised before a batch needs them (one run of each is not enough for V8 to
 * optimise them: measured in docs/performance.md).
 */
function warm(runner: SummaryRunner): void {
    const { model } = runner;
    const lists = [[], ...model.scenarios.map(s => s.events)];
    const perRun = Math.max(1, model.calendar.periods * (model.lines.count + model.cms.consumer.length));
    const runs = Math.max(1, Math.min(WARM_RUNS, Math.floor(WARM_WORK / perRun)));
    for (let k = 0; k < runs; k++) runner.run(lists[k % lists.length]);
}

/** A shared batch: each summary into its record, then counted (and the waiting thread woken). */
function runShared(message: Extract<ToPoolWorker, { type: 'shared' }>): void {
    const done = new Int32Array(message.done);
    const memory = {
        counter: new Int32Array(message.counter),
        cancel: new Int32Array(message.cancel),
        records: new Float64Array(message.records),
        done,
        written: new Int32Array(message.written)
    };
    try {
        takeSharedPieces(() => runner!, message.families, message.first, memory);
    } catch {
        // The waiting thread runs what is left itself (see SharedBatch.wait).
        Atomics.store(done, 1, 1);
        Atomics.notify(done, 0);
    }
}
