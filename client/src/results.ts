/**
 * The client's view of each document's results: the server's `chokepoint/resultsChanged`
 * summaries as they come, and the full results (`chokepoint/results`) fetched on demand and
 * kept until the next change. The status bar, the chart, the commands and the progress
 * indicator all read from here.
 */
import * as vscode from 'vscode';
import {
    FrontierRequest,
    ResultsChangedNotification,
    ResultsRequest,
    SimulationProgressNotification,
    type FrontierResponse,
    type ResultsChangedParams,
    type ResultsParams,
    type ResultsResponse,
    type SimulationProgressParams
} from '../../server/src/index.js';
import type { ServerConnection } from './server.js';

export class ResultsStore implements vscode.Disposable {
    private readonly summaries = new Map<string, ResultsChangedParams>();
    private readonly responses = new Map<string, Promise<ResultsResponse | undefined>>();
    private readonly running = new Set<string>();
    /** Document -> the model simulated for it (`via` in its results), when that is another file. */
    private readonly via = new Map<string, string>();
    private readonly changeEmitter = new vscode.EventEmitter<string>();
    private readonly progressEmitter = new vscode.EventEmitter<SimulationProgressParams>();
    /** A document's status or results changed (argument: its URI as a string). */
    readonly onDidChange = this.changeEmitter.event;
    /** A simulation started or finished. */
    readonly onDidChangeProgress = this.progressEmitter.event;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly server: ServerConnection) {
        const client = server.client;
        if (!client) return;
        this.disposables.push(
            // A server that stops mid-run never says the run finished.
            server.onDidChangeState(state => {
                if (state !== 'running') this.running.clear();
            }),
            client.onNotification(ResultsChangedNotification, (params: ResultsChangedParams) => {
                const uri = normalizeUri(params.uri);
                this.summaries.set(uri, { ...params, uri });
                // Files simulated through this one (it imports them) changed with it.
                for (const changed of [uri, ...this.dependents(uri)]) {
                    this.responses.delete(changed);
                    this.changeEmitter.fire(changed);
                }
            }),
            client.onNotification(SimulationProgressNotification, (params: SimulationProgressParams) => {
                const uri = normalizeUri(params.uri);
                if (params.running) this.running.add(uri);
                else this.running.delete(uri);
                this.progressEmitter.fire({ ...params, uri });
            })
        );
    }

    /**
     * The latest summary the server sent for a document, if any; for a file without a
     * horizon of its own, the summary of the model that imports it and is simulated.
     */
    summary(uri: string): ResultsChangedParams | undefined {
        uri = normalizeUri(uri);
        const via = this.via.get(uri);
        return this.summaries.get(uri) ?? (via ? this.summaries.get(via) : undefined);
    }

    private dependents(root: string): string[] {
        return [...this.via].filter(([, via]) => via === root).map(([uri]) => uri);
    }

    isRunning(uri: string): boolean {
        uri = normalizeUri(uri);
        const via = this.via.get(uri);
        return this.running.has(uri) || (via !== undefined && this.running.has(via));
    }

    /**
     * Full results of a document (cached until the server says they changed). With `wait`,
     * a simulation under way is waited for (the server waits a few seconds at most).
     */
    async results(uri: string, wait = false): Promise<ResultsResponse | undefined> {
        uri = normalizeUri(uri);
        let pending = this.responses.get(uri);
        if (pending && wait && (await pending)?.status === 'running') pending = undefined;
        if (!pending) {
            pending = this.request(uri, wait);
            this.responses.set(uri, pending);
            // A failed request is not cached: the next call asks again.
            void pending.then(response => {
                if (!response && this.responses.get(uri) === pending) this.responses.delete(uri);
            });
        }
        return pending;
    }

    private async request(uri: string, wait: boolean): Promise<ResultsResponse | undefined> {
        const client = this.server.client;
        if (!client || !(await this.server.ready())) return undefined;
        try {
            const response = await client.sendRequest<ResultsResponse>(ResultsRequest, { uri, wait } satisfies ResultsParams);
            if (response?.via) this.via.set(uri, normalizeUri(response.via));
            else this.via.delete(uri);
            return response;
        } catch (error) {
            this.server.log.warn(`chokepoint/results for ${uri} failed: ${String(error)}`);
            return undefined;
        }
    }

    /** The budget frontier for the chart (decisions.md §4), or undefined without a server. */
    async frontier(uri: string): Promise<FrontierResponse | undefined> {
        const client = this.server.client;
        if (!client || !(await this.server.ready())) return undefined;
        try {
            return await client.sendRequest<FrontierResponse>(FrontierRequest, { uri });
        } catch (error) {
            this.server.log.warn(`chokepoint/frontier for ${uri} failed: ${String(error)}`);
            return undefined;
        }
    }

    /** Forget cached results (after a server restart). */
    clear(): void {
        this.responses.clear();
        this.summaries.clear();
        this.running.clear();
        this.via.clear();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
        this.changeEmitter.dispose();
        this.progressEmitter.dispose();
    }
}

/** The server may spell a URI differently (escaping); keys use VS Code's spelling. */
export function normalizeUri(uri: string): string {
    return vscode.Uri.parse(uri).toString();
}
