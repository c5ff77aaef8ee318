/**
 * `run --json`'s output: the results, then the value of every measure (and `extra`, such as
 * `uncertainty`). On a large model the baseline and scenarios run on worker threads while this
 * one writes each scenario's JSON as soon as it and those before it are in, and the measures'
 * runs follow on the same workers (pool.ts); a small one runs here. The same bytes either way:
 * a run's results depend on its events only.
 */
import { startMeasureValues } from '../evaluation/measure-values.js';
import { RunPool, scenarioWorkersFor } from '../evaluation/pool.js';
import { resultsBesideScenarios, scenarioRuns, scenarioSummary, type ScenarioSummary } from '../evaluation/simulation.js';
import type { ScenarioResult } from '../engine/results.js';
import type { LoweredModel } from '../lowering/model.js';
import { ResultsJsonWriter, writeResultsJson, type TextOut } from './run-json.js';

/** `threads`: `--threads N` (N - 1 workers beside this thread; 1: this thread only), undefined: every core once it pays. */
export async function writeRunJson(
    model: LoweredModel,
    scenario: string | undefined,
    out: TextOut,
    extra: Record<string, unknown>,
    threads?: number
): Promise<void> {
    const runs = scenarioRuns(model, scenario);
    const workers = threads === undefined ? scenarioWorkersFor(model, runs.length) : Math.min(threads - 1, runs.length - 1);
    const pool = workers > 0 ? new RunPool(model, workers + 1, undefined, workers) : undefined;
    try {
        if (!pool?.hasWorkers) {
            // The value of every measure, (1 + measures) runs per scenario: on worker threads
            // while this one simulates and writes the results, once the sweep is large enough to pay.
            const values = startMeasureValues(model, { scenario, threads });
            try {
                writeResultsJson(model, { scenario }, out, undefined, withMeasures(extra, values.collect), values.observe);
            } finally {
                await values.close();
            }
            return;
        }
        const writer = new ResultsJsonWriter(model, out);
        const arrived = new Array<ScenarioResult | undefined>(runs.length);
        const summaries: ScenarioSummary[] = [];
        // Posted first, so the workers take the scenarios before the measures' runs (this thread
        // starts its share of the scenarios once the measures' runs are posted too).
        const running = pool.runScenarios(runs, (i, result) => {
            arrived[i] = result;
            writeArrived();
        });
        const values = startMeasureValues(model, { scenario }, pool);
        function writeArrived(): void {
            for (let next = summaries.length; next < runs.length && arrived[next]; next++) {
                const result = arrived[next]!;
                arrived[next] = undefined;
                values.observe(result);
                summaries.push(scenarioSummary(result));
                writer.scenario(result);
            }
        }
        await running;
        writer.end(resultsBesideScenarios(model, summaries), withMeasures(extra, values.collect));
    } finally {
        await pool?.close();
    }
}

/** `extra` after `measures`, which are collected only when the writer reaches them. */
function withMeasures(extra: Record<string, unknown>, collect: () => unknown): Record<string, unknown> {
    return {
        get measures() {
            return collect();
        },
        ...extra
    };
}
