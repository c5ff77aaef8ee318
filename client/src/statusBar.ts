/**
 * One status bar item for Chokepoint files: the server's state, then for the active file its
 * errors, or what is expected to go unmet (and lost), or the worst scenario's unmet need.
 * Clicking it opens the chart (or restarts a stopped server).
 */
import * as vscode from 'vscode';
import type { ResultsStore } from './results.js';
import type { ServerConnection } from './server.js';
import { statusView } from './statusText.js';

export class StatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('chokepoint.status', vscode.StatusBarAlignment.Left, 50);
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly server: ServerConnection,
        private readonly results: ResultsStore
    ) {
        this.item.name = 'Chokepoint';
        this.disposables.push(
            this.item,
            results.onDidChange(() => this.update()),
            results.onDidChangeProgress(() => this.update()),
            vscode.window.onDidChangeActiveTextEditor(() => this.learnAndUpdate()),
            server.onDidChangeState(state => (state === 'running' ? this.learnAndUpdate() : this.update()))
        );
        this.learnAndUpdate();
    }

    /** Asks for the active file's results once, so that a file simulated through another is known. */
    private learnAndUpdate(): void {
        this.update();
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId === 'chokepoint' && this.server.state === 'running') {
            void this.results.results(document.uri.toString()).then(() => this.update());
        }
    }

    update(): void {
        const document = vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== 'chokepoint') {
            this.item.hide();
            return;
        }
        const uri = document.uri.toString();
        const view = statusView(this.server.state, this.results.summary(uri), this.results.isRunning(uri));
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
        this.item.command = view.command;
        this.item.backgroundColor = view.severity ? new vscode.ThemeColor(`statusBarItem.${view.severity}Background`) : undefined;
        this.item.show();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}
