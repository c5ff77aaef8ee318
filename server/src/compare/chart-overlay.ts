/**
 * `chokepoint/chartOverlay` and the comparison's overlay: every scenario, the baseline
 * included, on one axis per key metric (the report's charts: unmet, stock, top-origin share,
 * cover, from language/src/report/report-data.ts), the compared revision's lines when there is
 * one, and each scenario's shock windows (review.md §2).
 */
import type { LangiumDocument } from 'langium';
import type { RunJson } from '../../../language/src/index.js';
import { prepareDocument, reportCharts, shockWindows } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { ChartOverlayResponse, CompareOverlay, OverlayMetric } from '../protocol.js';

export async function chartOverlayResponse(
    shared: ChokepointSharedServices,
    document: LangiumDocument,
    revision: string | null
): Promise<ChartOverlayResponse> {
    const simulation = shared.simulation.Service;
    const view = simulation.view(document);
    if (view.status !== 'ok' || !view.result) return { status: 'unavailable', message: 'No current results: fix the errors or wait for the simulation.' };
    const root = simulation.rootOf(document);
    const head = view.result as unknown as RunJson;
    // Outside git, an unknown revision or a revision where the model does not check: the current scenarios alone.
    const base = revision === null ? undefined : await shared.compare.Service.baseResults(root, revision);
    const compared = base?.results.status === 'ok' ? base.results.run : undefined;
    return { status: 'ok', revision: compared ? revision : null, overlay: compareOverlay(compared, head, root, shared) };
}

/** Every scenario per key metric at both sides (the base only on the same calendar), and HEAD's shock windows. */
function compareOverlay(base: RunJson | undefined, head: RunJson, root: LangiumDocument, shared: ChokepointSharedServices): CompareOverlay {
    const charts = reportCharts(head, base);
    const metrics = charts.charts.map((chart): OverlayMetric => ({
        id: chart.id,
        title: chart.title,
        unit: chart.unit,
        kind: chart.kind,
        lines: chart.lines.map(line => ({ scenario: line.scenario, side: line.base ? 'base' : 'head', values: line.values }))
    }));
    const prepared = prepareDocument(root, shared.workspace.LangiumDocuments);
    const windows = prepared.status === 'ok' ? shockWindows(prepared.model) : [];
    return { periods: charts.periodStarts, metrics, windows };
}
