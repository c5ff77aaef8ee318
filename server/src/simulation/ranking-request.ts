/** `chokepoint/ranking`: the ranking view's markdown for a document, or why there is none. */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { parseDuration } from '../../../language/src/index.js';
import type { RankingParams, RankingResponse } from '../protocol.js';
import type { SimulationService } from './simulation-service.js';
import { rankingMarkdown, rankingSweep } from './ranking.js';
import type { SweepService } from './sweeps.js';

export async function rankingResponse(
    simulation: SimulationService,
    documents: LangiumDocuments,
    document: LangiumDocument,
    params: RankingParams,
    sweeps: SweepService,
    token?: CancellationToken
): Promise<RankingResponse> {
    if (params.outage !== undefined && !parseDuration(params.outage))
        return { message: `The outage must be a duration such as "1 month", not '${params.outage}'.` };
    const view = simulation.view(document);
    if (view.status !== 'ok' || !view.result) return { message: view.message ?? 'No current results to rank: fix the errors or wait for the simulation.' };
    const root = simulation.rootOf(document);
    const ranking = await rankingSweep(root, documents, view.result, sweeps, { outage: params.outage, scenario: params.scenario }, token);
    if (!ranking) return { message: params.scenario ? `Unknown scenario '${params.scenario}'.` : 'This model cannot be ranked.' };
    return { markdown: rankingMarkdown(ranking, root.uri.path.slice(root.uri.path.lastIndexOf('/') + 1)) };
}
