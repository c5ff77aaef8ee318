/**
 * The commands under "Chokepoint": run a scenario (quick pick), show the chart, export the
 * results, open the standard library, restart the server, and the details a lens links to.
 * Each takes optional arguments so that lenses (and tests) can call it without dialogs.
 */
import * as vscode from 'vscode';
import { Commands, RankingRequest, type RankingResponse, type ResultsResponse } from '../../server/src/index.js';
import type { ScenarioResult } from '../../language/src/view.js';
import type { ChartController } from './chart/panel.js';
import { OVERLAYS } from './chart/overlay.js';
import { resultsToCsv } from './csv.js';
import { formatLosses, formatShare, formatTonnes } from './format.js';
import { LIBRARY_URI } from './library.js';
import type { ResultsStore } from './results.js';
import type { ServerConnection } from './server.js';

export interface CommandDeps {
    server: ServerConnection;
    results: ResultsStore;
    chart: ChartController;
}

export type ExportFormat = 'json' | 'csv';

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
    return [
        vscode.commands.registerCommand(Commands.runScenario, (uri?: unknown, scenario?: unknown) => runScenario(deps, uri, scenario)),
        vscode.commands.registerCommand(Commands.showChart, (uri?: unknown, scenario?: unknown, metric?: unknown) => showChart(deps, uri, scenario, metric)),
        vscode.commands.registerCommand(Commands.exportResults, (uri?: unknown, format?: unknown, target?: unknown) =>
            exportResults(deps, uri, format, target)
        ),
        vscode.commands.registerCommand(Commands.openStandardLibrary, () => openStandardLibrary()),
        vscode.commands.registerCommand(Commands.restartServer, async () => {
            deps.results.clear();
            await deps.server.restart();
        }),
        vscode.commands.registerCommand(Commands.showDetails, (uri?: unknown, entity?: unknown) => showDetails(deps, uri, entity)),
        vscode.commands.registerCommand(Commands.showRanking, (uri?: unknown) => showRanking(deps, uri))
    ];
}

/**
 * Shows one scenario's results: picks it (a quick pick listing each scenario's unmet need,
 * fill and loss) unless given, and opens the chart on it. Returns the scenario's results.
 */
async function runScenario(deps: CommandDeps, uriArg: unknown, scenarioArg: unknown): Promise<ScenarioResult | undefined> {
    const uri = documentUri(uriArg);
    if (!uri) return undefined;
    const response = await resultsOrExplain(deps, uri);
    if (!response?.result) return undefined;
    let name = typeof scenarioArg === 'string' ? scenarioArg : undefined;
    if (!name) {
        const picked = await vscode.window.showQuickPick(
            response.result.scenarios.map(s => ({
                label: s.name,
                description: s.probability !== null ? `probability ${formatShare(s.probability)}` : undefined,
                detail: scenarioDetail(s)
            })),
            { title: 'Chokepoint: run scenario', placeHolder: 'Scenario to show' }
        );
        name = picked?.label;
    }
    const scenario = response.result.scenarios.find(s => s.name === name);
    if (!scenario) {
        if (name) void vscode.window.showWarningMessage(`Chokepoint: no scenario named ${name} in ${basename(uri)}.`);
        return undefined;
    }
    await deps.chart.show(uri, { scenario: scenario.name, focus: null });
    return scenario;
}

/** The chart on a scenario; with a metric (`unmet`, `stock`, `share`, `cover`), its overlay of every scenario brought into view. */
async function showChart(deps: CommandDeps, uriArg: unknown, scenarioArg: unknown, metricArg: unknown): Promise<void> {
    const uri = documentUri(uriArg);
    if (!uri) return;
    const metric = OVERLAYS.find(id => id === metricArg);
    await deps.chart.show(uri, { scenario: typeof scenarioArg === 'string' ? scenarioArg : undefined, ...(metric ? { metric } : {}) });
}

/** A lens's "details": the chart focused on that consumer (other entities: all consumers). */
/** The criticality ranking of the model (decisions.md §3) as a markdown document beside the model. */
async function showRanking(deps: CommandDeps, uriArg: unknown): Promise<vscode.TextDocument | undefined> {
    const uri = documentUri(uriArg);
    const client = deps.server.client;
    if (!uri || !client || !(await deps.server.ready())) return undefined;
    await vscode.workspace.openTextDocument(uri);
    const response = await client.sendRequest<RankingResponse>(RankingRequest, { uri: uri.toString() });
    if ('message' in response) {
        void vscode.window.showWarningMessage(`Chokepoint: ${response.message}`);
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: response.markdown });
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return document;
}

