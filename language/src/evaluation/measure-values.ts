/**
 * The value of every measure for the CLI's `run --json`, the lenses and the hovers: one
 * facade, so they all show the same figures. The runs share one lowering and one engine.
 */
import {
    measureValuesFrom,
    planMeasureValues,
    scenarioValuesFrom,
    summaryOfResult,
    type MeasureValue,
    type ScenarioMeasureValue
} from '../decisions/marginal.js';
import { singleRuns, type RunFamily } from '../decisions/run-families.js';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import type { LoweredModel } from '../lowering/model.js';
import type { ScenarioResult } from '../engine/results.js';
import { RunPool, threadsFor } from './pool.js';

export interface MeasureValueOptions {
    /** Only this scenario counts (as `run --scenario`). */
    scenario?: string;
    /** Threads for `startMeasureValues`' runs (1: this thread only); undefined: every core once it pays. */
    threads?: number;
    shouldCancel?: () => boolean;
}

export interface MeasureValues {
    measures: Record<string, MeasureValue>;
    /** Per scenario with measures: what they buy together (S against S's shocks alone). */
    scenarios: Record<string, ScenarioMeasureValue>;
}

/** Runs each event list in order on one engine. */
export function runSummaries(model: LoweredModel, runs: number[][], shouldCancel?: () => boolean): RunSummary[] {
    return familySummaries(model, singleRuns(runs), shouldCancel);
}

/** The families' runs in order on one engine, each family's shared periods once (run-families.ts). */
export function familySummaries(model: LoweredModel, families: RunFamily[], shouldCancel?: () => boolean): RunSummary[] {
    if (families.length === 0) return [];
    const runner = new SummaryRunner(model);
    return families.flatMap(family => runner.runFamily(family, shouldCancel));
}

/** `run --json`'s `measures`. */
export function evaluateMeasureValues(model: LoweredModel, options: MeasureValueOptions = {}): Record<string, MeasureValue> {
    const plan = planMeasureValues(model, options.scenario);
    return measureValuesFrom(model, plan, familySummaries(model, plan.families, options.shouldCancel));
}

/**
 * The same through `batch` (e.g. the worker pool's `runFamilies`), for large models: the
 * plan's families, so each scenario's periods before a measure acts run once.
 */
export async function evaluateMeasureValuesWith(
    model: LoweredModel,
    options: MeasureValueOptions,
    batch: (families: RunFamily[]) => Promise<RunSummary[]>
): Promise<Record<string, MeasureValue>> {
    const plan = planMeasureValues(model, options.scenario);
    return measureValuesFrom(model, plan, await batch(plan.families));
}

/**
 * Starts the runs of `run --json`'s `measures` (each scenario without each of its measures;
 * the scenarios themselves come from the main run, through `observe`) on worker threads when
 * the sweep pays (see pool.ts), and returns at once: the caller simulates and writes the
 * results meanwhile. `collect()` blocks until the runs are done; `close()` ends the workers.
 */
export function startMeasureValues(model: LoweredModel, options: MeasureValueOptions, shared?: RunPool): MeasureValueRuns {
    const plan = planMeasureValues(model, options.scenario, false, false);
    // The caller's pool (which it closes) when it has one, else one of our own when it pays.
    const threads = shared ? shared.size : threadsFor(model, plan.runs.length, options.threads);
    const pool = shared ?? (threads > 1 ? new RunPool(model, threads) : undefined);
    const batch = pool?.hasWorkers && plan.runs.length > 0 ? pool.runShared(plan.families) : undefined;
    const own = new Map<string, RunSummary>();
    return {
        observe: scenario => {
            own.set(scenario.name, summaryOfResult(model, scenario));
        },
        collect: () => measureValuesFrom(model, plan, batch ? batch.wait() : familySummaries(model, plan.families, options.shouldCancel), own),
        close: async () => {
            if (!shared) await pool?.close();
        }
    };
}

/** The runs of `startMeasureValues`: each scenario's own results are observed as the main run writes them. */
export interface MeasureValueRuns {
    observe: (scenario: ScenarioResult) => void;
    /** Blocks until the runs are done; call after every scenario was observed. */
    collect: () => Record<string, MeasureValue>;
    close: () => Promise<void>;
}

/** Measures' values and each scenario's measures together (the editor's lenses). */
export function evaluateAllMeasureValues(model: LoweredModel, options: MeasureValueOptions = {}): MeasureValues {
    const plan = planMeasureValues(model, options.scenario, true);
    const summaries = familySummaries(model, plan.families, options.shouldCancel);
    return { measures: measureValuesFrom(model, plan, summaries), scenarios: scenarioValuesFrom(model, plan, summaries) };
}
