/**
 * The value of every measure for the CLI's `run --json`, the lenses and the hovers: one
 * facade, so they all show the same figures. The runs share one lowering and one engine.
 */
import { measureValuesFrom, planMeasureValues, scenarioValuesFrom, type MeasureValue, type ScenarioMeasureValue } from '../decisions/marginal.js';
import { SummaryRunner, type RunSummary } from '../decisions/summary.js';
import type { LoweredModel } from '../lowering/model.js';

export interface MeasureValueOptions {
    /** Only this scenario counts (as `run --scenario`). */
    scenario?: string;
    shouldCancel?: () => boolean;
}

export interface MeasureValues {
    measures: Record<string, MeasureValue>;
    /** Per scenario with measures: what they buy together (S against S's shocks alone). */
    scenarios: Record<string, ScenarioMeasureValue>;
}

/** Runs each event list in order on one engine. */
export function runSummaries(model: LoweredModel, runs: number[][], shouldCancel?: () => boolean): RunSummary[] {
    if (runs.length === 0) return [];
    const runner = new SummaryRunner(model);
    return runs.map(events => runner.run(events, shouldCancel));
}

/** `run --json`'s `measures`. */
export function evaluateMeasureValues(model: LoweredModel, options: MeasureValueOptions = {}): Record<string, MeasureValue> {
    const plan = planMeasureValues(model, options.scenario);
    return measureValuesFrom(model, plan, runSummaries(model, plan.runs, options.shouldCancel));
}

/** The same through `batch` (e.g. the worker pool), for large models. */
export async function evaluateMeasureValuesWith(model: LoweredModel, options: MeasureValueOptions,
    batch: (runs: number[][]) => Promise<RunSummary[]>): Promise<Record<string, MeasureValue>> {
    const plan = planMeasureValues(model, options.scenario);
    return measureValuesFrom(model, plan, await batch(plan.runs));
}

/** Measures' values and each scenario's measures together (the editor's lenses). */
export function evaluateAllMeasureValues(model: LoweredModel, options: MeasureValueOptions = {}): MeasureValues {
    const plan = planMeasureValues(model, options.scenario, true);
    const summaries = runSummaries(model, plan.runs, options.shouldCancel);
    return { measures: measureValuesFrom(model, plan, summaries), scenarios: scenarioValuesFrom(model, plan, summaries) };
}
