/**
 * `chokepoint rank` and the editor's ranking: every node's outage run on one engine over the
 * lowered model with the outages appended.
 */
import { planRanking, rankCandidates, rankingFrom, outageEndPeriod, parseDuration, type Ranking } from '../decisions/rank.js';
import { BASELINE } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';
import { runSummaries } from './measure-values.js';
import type { RunSummary } from '../decisions/summary.js';

export const DEFAULT_OUTAGE = '3 months';

export interface RankingOptions {
    /** A scenario name, or the baseline (default). */
    scenario?: string;
    /** The outage's length in the language's form (default `3 months`). */
    outage?: string;
    shouldCancel?: () => boolean;
}

/** The ranking; undefined when the outage is not a duration or the scenario is unknown. */
export function evaluateRanking(model: LoweredModel, options: RankingOptions = {}): Ranking | undefined {
    const planned = planFor(model, options);
    if (!planned) return undefined;
    return planned.finish(runSummaries(planned.model, planned.runs, options.shouldCancel));
}

/** The same, its runs through `batch` (e.g. a worker pool over the model with the outages, `planned.model`). */
export async function evaluateRankingWith(
    model: LoweredModel,
    options: RankingOptions,
    batch: (model: LoweredModel, runs: number[][]) => Promise<RunSummary[]>
): Promise<Ranking | undefined> {
    const planned = planFor(model, options);
    if (!planned) return undefined;
    return planned.finish(await batch(planned.model, planned.runs));
}

function planFor(model: LoweredModel, options: RankingOptions): { model: LoweredModel; runs: number[][]; finish: (s: RunSummary[]) => Ranking } | undefined {
    const outage = options.outage ?? DEFAULT_OUTAGE;
    const duration = parseDuration(outage);
    if (!duration) return undefined;
    const name = options.scenario ?? BASELINE;
    const scenario = name === BASELINE ? { events: [] as number[] } : model.scenarios.find(s => s.name === name);
    if (!scenario) return undefined;
    const candidates = rankCandidates(model);
    const plan = planRanking(model, scenario.events, outageEndPeriod(model, duration), candidates);
    return { ...plan, finish: summaries => rankingFrom(model, candidates, summaries, name, outage.trim()) };
}
