/**
 * The Chokepoint extension: the language client, the read-only standard library, the chart
 * view, commands, status bar and progress. What it returns from `activate` is a small API
 * that the in-editor tests read (what the chart drew, the server's state).
 */
import * as vscode from 'vscode';
import { ChartController } from './chart/panel.js';
import type { RenderReport } from './chart/messages.js';
import { registerCommands } from './commands.js';
import { chartOverlay, registerCompare } from './compare/compare-command.js';
import type { CompareResponse } from '../../server/src/index.js';
import { registerLibraryProvider } from './library.js';
import { SimulationProgress } from './progress.js';
import { ResultsStore } from './results.js';
import { ServerConnection, type ServerState } from './server.js';
import { StatusBar } from './statusBar.js';

export interface ChokepointApi {
    serverState(): ServerState;
    /** Resolves when the language server runs (false if it cannot). */
    serverReady(): Promise<boolean>;
    /** The file the chart view shows, if it is open. */
    chartUri(): string | undefined;
    /** What the chart view last drew. */
    lastChartRender(): RenderReport | undefined;
    onDidRenderChart: vscode.Event<RenderReport>;
    /** Documents whose "simulating" progress indicator is on screen. */
    progressShowing(): string[];
    /** What the comparison view shows, if it is open. */
    comparisonShown(): { uri: string; grid: Extract<CompareResponse, { status: 'ok' }> } | undefined;
}

let server: ServerConnection | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ChokepointApi> {
    const log = vscode.window.createOutputChannel('Chokepoint', { log: true });
    server = new ServerConnection(context, log);
    const results = new ResultsStore(server);
    const chart = new ChartController(context, results, log);
    const progress = new SimulationProgress(results, server);
    const compare = registerCompare(server);
    const connected = server;
    chart.overlaySource = uri => chartOverlay(connected, uri);
    context.subscriptions.push(
        log,
        results,
        chart,
        progress,
        registerLibraryProvider(server),
        new StatusBar(server, results),
        ...registerCommands({ server, results, chart }),
        ...compare.disposables
    );
    void server.start();
    const connection = server;
    return {
        serverState: () => connection.state,
        serverReady: () => connection.ready(),
        chartUri: () => chart.currentUri,
        lastChartRender: () => chart.lastRender,
        onDidRenderChart: chart.onDidRender,
        progressShowing: () => progress.showing(),
        comparisonShown: () => compare.view.shown
    };
}

export async function deactivate(): Promise<void> {
    await server?.dispose();
    server = undefined;
}
