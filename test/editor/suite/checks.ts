/**
 * The in-editor checks: what a strategist relies on, through the `vscode` API — lenses with
 * their numbers, hover, completion, diagnostics, go to definition into the standard
 * library, every command, and the chart view opening and receiving data. The same list runs
 * in code-server (through the companion extension) and in VS Code (@vscode/test-electron).
 */
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ChokepointApi } from '../../../client/src/extension.js';
import type { RenderReport } from '../../../client/src/chart/messages.js';
import type { ScenarioResult } from '../../../language/src/engine/results.js';
import type { EditorFixture } from './fixture.js';
import { assert, assertEqual, assertIncludes, waitFor, type Check } from './harness.js';
import { slowModelText } from './slowModel.js';

const EXTENSION_ID = 'chokepoint.chokepoint';

export function editorChecks(fixture: EditorFixture, workspace: string): Check[] {
    const fileUri = vscode.Uri.file(join(workspace, fixture.file));
    let api: ChokepointApi;
    let document: vscode.TextDocument;

    const positionOf = (text: string, offset = 0): vscode.Position => {
        const index = document.getText().indexOf(text);
        assert(index >= 0, `${fixture.file} does not contain ${JSON.stringify(text)}`);
        return document.positionAt(index + offset);
    };
    const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri, 100)) ?? [];
    const titles = async () => (await lenses()).map(l => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command?.command }));
    /** Lenses once the simulation of the current text is done (no lens says it is simulating). */
    const settledTitles = () =>
        waitFor(
            'lenses with numbers',
            async () => {
                const all = await titles();
                return all.length > 1 && !all.some(t => t.title.includes('simulating') || t.title.includes('outdated')) ? all : undefined;
            },
            30_000,
            200
        );
    const errorsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
    const replaceOnce = async (from: string, to: string) => {
        const start = positionOf(from);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(fileUri, new vscode.Range(start, start.translate(0, from.length)), to);
        assert(await vscode.workspace.applyEdit(edit), `edit ${from} -> ${to} was not applied`);
    };
    const nextRender = (predicate: (r: RenderReport) => boolean, what: string) =>
        waitFor(
            what,
            () => {
                const report = api.lastChartRender();
                return report && predicate(report) ? report : undefined;
            },
            20_000,
            100
        );

    return [
        {
            name: 'a .choke file opens as Chokepoint and starts the language server',
            run: async () => {
                document = await vscode.workspace.openTextDocument(fileUri);
                await vscode.window.showTextDocument(document);
                assertEqual(document.languageId, 'chokepoint', 'language of the file');
                const extension = vscode.extensions.getExtension<ChokepointApi>(EXTENSION_ID);
                assert(extension, `extension ${EXTENSION_ID} is not installed`);
                api = extension.isActive ? extension.exports : await extension.activate();
                assert(await api.serverReady(), 'the language server did not start');
                assertEqual(api.serverState(), 'running', 'server state');
            }
        },
        {
            name: 'the example has no errors',
            run: async () => {
                await settledTitles();
                assertEqual(
                    errorsOf(fileUri).map(d => d.message),
                    [],
                    'errors'
                );
            }
        },
        {
            name: 'code lenses show the numbers',
            run: async () => {
                const all = await settledTitles();
                const fileLens = all.find(t => t.line === 0);
                assert(fileLens, `no lens on the first line; lenses: ${JSON.stringify(all)}`);
                for (const part of fixture.fileLens) assertIncludes(fileLens.title, part, 'file lens');
                for (const expected of fixture.lenses) {
                    const line = positionOf(expected.line).line;
                    const lens = all.find(t => t.line === line);
                    assert(lens, `no lens above "${expected.line}" (line ${line + 1}); lenses: ${JSON.stringify(all)}`);
                    for (const part of expected.includes) assertIncludes(lens.title, part, `lens above "${expected.line}"`);
                    assert(lens.command?.startsWith('chokepoint.'), `lens above "${expected.line}" runs ${lens.command}`);
                }
            }
        },
        {
            name: 'hover explains a declaration',
            run: async () => {
                const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fileUri, positionOf(fixture.hover.at, 1));
                const text = (hovers ?? []).flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
                for (const part of fixture.hover.includes) assertIncludes(text, part, 'hover');
            }
        },
        {
            name: 'completion offers the names of the model',
            run: async () => {
                const position = positionOf(fixture.completion.after, fixture.completion.after.length);
                const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', fileUri, position);
                const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
                assert(labels.includes(fixture.completion.expect), `completion lacks ${fixture.completion.expect}: ${labels.slice(0, 30).join(', ')}`);
            }
        },
        {
            name: 'go to definition opens the read-only standard library',
            run: async () => {
                const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
                    'vscode.executeDefinitionProvider',
                    fileUri,
                    positionOf(fixture.definition.at, 1)
                );
                assert(locations?.length, 'no definition found');
                const first = locations[0];
                const uri = 'targetUri' in first ? first.targetUri : first.uri;
                const range = 'targetUri' in first ? first.targetRange : first.range;
                assertEqual(uri.scheme, 'chokepoint-lib', 'scheme of the definition');
                const library = await vscode.workspace.openTextDocument(uri);
                assertIncludes(library.lineAt(range.start.line).text, fixture.definition.target, 'line of the definition');
            }
        },
        {
            name: 'an error shows as a diagnostic, and goes away when fixed',
            run: async () => {
                await replaceOnce(fixture.brokenEdit.replace, fixture.brokenEdit.with);
                const errors = await waitFor('an error diagnostic', () => (errorsOf(fileUri).length ? errorsOf(fileUri) : undefined));
                assert(
                    errors.some(e => e.message.includes(fixture.brokenEdit.message)),
                    `errors: ${errors.map(e => e.message).join('; ')}`
                );
                await replaceOnce(fixture.brokenEdit.with, fixture.brokenEdit.replace);
                await waitFor('no errors', () => (errorsOf(fileUri).length === 0 ? true : undefined));
            }
        },
        {
            name: 'Show chart opens the chart view and it draws the results',
            run: async () => {
                await vscode.commands.executeCommand('chokepoint.showChart', fileUri.toString());
                const report = await nextRender(r => r.periods > 0, 'the chart to draw');
                assertEqual(api.chartUri(), fileUri.toString(), 'file of the chart');
                assertEqual(report.periods, fixture.periods, 'periods drawn');
                assert(report.charts >= 2, `charts drawn: ${report.charts}`);
                // Outside git: every scenario on one axis per key metric, nothing dashed, the shocks shaded.
                const overlays = await nextRender(r => r.overlays.length === 4, 'the overlays of every scenario');
                assertEqual(
                    overlays.overlays.map(o => o.id),
                    ['unmet', 'stock', 'share', 'cover'],
                    'overlays drawn'
                );
                assert(
                    overlays.overlays.every(o => o.lines >= 2 && o.dashed === 0 && o.bands >= 1),
                    `overlays: ${JSON.stringify(overlays.overlays)}`
                );
            }
        },
        {
            name: 'the chart follows edits',
            run: async () => {
                const before = await nextRender(r => r.periods > 0, 'the chart to draw');
                const scenario = before.scenario;
                await replaceOnce(fixture.moreUnmetEdit.replace, fixture.moreUnmetEdit.with);
                const after = await nextRender(r => r.scenario === scenario && r.unmetDrawn > before.unmetDrawn, 'the chart to draw more unmet need');
                assert(after.unmetDrawn > before.unmetDrawn, 'more unmet need drawn');
                await replaceOnce(fixture.moreUnmetEdit.with, fixture.moreUnmetEdit.replace);
                await nextRender(r => Math.abs(r.unmetDrawn - before.unmetDrawn) < 1e-6, 'the chart to draw the original results');
            }
        },
        {
            name: 'Run scenario shows that scenario',
            run: async () => {
                const scenario = await vscode.commands.executeCommand<ScenarioResult | undefined>(
                    'chokepoint.runScenario',
                    fileUri.toString(),
                    fixture.scenario
                );
                assertEqual(scenario?.name, fixture.scenario, 'scenario returned');
                await nextRender(r => r.scenario === fixture.scenario && r.focus === null, `the chart to show ${fixture.scenario}`);
            }
        },
        {
            name: "a lens's details focus the chart on its consumer",
            run: async () => {
                await vscode.commands.executeCommand('chokepoint.showDetails', fileUri.toString(), fixture.consumer);
                await nextRender(r => r.focus === fixture.consumer, `the chart to focus on ${fixture.consumer}`);
            }
        },
        {
            name: 'the chart follows the colour theme (light, high contrast, dark)',
            run: async () => {
                const workbench = vscode.workspace.getConfiguration('workbench');
                const before = workbench.inspect<string>('colorTheme')?.globalValue;
                try {
                    for (const [theme, kind] of [
                        ['Default Light Modern', 'light'],
                        ['Default High Contrast', 'high-contrast'],
                        ['Default Dark Modern', 'dark']
                    ]) {
                        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
                        await nextRender(r => r.theme === kind, `the chart to draw in the ${kind} theme`);
                    }
                } finally {
                    await workbench.update('colorTheme', before, vscode.ConfigurationTarget.Global);
                }
            }
        },
        {
            name: 'Export results writes JSON and CSV',
            run: async () => {
                const stem = join(tmpdir(), `chokepoint-export-${process.pid}-${Date.now()}`);
                const json = await vscode.commands.executeCommand<vscode.Uri>('chokepoint.exportResults', fileUri.toString(), 'json', `${stem}.json`);
                assert(json, 'no JSON file written');
                const parsed = JSON.parse(await readFile(json.fsPath, 'utf8')) as { scenarios: Array<{ name: string }>; periodStarts: string[] };
                assertEqual(
                    parsed.scenarios.map(s => s.name),
                    fixture.scenarios,
                    'scenarios exported'
                );
                assertEqual(parsed.periodStarts.length, fixture.periods, 'periods exported');
                const csv = await vscode.commands.executeCommand<vscode.Uri>('chokepoint.exportResults', fileUri.toString(), 'csv', `${stem}.csv`);
                assert(csv, 'no CSV file written');
                const lines = (await readFile(csv.fsPath, 'utf8')).trimEnd().split('\r\n');
                assert(lines[0].startsWith('scenario,probability,period,kind,name,material,need'), `CSV header: ${lines[0]}`);
                assertEqual(lines.length - 1, fixture.csvRows, 'CSV rows');
                // As from the explorer's context menu: a file that no editor shows.
                const closed = vscode.Uri.file(join(workspace, fixture.closedFile));
                const other = await vscode.commands.executeCommand<vscode.Uri>('chokepoint.exportResults', closed, 'json', `${stem}-closed.json`);
                assert(other, `no JSON written for ${fixture.closedFile}`);
                const otherParsed = JSON.parse(await readFile(other.fsPath, 'utf8')) as { scenarios: Array<{ name: string }> };
                assertEqual(
                    otherParsed.scenarios.map(s => s.name),
                    fixture.scenarios,
                    `scenarios exported from ${fixture.closedFile}`
                );
            }
        },
        {
            name: 'Open standard library shows it read-only',
            run: async () => {
                await vscode.commands.executeCommand('chokepoint.openStandardLibrary');
                const editor = await waitFor('the library editor', () =>
                    vscode.window.activeTextEditor?.document.uri.scheme === 'chokepoint-lib' ? vscode.window.activeTextEditor : undefined
                );
                assertEqual(editor.document.languageId, 'chokepoint', 'language of the library');
                assertIncludes(editor.document.getText(), 'region China', 'library text');
                // A content provider's documents cannot be saved: edits are refused at save time.
                assert(!editor.document.isUntitled && editor.document.uri.scheme !== 'file', 'the library is not a file on disk');
                await vscode.window.showTextDocument(document);
            }
        },
        {
            name: 'a setting turns consumer lenses off and on',
            run: async () => {
                const config = vscode.workspace.getConfiguration('chokepoint');
                const consumerLine = positionOf(fixture.lenses[0].line).line;
                await config.update('lenses.consumer', false, vscode.ConfigurationTarget.Global);
                try {
                    await waitFor('the consumer lens to go', async () => ((await titles()).some(t => t.line === consumerLine) ? undefined : true));
                } finally {
                    await config.update('lenses.consumer', undefined, vscode.ConfigurationTarget.Global);
                }
                await waitFor('the consumer lens to come back', async () => ((await titles()).some(t => t.line === consumerLine) ? true : undefined));
            }
        },
        {
            name: 'a long simulation shows progress until it ends',
            timeoutMs: 90_000,
            run: async () => {
                // 200 consumers, daily steps over three years, 20 scenarios: a few seconds of simulation,
                // within the size limit (1,096 periods × 805 entities × 21 runs = 18.5 million cells).
                const slow = vscode.Uri.file(join(workspace, 'slow-progress.choke'));
                await vscode.workspace.fs.writeFile(slow, new TextEncoder().encode(slowModelText(200, 20)));
                try {
                    const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(slow));
                    const key = opened.document.uri.toString();
                    await waitFor('the progress indicator', () => (api.progressShowing().includes(key) ? true : undefined), 30_000, 20);
                    await waitFor('the progress indicator to go', () => (api.progressShowing().includes(key) ? undefined : true), 60_000, 100);
                    assertEqual(errorsOf(slow).length, 0, 'errors in the slow model');
                } finally {
                    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
                    await vscode.workspace.fs.delete(slow);
                    await vscode.window.showTextDocument(document);
                }
            }
        },
        {
            name: 'Restart language server brings it back with lenses',
            timeoutMs: 60_000,
            run: async () => {
                await vscode.commands.executeCommand('chokepoint.restartServer');
                assert(await api.serverReady(), 'the server did not come back');
                assertEqual(api.serverState(), 'running', 'server state after restart');
                const all = await settledTitles();
                const line = positionOf(fixture.lenses[0].line).line;
                assert(
                    all.some(t => t.line === line),
                    'consumer lens after restart'
                );
                // A run cut short by the restart leaves no progress indicator behind: any run the new
                // server starts (a workspace model it loads) ends and clears its own.
                for (let i = 0; i < 300 && api.progressShowing().length > 0; i++) await new Promise(r => setTimeout(r, 100));
                assertEqual(api.progressShowing(), [], 'progress indicators after restart');
            }
        },
        {
            name: 'after an edit a lens shows the change against git HEAD, and Compare with Revision opens the comparison view',
            timeoutMs: 90_000,
            run: async () => {
                // The workspace becomes a repository of the files as saved; the edit stays in the editor.
                const git = (...args: string[]) =>
                    execFileSync('git', ['-c', 'user.email=editor@example.org', '-c', 'user.name=Editor', ...args], { cwd: workspace });
                git('init', '-q');
                git('add', '-A');
                git('commit', '-q', '-m', 'as opened');
                const { replace, with: replacement, line, includes } = fixture.deltaEdit;
                await replaceOnce(replace, replacement);
                try {
                    const lensLine = positionOf(line).line;
                    const withDelta = await waitFor(
                        'a lens with the change against HEAD',
                        async () => {
                            const all = await titles();
                            return all.find(t => t.line === lensLine && includes.every(part => t.title.includes(part)));
                        },
                        60_000,
                        250
                    );
                    assertIncludes(withDelta.title, 'vs HEAD', 'the lens after the edit');
                    await vscode.commands.executeCommand('chokepoint.compareWithRevision', fileUri.toString(), 'HEAD');
                    const shown = await waitFor('the comparison view', () => api.comparisonShown(), 20_000, 100);
                    assertEqual(shown.grid.revision, 'HEAD', 'revision compared with');
                    assert(
                        shown.grid.rows.some(row => row.cells.some(cell => cell.text.includes(' -> '))),
                        'a changed cell in the comparison'
                    );
                    // Tabs follow the panel asynchronously; a webview tab's viewType carries a prefix.
                    const tab = await waitFor(
                        "the comparison view's tab",
                        () =>
                            vscode.window.tabGroups.all
                                .flatMap(g => g.tabs)
                                .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('chokepoint.compare')),
                        10_000,
                        100
                    );
                    await vscode.window.tabGroups.close(tab);
                    // A cell opens the chart on its scenario and metric: HEAD's lines dashed beside today's.
                    await vscode.commands.executeCommand('chokepoint.showChart', fileUri.toString(), fixture.scenario, 'cover');
                    const chart = await nextRender(r => r.metric === 'cover' && r.overlays.some(o => o.dashed > 0), 'the chart with HEAD dashed');
                    assertEqual(chart.scenario, fixture.scenario, 'scenario of the chart');
                    const cover = chart.overlays.find(o => o.id === 'cover')!;
                    assertEqual(cover.dashed * 2, cover.lines, 'a dashed line per scenario at HEAD');
                } finally {
                    // The checks after this one (the UI's) expect the example as it was.
                    await replaceOnce(replacement, replace);
                    await vscode.window.showTextDocument(document);
                }
            }
        }
    ];
}
