import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection,
    IPCMessageReader,
    IPCMessageWriter,
    StreamMessageReader,
    StreamMessageWriter,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, ServerCapabilities } from 'vscode-languageserver-protocol';
import type { ResultsChangedParams, SimulationProgressParams } from '../../../server/src/protocol.js';

/** The bundled server under test: `out/server.js` (build it with `node esbuild.mjs`). */
export const SERVER_JS = path.resolve(process.env.CHOKEPOINT_SERVER ?? 'out/server.js');

export function fileUri(file: string): string {
    return pathToFileURL(path.resolve(file)).toString();
}

/**
 * A minimal LSP client over stdio for tests and benchmarks: it records what the server
 * sends (diagnostics, results, progress, refresh requests) and answers the requests a
 * server makes of its client.
 */
export class TestClient {
    readonly process: ChildProcess;
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Every diagnostics notification, in the order received. */
    readonly published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
    readonly results: ResultsChangedParams[] = [];
    readonly progress: SimulationProgressParams[] = [];
    readonly logs: string[] = [];
    lensRefreshes = 0;
    hintRefreshes = 0;
    /** How long the client takes to answer a refresh request (VS Code answers after re-requesting). */
    refreshAnswerMs = 0;
    /** The most refresh requests of one kind the server had unanswered at once. */
    maxUnansweredRefreshes = 0;
    settings: unknown = {};
    capabilities: ServerCapabilities = {};
    private readonly versions = new Map<string, number>();
    private readonly waiters: Array<() => void> = [];
    stderr = '';

    /** `stdio` by default; `ipc` as VS Code starts servers (`--node-ipc`). */
    constructor(transport: 'stdio' | 'ipc' = 'stdio') {
        if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build it with \`node esbuild.mjs\``);
        // CHOKEPOINT_SERVER_NODE_ARGS: extra Node flags for the server (e.g. `--cpu-prof` when profiling).
        const nodeArgs = (process.env.CHOKEPOINT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
        if (transport === 'ipc') {
            this.process = fork(SERVER_JS, ['--node-ipc'], { execArgv: nodeArgs, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
            this.connection = createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
        } else {
            this.process = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
            this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        }
        this.process.stderr!.on('data', chunk => {
            this.stderr += String(chunk);
        });
        this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
            this.diagnostics.set(p.uri, p.diagnostics);
            this.published.push({ uri: p.uri, diagnostics: p.diagnostics });
            this.wake();
        });
        this.connection.onNotification('chokepoint/resultsChanged', (p: ResultsChangedParams) => {
            this.results.push(p);
            this.wake();
        });
        this.connection.onNotification('chokepoint/simulationProgress', (p: SimulationProgressParams) => {
            this.progress.push(p);
            this.wake();
        });
        this.connection.onNotification('window/logMessage', (p: { message: string }) => {
            this.logs.push(p.message);
        });
        let lensesUnanswered = 0;
        let hintsUnanswered = 0;
        this.connection.onRequest('workspace/codeLens/refresh', async () => {
            this.lensRefreshes++;
            this.maxUnansweredRefreshes = Math.max(this.maxUnansweredRefreshes, ++lensesUnanswered);
            this.wake();
            if (this.refreshAnswerMs > 0) await new Promise(r => setTimeout(r, this.refreshAnswerMs));
            lensesUnanswered--;
            return null;
        });
        this.connection.onRequest('workspace/inlayHint/refresh', async () => {
            this.hintRefreshes++;
            this.maxUnansweredRefreshes = Math.max(this.maxUnansweredRefreshes, ++hintsUnanswered);
            if (this.refreshAnswerMs > 0) await new Promise(r => setTimeout(r, this.refreshAnswerMs));
            hintsUnanswered--;
            return null;
        });
        this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
        this.connection.listen();
    }

    async initialize(folder: string): Promise<InitializeResult> {
        const result = await this.connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: fileUri(folder),
            workspaceFolders: [{ uri: fileUri(folder), name: path.basename(folder) }],
            capabilities: {
                workspace: { codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, configuration: true, workspaceFolders: true },
                textDocument: { completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true } }
            }
        });
        this.capabilities = result.capabilities;
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'chokepoint', version: 1, text } });
    }

    /** Replaces the whole text; returns the new version. */
    async change(uri: string, text: string): Promise<number> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        return version;
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest<R>(method, params);
    }

    /** Resolves once `test` holds (checked after each message from the server), or fails after `ms`. */
    async until(test: () => boolean, ms = 20000, what = 'condition'): Promise<void> {
        const deadline = Date.now() + ms;
        while (!test()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, 50);
                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }

    /** Resolves once the asynchronous `test` holds (asked every 100 ms), or fails after `ms`. */
    async eventually(test: () => Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
        const deadline = Date.now() + ms;
        while (!(await test())) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
            await new Promise<void>(resolve => setTimeout(resolve, 100));
        }
    }

    get alive(): boolean {
        return this.process.exitCode === null && this.process.signalCode === null;
    }

    /** Resident memory of the server process in bytes (Linux /proc). */
    async rss(): Promise<number> {
        const { readFileSync } = await import('node:fs');
        const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        return kb * 1024;
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.request('shutdown', null), new Promise(r => setTimeout(r, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // Already gone.
        }
        await new Promise(r => setTimeout(r, 100));
        if (this.alive) this.process.kill();
        this.connection.dispose();
    }

    private wake(): void {
        for (const waiter of this.waiters.splice(0)) waiter();
    }
}