async function showDetails(deps: CommandDeps, uriArg: unknown, entityArg: unknown): Promise<void> {
    const uri = documentUri(uriArg);
    if (!uri) return;
    const response = await deps.results.results(uri.toString());
    const entity = typeof entityArg === 'string' ? entityArg : undefined;
    const isConsumer = !!entity && !!response?.result?.scenarios.some(s => entity in s.consumers);
    await deps.chart.show(uri, { focus: isConsumer ? entity : null });
}

/**
 * Writes the results as JSON (the CLI's `run --json` shape) or CSV. Without arguments it asks
 * for the format and the file; returns the file written.
 */
async function exportResults(deps: CommandDeps, uriArg: unknown, formatArg: unknown, targetArg: unknown): Promise<vscode.Uri | undefined> {
    const uri = documentUri(uriArg);
    if (!uri) return undefined;
    const response = await resultsOrExplain(deps, uri);
    if (!response?.result) return undefined;
    let format: ExportFormat | undefined = formatArg === 'json' || formatArg === 'csv' ? formatArg : undefined;
    if (!format) {
        const picked = await vscode.window.showQuickPick(
            [
                { label: 'JSON', description: 'every metric, as `chokepoint run --json` prints it', format: 'json' as const },
                { label: 'CSV', description: 'the series per period, for spreadsheets', format: 'csv' as const }
            ],
            { title: 'Chokepoint: export results' }
        );
        format = picked?.format;
    }
    if (!format) return undefined;
    let target = targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' ? vscode.Uri.file(targetArg) : undefined;
    if (!target) {
        const stem = basename(uri).replace(/\.choke$/, '');
        target = await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.joinPath(uri, '..', `${stem}-results.${format}`),
            filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
            title: 'Export Chokepoint results'
        });
    }
    if (!target) return undefined;
    const text = format === 'json' ? JSON.stringify(response.result, null, 2) + '\n' : resultsToCsv(response.result);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const outdated = response.stale ? ' (of the last good text: the file has errors now)' : '';
    void vscode.window.showInformationMessage(`Chokepoint: results of ${basename(uri)} written to ${basename(target)}${outdated}.`);
    return target;
}

async function openStandardLibrary(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(LIBRARY_URI);
    if (document.languageId !== 'chokepoint') await vscode.languages.setTextDocumentLanguage(document, 'chokepoint');
    return vscode.window.showTextDocument(document, { preview: false });
}

/** The results, or a message saying why there are none (errors, no horizon, no server). */
async function resultsOrExplain(deps: CommandDeps, uri: vscode.Uri): Promise<ResultsResponse | undefined> {
    // The server simulates open documents: a file picked in the explorer is opened (not shown) first.
    await vscode.workspace.openTextDocument(uri);
    const response = await deps.results.results(uri.toString(), true);
    if (response?.result) return response;
    const name = basename(uri);
    const why = !response
        ? 'the language server has no results for it (is it running?)'
        : response.status === 'errors'
          ? `it has ${response.errorCount} error${response.errorCount === 1 ? '' : 's'}`
          : response.status === 'no-horizon'
            ? (response.message ?? 'it has no horizon (add e.g. `horizon 2026-01 to 2028-12`)')
            : response.status === 'running'
              ? 'it is still being simulated; try again in a moment'
              : response.status === 'failed'
                ? `the simulation failed: ${response.message ?? 'see the Chokepoint output'}`
                : 'it is not a Chokepoint file the language server knows';
    void vscode.window.showWarningMessage(`Chokepoint: no results for ${name}: ${why}.`);
    return undefined;
}

function scenarioDetail(s: ScenarioResult): string {
    const fill = s.totals.need > 0 ? ` · fill ${formatShare(1 - s.totals.unmet / s.totals.need)}` : '';
    return `unmet ${formatTonnes(s.totals.unmet)}${fill} · ${formatLosses(s.totals.loss)}`;
}

/** A command's document: the argument (URI or its string, as lenses pass it), else the active Chokepoint editor. */
function documentUri(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'chokepoint') return document.uri;
    void vscode.window.showInformationMessage('Chokepoint: open a .choke file first.');
    return undefined;
}

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
