/**
 * The chart view: one webview panel beside the editor that follows the active Chokepoint
 * file, redraws when the server reports new results, and comes back after a window reload
 * (its state — file and selection — is saved by the webview and handed to the serializer).
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { buildChartModel, initialScenario, type ChartModel, type ChartOverlay } from './model.js';
import { chartPage } from './html.js';
import type { OverlayMetricId } from './overlay.js';
import type { ChartSelection, ChartState, FromWebview, RenderReport, ToWebview } from './messages.js';
import type { ResultsStore } from '../results.js';
import { normalizeUri } from '../results.js';

export const CHART_VIEW_TYPE = 'chokepoint.chart';

export interface ShowOptions {
    scenario?: string;
    /** A consumer's name, or null for all consumers. */
    focus?: string | null;
    preserveFocus?: boolean;
    /** The overlay of every scenario to bring into view (a comparison cell's metric). */
    metric?: OverlayMetricId;
}

export class ChartController implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private uri: string | undefined;
    private selection: ChartSelection = { scenario: undefined, focus: null };
    private model: ChartModel | undefined;
    private webviewReady = false;
    private lastReport: RenderReport | undefined;
    private readonly renderedEmitter = new vscode.EventEmitter<RenderReport>();
    /** The webview drew (for tests and diagnostics). */
    readonly onDidRender = this.renderedEmitter.event;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly results: ResultsStore,
        private readonly log: vscode.LogOutputChannel
    ) {
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel, state: ChartState | undefined) => {
                    if (!state?.uri) {
                        panel.dispose();
                        return;
                    }
                    this.adopt(panel, state.uri, state.selection ?? { scenario: undefined, focus: null });
                }
            }),
            results.onDidChange(uri => {
                if (uri === this.uri) void this.refresh();
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor))
        );
    }

    /** What the webview last reported drawing. */
    get lastRender(): RenderReport | undefined {
        return this.lastReport;
    }

    get currentUri(): string | undefined {
        return this.panel ? this.uri : undefined;
    }

    async show(uri: vscode.Uri, options: ShowOptions = {}): Promise<void> {
        const selection: ChartSelection = {
            scenario: options.scenario ?? (this.uri === uri.toString() ? this.selection.scenario : undefined),
            focus: options.focus !== undefined ? options.focus : this.uri === uri.toString() ? this.selection.focus : null,
            ...(options.metric ? { metric: options.metric } : {})
        };
        if (this.panel) {
            // Stays in its column: revealing it "beside" the active editor would open yet another column.
            this.panel.reveal(undefined, options.preserveFocus ?? true);
            this.uri = normalizeUri(uri.toString());
            this.panel.title = `Chart: ${fileName(this.uri)}`;
            this.selection = selection;
            this.model = undefined;
        } else {
            const panel = vscode.window.createWebviewPanel(
                CHART_VIEW_TYPE,
                'Chart',
                {
                    viewColumn: vscode.ViewColumn.Beside,
                    preserveFocus: options.preserveFocus ?? true
                },
                this.webviewOptions()
            );
            this.adopt(panel, uri.toString(), selection);
        }
        await this.refresh(options.scenario);
    }

    private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'out')]
        };
    }

    private adopt(panel: vscode.WebviewPanel, uri: string, selection: ChartSelection): void {
        this.panel = panel;
        this.uri = normalizeUri(uri);
        this.selection = selection;
        this.model = undefined;
        this.webviewReady = false;
        panel.webview.options = this.webviewOptions();
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'images', 'file-icon.svg');
        panel.title = `Chart: ${fileName(this.uri)}`;
        const script = vscode.Uri.joinPath(this.context.extensionUri, 'out', 'chart.js');
        if (existsSync(script.fsPath)) {
            panel.webview.html = chartPage({
                cspSource: panel.webview.cspSource,
                scriptUri: panel.webview.asWebviewUri(script).toString(),
                title: `Chart: ${fileName(this.uri)}`
            });
        } else {
            // A development build without the webview bundle (`npm run build` does not make it).
            panel.webview.html =
                "<!DOCTYPE html><html><body><p>The chart view's script is missing (out/chart.js): build it with <code>npm run build</code>.</p></body></html>";
            this.log.error(`Chart view: ${script.fsPath} is missing`);
        }
        const subscriptions = [
            panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
            // A hidden webview loses its page (retainContextWhenHidden is off, to save memory):
            // the page says `ready` again when shown and is sent the model anew.
            panel.onDidChangeViewState(() => {
                if (!panel.visible) this.webviewReady = false;
            })
        ];
        panel.onDidDispose(() => {
            for (const s of subscriptions) s.dispose();
            if (this.panel === panel) {
                this.panel = undefined;
                this.model = undefined;
            }
        });
        void this.refresh();
    }

    private receive(message: FromWebview): void {
        switch (message.type) {
            case 'ready':
                this.webviewReady = true;
                this.post();
                break;
            case 'selectionChanged':
                this.selection = message.selection;
                break;
            case 'rendered':
                this.lastReport = message.report;
                this.renderedEmitter.fire(message.report);
                break;
            case 'error':
                this.log.error(`Chart view: ${message.message}`);
                break;
        }
    }

    /** Follows the active editor when it shows another Chokepoint file (like Markdown's preview). */
    private follow(editor: vscode.TextEditor | undefined): void {
        const document = editor?.document;
        if (!this.panel || !document || document.languageId !== 'chokepoint' || document.uri.scheme !== 'file') return;
        const uri = normalizeUri(document.uri.toString());
        if (uri === this.uri) return;
        this.uri = uri;
        this.selection = { scenario: undefined, focus: null };
        this.model = undefined;
        this.panel.title = `Chart: ${fileName(uri)}`;
        void this.refresh();
    }

    private async refresh(requestedScenario?: string): Promise<void> {
        const uri = this.uri;
        if (!uri || !this.panel) return;
        const response = await this.results.results(uri);
        if (uri !== this.uri || !this.panel) return;
        const summary = this.results.summary(uri);
        this.model = buildChartModel({
            uri,
            fileName: fileName(uri),
            status: response?.status ?? summary?.status ?? 'unknown',
            errorCount: response?.errorCount ?? summary?.errorCount ?? 0,
            stale: response?.stale ?? false,
            message: response?.message ?? summary?.message,
            result: response?.result
        });
        if (response?.status === 'ok') {
            const frontier = await this.results.frontier(uri);
            if (uri !== this.uri || !this.panel) return;
            if (frontier && 'points' in frontier) this.model.frontier = frontier;
        }
        const configured = vscode.workspace.getConfiguration('chokepoint').get<string>('chart.defaultScenario', '');
        this.selection = {
            ...this.selection,
            scenario: initialScenario(this.model, requestedScenario ?? this.selection.scenario, configured)
        };
        this.post();
        // The comparison with git comes after (it may compute the revision's results first).
        const model = this.model;
        const overlay = await this.overlaySource?.(uri).catch(() => undefined);
        if (overlay && this.model === model) {
            this.model = { ...model, overlay };
            this.post();
        }
    }

    /** Where the overlay of scenarios and the compared revision comes from (set by the extension). */
    overlaySource: ((uri: string) => Promise<ChartOverlay | undefined>) | undefined;

    private post(): void {
        if (!this.panel || !this.webviewReady || !this.model) return;
        const message: ToWebview = { type: 'model', model: this.model, selection: this.selection };
        void this.panel.webview.postMessage(message);
    }

    dispose(): void {
        this.panel?.dispose();
        this.renderedEmitter.dispose();
        for (const d of this.disposables) d.dispose();
    }
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
