/**
 * `chokepoint/frontier`: the budget frontier the chart view plots (decisions.md §4) — the best
 * portfolio as the budget grows from 0 to the cost of every candidate, in the currency of the
 * model's first measure cost. Computed on demand, once per set of results, as a sweep on the
 * server's pool (sweeps.ts): cancelled by the request's token or by a newer text.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { costCurrencies, horizonCost } from '../../../language/src/index.js';
import type { SimulationResult } from '../../../language/src/index.js';
import { evaluateOptimization, optimizeCandidates } from '../../../language/src/index.js';
import type { CancellationToken } from 'vscode-languageserver';
import type { FrontierResponse } from '../protocol.js';
import { prepare } from './engine-adapter.js';
import type { SweepService } from './sweeps.js';

/** Most candidates the chart's frontier takes (2^12 portfolios, a few seconds at most). */
const MAX_CANDIDATES = 12;

const cache = new WeakMap<SimulationResult, FrontierResponse>();

export async function frontierOf(
    root: LangiumDocument,
    documents: LangiumDocuments,
    result: SimulationResult,
    sweeps: SweepService,
    token?: CancellationToken
): Promise<FrontierResponse> {
    const cached = cache.get(result);
    if (cached) return cached;
    const prepared = prepare(root, documents);
    if (prepared.status !== 'ok') return { message: 'No current results.' };
    const model = prepared.model;
    const currency = model.events.filter(e => !e.isShock).flatMap(costCurrencies)[0];
    let response: FrontierResponse;
    if (!currency) response = { message: 'No measure has a cost: add `cost` clauses to see the budget frontier.' };
    else if (!model.scenarios.some(s => s.probability !== null))
        response = { message: 'No scenario has a probability: the frontier weighs scenarios by theirs.' };
    else {
        const budget = model.events.filter(e => !e.isShock).reduce((sum, e) => sum + (horizonCost(model, e)[currency] ?? 0), 0);
        const candidates = optimizeCandidates(model, { budget, currency });
        if ('error' in candidates) response = { message: candidates.error };
        else if (candidates.length > MAX_CANDIDATES)
            response = { message: `${candidates.length} measures cost ${currency}: run \`chokepoint optimize\` for the frontier.` };
        else {
            const sweep = sweeps.start(root.uri.toString(), result, token);
            const optimization = await sweep.answer(() =>
                evaluateOptimization(model, candidates, { budget, currency }, families => sweep.families(model, families))
            );
            response = {
                currency,
                points: optimization.frontier.map(p => ({ cost: p.cost[currency] ?? 0, expectedLoss: p.expectedLoss[currency] ?? 0, measures: p.measures }))
            };
        }
    }
    cache.set(result, response);
    return response;
}
