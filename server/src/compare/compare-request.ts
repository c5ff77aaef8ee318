/** `chokepoint/compare`: the comparison view's grid (scenarios × key metrics, `base -> head`). */
import type { LangiumDocument } from 'langium';
import { cellChange } from '../../../language/src/index.js';
import type { RunJson } from '../../../language/src/index.js';
import { GRID_COLUMNS, GRID_TITLES, moneyCell, scenarioGrid, severity } from '../../../language/src/index.js';
import { displayNumber, tonnesText } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { CompareResponse } from '../protocol.js';

export async function compareResponse(shared: ChokepointSharedServices, document: LangiumDocument, revision: string): Promise<CompareResponse> {
    const simulation = shared.simulation.Service;
    const view = simulation.view(document);
    if (view.status !== 'ok' || !view.result)
        return { status: 'unavailable', message: 'No current results to compare: fix the errors or wait for the simulation.' };
    const root = simulation.rootOf(document);
    const base = await shared.compare.Service.baseResults(root, revision);
    if (!base)
        return {
            status: 'unavailable',
            message: `Nothing to compare with: ${root.uri.path.slice(root.uri.path.lastIndexOf('/') + 1)} is not in a git repository, or it has no revision '${revision}' with this file.`
        };
    if (base.results.status !== 'ok')
        return {
            status: 'unavailable',
            message: `The model does not check at ${revision} (${base.results.errors.length} errors): no results to compare with.`
        };
    const before = scenarioGrid(base.results.run);
    const after = scenarioGrid(view.result as unknown as RunJson);
    const rows = after.rows.map(row => {
        const old = before.rows.find(r => r.scenario === row.scenario);
        return {
            scenario: row.scenario,
            probability: row.probability === null ? '' : `${displayNumber(row.probability * 100, 1)}%`,
            cells: GRID_COLUMNS.map(column => {
                const text = cellChange(old, row, column);
                return { column, text, severity: severity(row, column), changed: text.includes(' -> ') };
            })
        };
    });
    const arrow = (a: string, b: string) => (a === b ? b : `${a} -> ${b}`);
    const expected =
        after.expected.unmet === null
            ? null
            : {
                  unmet: arrow(before.expected.unmet === null ? '—' : tonnesText(before.expected.unmet), tonnesText(after.expected.unmet)),
                  loss: arrow(moneyCell(before.expected.loss), moneyCell(after.expected.loss))
              };
    return {
        status: 'ok',
        revision,
        commit: base.commit,
        model: root.uri.toString(),
        columns: GRID_COLUMNS.map(id => ({ id, title: GRID_TITLES[id] })),
        rows,
        expected
    };
}
