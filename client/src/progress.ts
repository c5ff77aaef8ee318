/**
 * A progress indicator in the window's status area while a simulation runs. Short runs (under
 * a quarter second) show nothing, so typing does not make the status bar flicker.
 */
import * as vscode from 'vscode';
import type { ResultsStore } from './results.js';
import type { ServerConnection } from './server.js';

const SHOW_AFTER_MS = 250;

export class SimulationProgress implements vscode.Disposable {
    private readonly pending = new Map<string, { timer?: NodeJS.Timeout; done?: () => void }>();
    private readonly subscriptions: vscode.Disposable[];

    constructor(results: ResultsStore, server: ServerConnection) {
        this.subscriptions = [
            results.onDidChangeProgress(({ uri, running }) => (running ? this.started(uri) : this.finished(uri))),
            // A server that stops (or is restarted) mid-run never says the run finished.
            server.onDidChangeState(state => {
                if (state !== 'running') this.finishAll();
            })
        ];
    }

    private finishAll(): void {
        for (const uri of [...this.pending.keys()]) this.finished(uri);
    }

    private started(uri: string): void {
        if (this.pending.has(uri)) return;
        const entry: { timer?: NodeJS.Timeout; done?: () => void } = {};
        entry.timer = setTimeout(() => {
            entry.timer = undefined;
            const name = uri.slice(uri.lastIndexOf('/') + 1);
            void vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: `Chokepoint: simulating ${decodeURIComponent(name)}` },
                () =>
                    new Promise<void>(resolve => {
                        entry.done = resolve;
                    })
            );
        }, SHOW_AFTER_MS);
        this.pending.set(uri, entry);
    }

    /** Documents whose progress indicator is on screen now. */
    showing(): string[] {
        return [...this.pending].filter(([, entry]) => entry.done !== undefined).map(([uri]) => uri);
    }

    private finished(uri: string): void {
        const entry = this.pending.get(uri);
        if (!entry) return;
        if (entry.timer) clearTimeout(entry.timer);
        entry.done?.();
        this.pending.delete(uri);
    }

    dispose(): void {
        for (const s of this.subscriptions) s.dispose();
        this.finishAll();
    }
}
