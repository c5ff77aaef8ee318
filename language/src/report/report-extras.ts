/**
 * What the report draws beside the metrics' series: each scenario's shock windows (shaded on
 * the charts over time, as in the extension's chart view) and, when the model's measures have
 * costs, the optimize frontier (decisions.md §4) for a budget that affords every candidate:
 * the total of the candidates' costs in the first currency a measure's cost is given in.
 */
import { costCurrencies, horizonCost } from '../decisions/costs.js';
import { evaluateOptimization, optimizeCandidates } from '../evaluation/optimization.js';
import type { LoweredModel } from '../lowering/model.js';

export interface ShockWindow {
    scenario: string;
    shock: string;
    /** First period the shock is active in, and the period after its last (exclusive). */
    from: number;
    to: number;
}

export interface ReportFrontier {
    currency: string;
    /** Σ of every candidate measure's cost in the horizon, in `currency`. */
    budget: number;
    candidates: string[];
    /** Whether every affordable portfolio was run (else a heuristic searched). */
    exact: boolean;
    /** The best portfolio as the budget grows: its cost and expected loss in `currency`. */
    points: Array<{ cost: number; expectedLoss: number; measures: string[] }>;
}

/** Every scenario's shocks, by the periods they are active in within the horizon. */
export function shockWindows(model: LoweredModel): ShockWindow[] {
    const windows: ShockWindow[] = [];
    for (const scenario of model.scenarios) {
        for (const index of scenario.events) {
            const event = model.events[index];
            if (!event?.isShock) continue;
            const from = Math.max(0, event.window.fromPeriod),
                to = Math.min(model.calendar.periods, event.window.toPeriod);
            if (to > from) windows.push({ scenario: scenario.name, shock: event.name, from, to });
        }
    }
    return windows;
}

/**
 * The frontier, or undefined when no measure has a cost or no scenario has a probability
 * (the expected loss a portfolio lowers is over the scenarios with one).
 */
export async function reportFrontier(model: LoweredModel): Promise<ReportFrontier | undefined> {
    if (!model.scenarios.some(s => s.probability !== null)) return undefined;
    const currency = model.events.filter(e => !e.isShock).flatMap(costCurrencies)[0];
    if (currency === undefined) return undefined;
    const candidates = optimizeCandidates(model, { budget: 0, currency });
    if ('error' in candidates) return undefined;
    const budget = candidates.reduce((sum, e) => sum + (horizonCost(model, model.events[e])[currency] ?? 0), 0);
    const result = await evaluateOptimization(model, candidates, { budget, currency });
    return {
        currency,
        budget,
        candidates: result.candidates,
        exact: result.exact,
        points: result.frontier.map(p => ({ cost: p.cost[currency] ?? 0, expectedLoss: p.expectedLoss[currency] ?? 0, measures: p.measures }))
    };
}
