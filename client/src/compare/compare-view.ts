/**
 * The comparison view: a webview with the grid of scenarios (rows, with probability) by key
 * metrics (columns), expected values last, cells coloured by severity and `base -> head`
 * where they differ. Clicking a cell opens the chart on that scenario.
 */
import * as vscode from 'vscode';
import { Commands, type CompareResponse } from '../../../server/src/index.js';
import { overlayOfColumn } from '../chart/overlay.js';

export const COMPARE_VIEW_TYPE = 'chokepoint.compare';

type Grid = Extract<CompareResponse, { status: 'ok' }>;

export class CompareView implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    /** What the view shows now (tests read it). */
    shown: { uri: string; grid: Grid } | undefined;

    show(uri: vscode.Uri, grid: Grid): vscode.WebviewPanel {
        const title = `Compare ${basename(uri)} with ${grid.revision}`;
        if (!this.panel) {
            this.panel = vscode.window.createWebviewPanel(
                COMPARE_VIEW_TYPE,
                title,
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                { enableScripts: true, localResourceRoots: [] }
            );
            this.panel.onDidDispose(() => {
                this.panel = undefined;
                this.shown = undefined;
            });
            this.panel.webview.onDidReceiveMessage((message: { type?: string; scenario?: string; column?: string }) => {
                if (message.type === 'open' && typeof message.scenario === 'string' && this.shown) {
                    void vscode.commands.executeCommand(Commands.showChart, this.shown.uri, message.scenario, overlayOfColumn(message.column));
                }
            });
        }
        this.panel.title = title;
        this.panel.webview.html = comparePage(grid, title, nonce());
        this.shown = { uri: uri.toString(), grid };
        this.panel.reveal(undefined, true);
        return this.panel;
    }

    dispose(): void {
        this.panel?.dispose();
    }
}

export function comparePage(grid: Grid, title: string, scriptNonce: string): string {
    const head = ['scenario', 'probability', ...grid.columns.map(c => c.title)].map(t => `<th>${escape(t)}</th>`).join('');
    const rows = grid.rows.map(
        row =>
            `<tr><th scope="row">${escape(row.scenario)}</th><td>${escape(row.probability)}</td>${row.cells
                .map(
                    cell =>
                        `<td class="s${cell.severity}${cell.changed ? ' changed' : ''}" data-scenario="${escape(row.scenario)}" data-column="${escape(cell.column)}" tabindex="0" title="Open the chart on ${escape(row.scenario)}">${escape(cell.text)}</td>`
                )
                .join('')}</tr>`
    );
    if (grid.expected)
        rows.push(
            `<tr class="expected"><th scope="row">expected</th><td></td><td>${escape(grid.expected.unmet)}</td><td>${escape(grid.expected.loss)}</td><td colspan="${grid.columns.length - 2}"></td></tr>`
        );
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${scriptNonce}'; style-src 'nonce-${scriptNonce}'">
<title>${escape(title)}</title>
<style nonce="${scriptNonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.2em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); }
td[data-scenario] { cursor: pointer; }
td[data-scenario]:hover, td[data-scenario]:focus { outline: 1px solid var(--vscode-focusBorder); }
td.s1 { background: rgba(204, 167, 0, 0.18); }
td.s2 { background: rgba(241, 76, 76, 0.2); }
td.changed { font-weight: 600; }
tr.expected th, tr.expected td { font-weight: 600; }
</style>
</head>
<body>
<h1>${escape(title)} <small>(${escape(grid.commit.slice(0, 7))})</small></h1>
<p>Each changed cell reads <code>${escape(grid.revision)} -> now (Δ)</code>. Click a cell to open the chart on its scenario and metric.</p>
<table id="grid"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<script nonce="${scriptNonce}">
const vscode = acquireVsCodeApi();
for (const cell of document.querySelectorAll('td[data-scenario]')) {
  const open = () => vscode.postMessage({ type: 'open', scenario: cell.dataset.scenario, column: cell.dataset.column });
  cell.addEventListener('click', open);
  cell.addEventListener('keydown', event => { if (event.key === 'Enter') open(); });
}
</script>
</body>
</html>`;
}

function escape(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function nonce(): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let text = '';
    for (let i = 0; i < 32; i++) text += chars[Math.floor(Math.random() * chars.length)];
    return text;
}

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
