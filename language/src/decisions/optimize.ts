/**
 * The best portfolio of measures under a budget (decisions.md §4). A portfolio's expected
 * loss is Σ probability × loss over the scenarios with a probability, each run with its own
 * shocks and the portfolio's measures instead of its own. Up to EXACT_LIMIT candidates every
 * affordable portfolio is run (costs only grow as measures are added, so the enumeration
 * stops at the budget); beyond, a named heuristic searches. Runs with the same events are
 * run once. Pure: runs go through `RunBatch`, one by one or to a worker pool.
 */
import { r6 } from '../engine/metrics.js';
import type { LoweredModel } from '../lowering/model.js';
import { horizonCost, roundMoney, zeroMoney, type Money } from './costs.js';
import { familyOf, runsOf, type RunFamily } from './run-families.js';
import type { RunSummary } from './summary.js';

export const EXACT_LIMIT = 16;
export const HEURISTIC = 'greedy-with-swaps';

/** Runs families of runs (run-families.ts); the summaries in the order of their runs. */
export type RunBatch = (families: RunFamily[]) => Promise<RunSummary[]>;

export interface PortfolioResult {
    measures: string[];
    cost: Money;
    expected: { unmet: number; loss: Money };
}

export interface FrontierPoint {
    measures: string[];
    cost: Money;
    expectedLoss: Money;
}

export interface Optimization {
    budget: Money;
    candidates: string[];
    best: PortfolioResult;
    frontier: FrontierPoint[];
    exact: boolean;
    /** The search used when not exact. */
    heuristic?: string;
    runs: number;
}

export interface Evaluated {
    /** Candidate positions, ascending. */
    members: number[];
    cost: Money;
    unmet: number;
    loss: Money;
}

export class PortfolioSearch {
    private readonly weighted;
    private readonly costs: Money[];
    private readonly cache = new Map<string, RunSummary>();
    runCount = 0;

    /** `candidates`: measure event indices in declaration order. */
    constructor(
        readonly model: LoweredModel,
        readonly candidates: number[],
        readonly currency: string,
        readonly budget: number,
        private readonly batch: RunBatch
    ) {
        this.weighted = model.scenarios
            .filter(s => s.probability !== null)
            .map(s => ({ p: s.probability!, shocks: s.events.filter(e => model.events[e].isShock) }));
        this.costs = candidates.map(e => horizonCost(model, model.events[e]));
    }

    costOf(members: number[]): Money {
        const money = zeroMoney(this.model);
        for (const m of members) for (const c of Object.keys(money)) money[c] += this.costs[m][c] ?? 0;
        return roundMoney(money);
    }

    affordable(members: number[]): boolean {
        return (this.costOf(members)[this.currency] ?? 0) <= this.budget;
    }

    /** Runs what is not cached yet and values each portfolio. */
    async evaluate(portfolios: number[][]): Promise<Evaluated[]> {
        const keyOf = (events: number[]) => events.join(',');
        // New runs by scenario: each portfolio's runs of a scenario share its shocks alone's first periods.
        const pending = this.weighted.map(() => new Map<string, number[]>());
        const seen = new Set<string>();
        const eventsOf = (members: number[]) => this.weighted.map(s => [...s.shocks, ...members.map(m => this.candidates[m])]);
        for (const members of portfolios) {
            eventsOf(members).forEach((events, i) => {
                const key = keyOf(events);
                if (this.cache.has(key) || seen.has(key)) return;
                seen.add(key);
                pending[i].set(key, events);
            });
        }
        const families = pending.filter(runs => runs.size > 0).map(runs => ({ i: pending.indexOf(runs), runs }));
        const batch = families.map(({ i, runs }) => familyOf(this.model, this.weighted[i].shocks, [...runs.values()]));
        const summaries = await this.batch(batch);
        this.runCount += runsOf(batch).length;
        families.flatMap(({ runs }) => [...runs.keys()]).forEach((key, i) => this.cache.set(key, summaries[i]));
        return portfolios.map(members => {
            const loss = zeroMoney(this.model);
            let unmet = 0;
            eventsOf(members).forEach((events, i) => {
                const run = this.cache.get(keyOf(events))!;
                const p = this.weighted[i].p;
                unmet += p * run.unmet;
                for (const c of Object.keys(loss)) loss[c] += p * (run.loss[c] ?? 0);
            });
            return { members, cost: this.costOf(members), unmet: r6(unmet), loss: roundMoney(loss) };
        });
    }

    better(a: Evaluated, b: Evaluated): boolean {
        return betterPortfolio(this.currency, members => this.names(members), a, b);
    }

    names(members: number[]): string[] {
        return members.map(m => this.model.events[this.candidates[m]].name);
    }
}

/** Lower expected loss (in the budget's currency), then lower cost, then fewer measures, then names in order. */
function betterPortfolio(c: string, names: (members: number[]) => string[], a: Evaluated, b: Evaluated): boolean {
    if (a.loss[c] !== b.loss[c]) return a.loss[c] < b.loss[c];
    if (a.cost[c] !== b.cost[c]) return a.cost[c] < b.cost[c];
    if (a.members.length !== b.members.length) return a.members.length < b.members.length;
    const an = names(a.members),
        bn = names(b.members);
    for (let i = 0; i < an.length; i++) if (an[i] !== bn[i]) return an[i] < bn[i];
    return false;
}

