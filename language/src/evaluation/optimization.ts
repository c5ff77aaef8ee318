/**
 * `chokepoint optimize`: candidates and budget checked against the model, then the search
 * (decisions/optimize.ts) with its runs on one engine, or on the worker pool for large sweeps.
 */
import { costCurrencies } from '../decisions/costs.js';
import {
    affordableSubsets,
    EXACT_LIMIT,
    optimizationFrame,
    optimizePortfolio,
    PortfolioSearch,
    type Evaluated,
    type Optimization,
    type OptimizationFrame,
    type RunBatch
} from '../decisions/optimize.js';
import type { LoweredModel } from '../lowering/model.js';
import { SummaryRunner } from '../decisions/summary.js';

export interface OptimizeRequest {
    budget: number;
    currency: string;
    /** Measure names, or undefined for every measure with a cost in the budget's currency. */
    measures?: string[];
}

/** What is wrong with a request, in one line, or the candidates (event indices, declaration order). */
export function optimizeCandidates(model: LoweredModel, request: OptimizeRequest): number[] | { error: string } {
    const measures = model.events.map((e, i) => ({ e, i })).filter(({ e }) => !e.isShock);
    if (request.budget < 0 || !Number.isFinite(request.budget)) return { error: `--budget must be 0 or more, not ${request.budget} ${request.currency}.` };
    let chosen = measures;
    if (request.measures) {
        for (const name of request.measures) {
            if (!measures.some(({ e }) => e.name === name)) {
                const shock = model.events.some(e => e.isShock && e.name === name);
                return {
                    error: `--measures names '${name}', which is ${shock ? 'a shock, not a measure' : 'no measure of the file'}; measures: ${measures.map(({ e }) => e.name).join(', ') || '(none)'}.`
                };
            }
        }
        const listed = new Set(request.measures);
        chosen = measures.filter(({ e }) => listed.has(e.name));
    }
    const available = [...new Set(chosen.flatMap(({ e }) => costCurrencies(e)))];
    if (!available.includes(request.currency)) {
        const which = request.measures ? 'the listed measures have' : "the file's measures have";
        return {
            error: `--budget is in ${request.currency}, but no candidate measure has a cost in ${request.currency}; ${which} costs in ${available.length > 0 ? available.join(', ') : 'no currency (no `cost` given)'}.`
        };
    }
    return request.measures ? chosen.map(({ i }) => i) : chosen.filter(({ e }) => costCurrencies(e).includes(request.currency)).map(({ i }) => i);
}

export async function evaluateOptimization(model: LoweredModel, candidates: number[], request: OptimizeRequest, batch?: RunBatch): Promise<Optimization> {
    let runner: SummaryRunner | undefined;
    const runBatch: RunBatch =
        batch ??
        (families => {
            runner ??= new SummaryRunner(model);
            return Promise.resolve(families.flatMap(family => runner!.runFamily(family)));
        });
    return optimizePortfolio(model, candidates, request.currency, request.budget, runBatch);
}

/** Part of an exact optimization: the portfolios `[from, to)` of every affordable one, evaluated. */
export interface OptimizationPart {
    /** The frame, `runs` counting this part's runs only (the parts' runs add up: no two portfolios share a run). */
    frame: OptimizationFrame;
    evaluated: Evaluated[];
}

/**
 * One shard of an exact optimization (at most EXACT_LIMIT candidates); undefined beyond,
 * where the heuristic's rounds each depend on the last and cannot be split.
 */
export async function evaluateOptimizationPart(
    model: LoweredModel,
    candidates: number[],
    request: OptimizeRequest,
    rangeOf: (total: number) => { from: number; to: number },
    batch?: RunBatch
): Promise<{ total: number; from: number; to: number; part: OptimizationPart } | undefined> {
    if (candidates.length > EXACT_LIMIT) return undefined;
    let runner: SummaryRunner | undefined;
    const runBatch: RunBatch =
        batch ??
        (families => {
            runner ??= new SummaryRunner(model);
            return Promise.resolve(families.flatMap(family => runner!.runFamily(family)));
        });
    const search = new PortfolioSearch(model, candidates, request.currency, request.budget, runBatch);
    const portfolios = affordableSubsets(search, candidates.length);
    const { from, to } = rangeOf(portfolios.length);
    const evaluated = await search.evaluate(portfolios.slice(from, to));
    return { total: portfolios.length, from, to, part: { frame: optimizationFrame(search, true), evaluated } };
}
