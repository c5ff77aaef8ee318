/**
 * `chokepoint rank` and the editor's ranking: every node's outage run on one engine over the
 * lowered model with the outages appended.
 */
import {
    planRanking,
    rankCandidates,
    rankCurrency,
    rankedNodes,
    rankingFrom,
    outageEndPeriod,
    parseDuration,
    type RankedNode,
    type Ranking
} from '../decisions/rank.js';
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

/** Part of a ranking: the nodes `[from, to)` of `total` candidates, unsorted (merged and sorted by `sortRanked`). */
export interface RankingPart {
    scenario: string;
    outage: string;
    /** The currency the ranking sorts by (`rankCurrency`). */
    currency: string | null;
    nodes: RankedNode[];
}

/**
 * One shard of a ranking: the scenario alone, then the two runs of each candidate in the range
 * `rangeOf(candidates)` gives, through `batch`.
 */
export async function evaluateRankingPartWith(
    model: LoweredModel,
    options: RankingOptions,
    rangeOf: (total: number) => { from: number; to: number },
    batch: (model: LoweredModel, runs: number[][]) => Promise<RunSummary[]>
): Promise<{ total: number; from: number; to: number; part: RankingPart } | undefined> {
    const planned = planFor(model, options);
    if (!planned) return undefined;
    const total = planned.candidates.length;
    const { from, to } = rangeOf(total);
    const runs = [planned.runs[0], ...planned.runs.slice(1 + 2 * from, 1 + 2 * to)];
    const summaries = await batch(planned.model, runs);
    const nodes = rankedNodes(model, planned.candidates.slice(from, to), summaries);
    return { total, from, to, part: { scenario: planned.name, outage: planned.outage, currency: rankCurrency(model), nodes } };
}

function planFor(model: LoweredModel, options: RankingOptions) {
    const outage = options.outage ?? DEFAULT_OUTAGE;
    const duration = parseDuration(outage);
    if (!duration) return undefined;
    const name = options.scenario ?? BASELINE;
    const scenario = name === BASELINE ? { events: [] as number[] } : model.scenarios.find(s => s.name === name);
    if (!scenario) return undefined;
    const candidates = rankCandidates(model);
    const plan = planRanking(model, scenario.events, outageEndPeriod(model, duration), candidates);
    return {
        ...plan,
        candidates,
        name,
        outage: outage.trim(),
        finish: (summaries: RunSummary[]): Ranking => rankingFrom(model, candidates, summaries, name, outage.trim())
    };
}
