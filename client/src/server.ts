/**
 * The language server connection: starts out/server.js in a Node process over IPC, logs to
 * the Chokepoint output channel (and traces there with `chokepoint.trace.server`), restarts
 * on request, and reports its state for the status bar.
 */
import * as vscode from 'vscode';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ServerState } from './serverState.js';
import { createTraceChannel } from './trace.js';

export type { ServerState } from './serverState.js';

const STOP_TIMEOUT_MS = 5000;

export class ServerConnection implements vscode.Disposable {
    readonly client: LanguageClient | undefined;
    private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
    readonly onDidChangeState = this.stateEmitter.event;
    private current: ServerState = 'stopped';
    private readonly trace = createTraceChannel();

    constructor(
        context: vscode.ExtensionContext,
        readonly log: vscode.LogOutputChannel
    ) {
        const module = context.asAbsolutePath('out/server.js');
        if (!existsSync(module)) {
            log.error(`The language server is missing: ${module}. Build it with \`npm run build\`.`);
            this.current = 'missing';
            return;
        }
        const serverOptions: ServerOptions = {
            run: { module, transport: TransportKind.ipc },
            debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
        };
        const clientOptions: LanguageClientOptions = {
            // This client runs the lens commands itself (detail view, chart); generic clients get the server's.
            initializationOptions: { lensCommands: 'client' },
            documentSelector: [
                { language: 'chokepoint', scheme: 'file' },
                { language: 'chokepoint', scheme: 'untitled' }
            ],
            // The server pulls `chokepoint.*` settings; this also pushes changes to it.
            synchronize: {
                configurationSection: 'chokepoint',
                fileEvents: vscode.workspace.createFileSystemWatcher('**/*.choke')
            },
            outputChannel: log,
            traceOutputChannel: this.trace,
            // The status bar reports the state; a crash shows up there and in the log.
            revealOutputChannelOn: RevealOutputChannelOn.Never
        };
        this.client = new LanguageClient('chokepoint', 'Chokepoint Language Server', serverOptions, clientOptions);
        this.client.onDidChangeState(({ newState }) => {
            this.setState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped');
        });
    }

    get state(): ServerState {
        return this.current;
    }

    async start(): Promise<void> {
        if (!this.client) return;
        this.setState('starting');
        try {
            await this.client.start();
        } catch (error) {
            this.log.error(`The language server did not start: ${String(error)}`);
            this.setState('stopped');
        }
    }

    async restart(): Promise<void> {
        if (!this.client) {
            void vscode.window.showErrorMessage('Chokepoint: the language server is missing from this installation (out/server.js).');
            return;
        }
        this.log.info('Restarting the language server');
        this.setState('starting');
        if (this.client.isRunning()) {
            const old = this.client.serverProcess;
            try {
                await this.client.stop(STOP_TIMEOUT_MS);
            } catch (error) {
                // A server busy with a long simulation may not answer `shutdown` in time: the
                // client library then kills it. Its exit must be seen before the new server
                // starts, or the library would take it for a crash of the new one.
                this.log.warn(`The language server did not stop in time (${String(error)}); it was ended.`);
                if (old) await exited(old, STOP_TIMEOUT_MS);
            }
        }
        await this.start();
    }

    /** Resolves once the server runs (or at once when it cannot run). */
    async ready(): Promise<boolean> {
        if (!this.client) return false;
        if (this.client.isRunning()) return true;
        if (this.current === 'stopped') return false;
        return new Promise(resolve => {
            const listener = this.onDidChangeState(state => {
                if (state === 'running' || state === 'stopped') {
                    listener.dispose();
                    resolve(state === 'running');
                }
            });
        });
    }

    private setState(state: ServerState): void {
        if (state === this.current) return;
        this.current = state;
        this.stateEmitter.fire(state);
    }

    async dispose(): Promise<void> {
        this.stateEmitter.dispose();
        if (this.client?.isRunning()) await this.client.stop();
        this.trace.dispose();
    }
}

function exited(process: ChildProcess, timeoutMs: number): Promise<void> {
    if (process.exitCode !== null || process.signalCode !== null) return Promise.resolve();
    return new Promise(resolve => {
        const timer = setTimeout(resolve, timeoutMs);
        process.once('exit', () => {
            clearTimeout(timer);
            // Let the connection's close handler run first (it sees a stopped client and does nothing).
            setTimeout(resolve, 100);
        });
    });
}