/** What an optimization is about, apart from the portfolios evaluated (all a shard's merge needs). */
export interface OptimizationFrame {
    budget: Money;
    currency: string;
    /** Candidate names, declaration order (`Evaluated.members` index them). */
    candidates: string[];
    exact: boolean;
    runs: number;
}

/** The best portfolio and the frontier from every portfolio evaluated, in the order they were. */
export function optimizationFrom(frame: OptimizationFrame, evaluated: Evaluated[]): Optimization {
    const names = (members: number[]) => members.map(m => frame.candidates[m]);
    const better = (a: Evaluated, b: Evaluated) => betterPortfolio(frame.currency, names, a, b);
    let best = evaluated[0];
    for (const e of evaluated) if (better(e, best)) best = e;
    return {
        budget: frame.budget,
        candidates: frame.candidates,
        best: { measures: names(best.members), cost: best.cost, expected: { unmet: best.unmet, loss: best.loss } },
        frontier: frontier(frame.currency, better, names, evaluated),
        exact: frame.exact,
        ...(frame.exact ? {} : { heuristic: HEURISTIC }),
        runs: frame.runs
    };
}

/** Every affordable subset of `n` candidates (ascending positions), the empty one first. */
export function affordableSubsets(search: PortfolioSearch, n: number): number[][] {
    const subsets: number[][] = [];
    const walk = (from: number, members: number[]) => {
        subsets.push(members);
        for (let m = from; m < n; m++) {
            const next = [...members, m];
            if (search.affordable(next)) walk(m + 1, next);
        }
    };
    walk(0, []);
    return subsets;
}

export async function optimizePortfolio(
    model: LoweredModel,
    candidates: number[],
    currency: string,
    budget: number,
    batch: RunBatch,
    exactLimit = EXACT_LIMIT
): Promise<Optimization> {
    const search = new PortfolioSearch(model, candidates, currency, budget, batch);
    const exact = candidates.length <= exactLimit;
    const evaluated = exact ? await search.evaluate(affordableSubsets(search, candidates.length)) : await heuristicSearch(search);
    return optimizationFrom(optimizationFrame(search, exact), evaluated);
}

export function optimizationFrame(search: PortfolioSearch, exact: boolean): OptimizationFrame {
    const budget = zeroMoney(search.model);
    budget[search.currency] = search.budget;
    return { budget, currency: search.currency, candidates: search.names(search.candidates.map((_, i) => i)), exact, runs: search.runCount };
}

/**
 * The best portfolio at each budget level, as the budget grows from 0: the empty portfolio,
 * then each portfolio that is best once the budget reaches its cost, in order of cost.
 */
function frontier(c: string, better: (a: Evaluated, b: Evaluated) => boolean, names: (members: number[]) => string[], evaluated: Evaluated[]): FrontierPoint[] {
    const byCost = [...evaluated].sort((a, b) => a.cost[c] - b.cost[c]);
    const empty = evaluated.find(e => e.members.length === 0)!;
    const points: Evaluated[] = [empty];
    let best: Evaluated | undefined;
    for (let i = 0; i < byCost.length;) {
        const level = byCost[i].cost[c];
        for (; i < byCost.length && byCost[i].cost[c] === level; i++) if (!best || better(byCost[i], best)) best = byCost[i];
        if (best && best !== points[points.length - 1]) points.push(best);
    }
    return points.map(p => ({ measures: names(p.members), cost: p.cost, expectedLoss: p.loss }));
}

/**
 * Beyond EXACT_LIMIT candidates, a local search from the empty portfolio: each round tries
 * every affordable move (add one measure, drop one, swap one for one or for two) and takes the
 * best by expected loss (never by ratio), until no move helps. Every portfolio tried counts for the
 * frontier.
 */
async function heuristicSearch(search: PortfolioSearch): Promise<Evaluated[]> {
    const n = search.candidates.length;
    const seen = new Map<string, Evaluated>();
    const tryAll = async (portfolios: number[][]): Promise<Evaluated[]> => {
        const fresh = portfolios.filter(p => !seen.has(p.join(',')) && search.affordable(p));
        for (const e of await search.evaluate(fresh)) seen.set(e.members.join(','), e);
        return portfolios.map(p => seen.get(p.join(','))).filter((e): e is Evaluated => e !== undefined);
    };
    let [current] = await tryAll([[]]);
    for (let round = 0; round < 4 * n; round++) {
        const inside = new Set(current.members);
        const moves: number[][] = [];
        for (let m = 0; m < n; m++) {
            if (!inside.has(m)) moves.push([...current.members, m].sort((a, b) => a - b));
            else moves.push(current.members.filter(x => x !== m));
        }
        // Swaps: one measure out, one or two in (two cheaper ones can beat one dear one).
        for (const out of current.members) {
            const rest = current.members.filter(x => x !== out);
            for (let m = 0; m < n; m++) {
                if (inside.has(m)) continue;
                moves.push([...rest, m].sort((a, b) => a - b));
                for (let k = m + 1; k < n; k++) if (!inside.has(k)) moves.push([...rest, m, k].sort((a, b) => a - b));
            }
        }
        let next = current;
        for (const e of await tryAll(moves)) if (search.better(e, next)) next = e;
        if (next === current) break;
        current = next;
    }
    return [...seen.values()];
}
