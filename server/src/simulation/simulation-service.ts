import type { LangiumDocument, LangiumDocuments, URI, WorkspaceLock } from 'langium';
import { Cancellation, DocumentState, Emitter, OperationCancelled, URI as URIClass } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { SimulationResult } from '../../../language/src/engine/results.js';
import type { Model } from '../../../language/src/generated/ast.js';
import { importClosure } from '../../../language/src/loading/imports.js';
import { isStdlibUri } from '../../../language/src/loading/stdlib.js';
import type { MemberEffect, ResultsChangedParams, ResultsResponse, ResultsStatus, SimulationProgressParams } from '../protocol.js';
import type { ChokepointDocumentBuilder } from '../documents/document-builder.js';
import { closureDocuments, isValidated } from './closure.js';
import { prepare } from './engine-adapter.js';
import type { PackedSeries } from './packed-series.js';
import { unpackSeries } from './packed-series.js';
import type { EngineRunner } from './runners.js';
import { InProcessRunner } from './runners.js';
import { expectedSummary } from './summary.js';
import { explanationsOf } from '../../../language/src/evaluation/explanations.js';
import type { ModelExplanation } from '../../../language/src/evaluation/model-explanations.js';
import type { LoweredModel } from '../../../language/src/lowering/model.js';
import { ExplanationDiagnostics } from './explanation-diagnostics.js';

/** Where the service reports to: the LSP connection in the server, a recorder in tests. */
export interface SimulationNotifier {
    progress(params: SimulationProgressParams): void;
    resultsChanged(params: ResultsChangedParams): void;
    /** Lenses and inlay hints may have changed: ask the client to re-request them. */
    refresh(): void;
}

/** The outcome of simulating one text of a document and its imports. */
interface Settled {
    /** Which texts of the closure this is for (see `closureKey`). */
    closureKey: string;
    version: number;
    status: Exclude<ResultsStatus, 'running' | 'unknown'>;
    errorCount: number;
    message?: string;
    /** Present when status is 'ok'; a summary when `series` is set. */
    result?: SimulationResult;
    series?: PackedSeries;
    /** Filled in by the second phase of a run. */
    effects?: Record<string, MemberEffect[]>;
}

interface Running {
    uri: string;
    /** Every URI the run depends on: a change to any of them cancels it. */
    closure: Set<string>;
    cancel(): void;
}

/** How long lens and hover requests wait for the results of the current text. */
export const DEFAULT_WAIT_MS = 3000;
/** A run shorter than this never shows a progress indicator. */
const PROGRESS_DELAY_MS = 150;

/**
 * Simulation in the loop. After every build that validates the open documents, it runs the
 * engine for each open model whose text (or whose imports' text) changed, one run at a time.
 * A newer edit to anything a run depends on cancels it. Results are cached per document,
 * keyed by the generation of every file in its import closure, so an edit to an imported
 * file invalidates every importer. Answers never present an older text's numbers as current:
 * `view` marks them stale.
 */
export class SimulationService {
    private readonly documents: LangiumDocuments;
    private readonly lock: WorkspaceLock;
    private readonly builder: ChokepointDocumentBuilder;
    private readonly shared: LangiumSharedServices;
    /** Bumped each time a file's state is reset by a build. */
    private readonly generations = new Map<string, number>();
    private generationCounter = 0;
    /** Edits reported but not yet applied by the builder: nothing is current meanwhile. */
    private pendingUpdates = 0;
    private readonly settled = new Map<string, Settled>();
    private readonly lastGood = new Map<string, { result: SimulationResult, series?: PackedSeries, version: number, effects?: Record<string, MemberEffect[]> }>();
    private readonly queue = new Set<string>();
    private running: Running | undefined;
    private readonly changes = new Emitter<void>();
    /** `rootOf`, until the next change to any file (imports and horizons may have changed). */
    private readonly roots = new Map<string, string>();
    private refreshScheduled = false;
    /** After `shutdown`: nothing runs any more. */
    private stopped = false;
    notifier: SimulationNotifier | undefined;
    /** Where runs happen: in-process by default; the server sets a worker thread (main.ts). */
    runner: EngineRunner = new InProcessRunner();
    /** The `no-effect` / `no-match` diagnostics of the last run of each model's current text. */
    readonly explanations = new ExplanationDiagnostics();

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
        this.documents = shared.workspace.LangiumDocuments;
        this.lock = shared.workspace.WorkspaceLock;
        this.builder = shared.workspace.DocumentBuilder as ChokepointDocumentBuilder;
        this.builder.onChangesApplied(({ changed, deleted, fromUpdate }) => this.changesApplied(changed, deleted, fromUpdate));
        this.builder.onBuildPhase(DocumentState.Validated, () => {
            // After the build has finished (the listener runs just before it does).
            setImmediate(() => {
                this.scheduleOpenDocuments();
                this.changes.fire();
            });
        });
    }

    /** The client reported edits: cancel runs they affect before the rebuild is queued. */
    updateRequested(changed: URI[], deleted: URI[]): void {
        this.pendingUpdates++;
        this.explanations.drop([...changed, ...deleted].map(u => u.toString()));
        this.cancelAffected([...changed, ...deleted]);
        this.changes.fire();
    }

    /**
     * A document was closed: its cached results go, and so do those of models no open
     * document shows any more (memory stays bounded by the open files).
     */
    forget(uri: URI): void {
        const key = uri.toString();
        this.queue.delete(key);
        this.explanations.drop([key]);
        const needed = new Set<string>();
        for (const textDocument of this.shared.workspace.TextDocuments.all()) {
            const open = parseUri(textDocument.uri);
            if (open.toString() === key) continue;
            const document = this.documents.getDocument(open);
            if (document && this.isModel(document)) needed.add(this.rootOf(document).uri.toString());
        }
        for (const cached of [...this.settled.keys(), ...this.lastGood.keys()]) {
            if (!needed.has(cached)) {
                this.settled.delete(cached);
                this.lastGood.delete(cached);
            }
        }
        // Nobody looks at a run of the closed file any more: it must not keep the worker busy.
        const running = this.running;
        if (running && (running.uri === key || running.closure.has(key)) && !needed.has(running.uri)) running.cancel();
    }

    /** The client asked the server to shut down: cancel the run, start none, stop the worker. */
    shutdown(): void {
        this.stopped = true;
        this.queue.clear();
        this.running?.cancel();
        this.runner.dispose();
        this.changes.fire();
    }

    /**
     * What is known about a document's results right now, without waiting. A file without a
     * horizon of its own (shared suppliers, scenarios...) shows the results of a model that
     * imports it and has one (`via`), so its lenses carry the numbers of the whole model.
     */
    view(document: LangiumDocument): ResultsResponse {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        if (isStdlibUri(uri) || !this.isModel(document)) {
            return { uri, version, status: 'unknown', errorCount: 0, stale: false };
        }
        const root = this.rootOf(document);
        const via = root === document ? {} : { via: root.uri.toString() };
        const rootUri = root.uri.toString();
        const settled = this.currentSettled(root);
        const good = this.lastGood.get(rootUri);
        const effects = (e: Record<string, MemberEffect[]> | undefined) => e ? { effects: e } : {};
        if (settled?.status === 'ok') {
            return { uri, version, status: 'ok', errorCount: 0, result: settled.result, stale: false, ...effects(settled.effects), ...via };
        }
        if (settled) {
            return {
                uri, version, status: settled.status, errorCount: settled.errorCount, result: good?.result, stale: good !== undefined,
                ...effects(good?.effects), ...(settled.message !== undefined ? { message: settled.message } : {}), ...via
            };
        }
        const previous = this.settled.get(rootUri);
        return { uri, version, status: 'running', errorCount: previous?.errorCount ?? 0, result: good?.result, stale: good !== undefined, ...effects(good?.effects), ...via };
    }

    /** `view`, with the series of a packed result restored (for the client's charts). */
    fullView(document: LangiumDocument): ResultsResponse {
        const view = this.view(document);
        if (!view.result) return view;
        const root = this.rootOf(document).uri.toString();
        const stored = [this.settled.get(root), this.lastGood.get(root)].find(e => e?.result === view.result);
        return stored?.series ? { ...view, result: unpackSeries(view.result, stored.series) } : view;
    }

    /**
     * The model whose simulation a document's lenses show: the document itself when its
     * import closure has a horizon, else a model importing it that has one (open ones first,
     * then by URI), else the document itself (which then reports 'no-horizon').
     */
    rootOf(document: LangiumDocument): LangiumDocument {
        const cached = this.roots.get(document.uri.toString());
        const root = cached && this.documents.getDocument(parseUri(cached));
        if (root) return root;
        const found = this.findRoot(document);
        this.roots.set(document.uri.toString(), found.uri.toString());
        return found;
    }

    private findRoot(document: LangiumDocument): LangiumDocument {
        if (hasHorizon(closureDocuments(document, this.documents))) return document;
        const uri = document.uri.toString();
        const open = this.shared.workspace.TextDocuments;
        const importers = this.documents.all
            .filter(d => d !== document && !isStdlibUri(d.uri) && this.isModel(d) && importClosure(d, this.documents).has(uri)
                && hasHorizon(closureDocuments(d, this.documents)))
            .toArray()
            .sort((a, b) => Number(Boolean(open.get(b.uri))) - Number(Boolean(open.get(a.uri))) || compare(a.uri.toString(), b.uri.toString()));
        return importers[0] ?? document;
    }

    /**
     * Resolves once the results of the document's current text are known, or after
     * `timeoutMs`, or as soon as a newer edit makes the awaited text obsolete (the caller
     * then answers from `view`, which says 'running'). Call it outside the workspace lock:
     * the builder must be able to run meanwhile.
     */
    async waitForCurrent(uri: URI, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        let awaitedKey: string | undefined;
        for (;;) {
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            const opened = this.documents.getDocument(uri);
            if (!opened || isStdlibUri(uri) || !this.isModel(opened)) return;
            if (this.pendingUpdates === 0) {
                const document = this.rootOf(opened);
                const closure = closureDocuments(document, this.documents);
                if (isValidated(closure)) {
                    const key = this.closureKey(document);
                    if (this.settled.get(document.uri.toString())?.closureKey === key) return;
                    if (awaitedKey !== undefined && awaitedKey !== key) return;
                    awaitedKey = key;
                    this.enqueue(document);
                } else {
                    this.validateIfIdle(closure);
                }
            } else if (awaitedKey !== undefined) {
                return;
            }
            const remaining = deadline - Date.now();
            if (remaining <= 0) return;
            await this.nextChange(remaining, cancelToken);
        }
    }

    /** Runs the open models whose results are not of their current text. */
    scheduleOpenDocuments(): void {
        for (const textDocument of this.shared.workspace.TextDocuments.all()) {
            const document = this.documents.getDocument(parseUri(textDocument.uri));
            if (document && !isStdlibUri(document.uri) && this.isModel(document)) this.enqueue(this.rootOf(document));
        }
    }

    /** True while a run is in progress (for tests and benchmarks). */
    get busy(): boolean {
        return this.running !== undefined || this.queue.size > 0;
    }

    private enqueue(document: LangiumDocument): void {
        this.queue.add(document.uri.toString());
        this.pump();
    }

    private pump(): void {
        if (this.running || this.pendingUpdates > 0 || this.stopped) return;
        for (const uri of this.queue) {
            this.queue.delete(uri);
            const document = this.documents.getDocument(parseUri(uri));
            if (!document) continue;
            const closure = closureDocuments(document, this.documents);
            // Not validated yet: the build in progress schedules it again when it ends.
            if (!isValidated(closure)) continue;
            const key = this.closureKey(document);
            if (this.settled.get(uri)?.closureKey === key) continue;
            void this.simulate(document, key);
            return;
        }
    }

    private async simulate(document: LangiumDocument, closureKey: string): Promise<void> {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        // Lowering reads the AST: it runs now, synchronously, while the closure is validated.
        const prepared = prepare(document, this.documents);
        if (prepared.status !== 'ok') {
            this.settle(uri, prepared.status === 'errors' ? { closureKey, version, status: 'errors', errorCount: prepared.errorCount }
                : { closureKey, version, status: prepared.status, errorCount: 0, message: prepared.status === 'failed' ? `The simulation failed: ${prepared.message}` : prepared.message });
            this.pump();
            return;
        }
        const job = this.runner.start(prepared.model);
        this.running = { uri, closure: importClosure(document, this.documents), cancel: () => job.cancel() };
        let progressShown = false;
        const progressTimer = setTimeout(() => {
            progressShown = true;
            this.notifier?.progress({ uri, running: true });
        }, PROGRESS_DELAY_MS);
        // The indicator covers the run that makes the numbers current, not the effects after it.
        const endProgress = () => {
            clearTimeout(progressTimer);
            if (progressShown) this.notifier?.progress({ uri, running: false });
            progressShown = false;
        };
        try {
            const outcome = await job.result;
            endProgress();
            if (outcome.kind === 'failed') {
                this.settle(uri, { closureKey, version, status: 'failed', errorCount: 0, message: `The simulation failed: ${outcome.message}` });
            } else if (outcome.kind === 'ok') {
                const entry: Settled = { closureKey, version, status: 'ok', errorCount: 0, result: outcome.result, series: outcome.series };
                this.settle(uri, entry);
                this.changes.fire();
                // Second phase: what each shock and measure changes (lenses refresh again after it).
                const effects = await job.effects;
                if (effects && this.settled.get(uri) === entry) {
                    entry.effects = effects;
                    const good = this.lastGood.get(uri);
                    if (good && good.result === entry.result) good.effects = effects;
                    this.requestRefresh();
                }
                // Third phase: what changes nothing, as diagnostics (never those of an older text).
                const found = await job.explanations;
                if (found && this.settled.get(uri) === entry) this.showExplanations(uri, prepared.model, found);
            }
        } finally {
            endProgress();
            this.running = undefined;
            this.changes.fire();
            this.pump();
        }
    }

    private showExplanations(uri: string, model: LoweredModel, found: ModelExplanation[]): void {
        const document = this.documents.getDocument(parseUri(uri));
        if (!document || this.currentSettled(document) !== this.settled.get(uri)) return;
        this.explanations.show(uri, importClosure(document, this.documents), explanationsOf(model, found, document, this.documents));
    }

    private settle(uri: string, entry: Settled): void {
        const previous = this.settled.get(uri);
        this.settled.set(uri, entry);
        if (entry.status === 'ok' && entry.result) this.lastGood.set(uri, { result: entry.result, series: entry.series, version: entry.version });
        const changed = !previous || previous.status !== entry.status || previous.errorCount !== entry.errorCount
            || previous.result !== entry.result || previous.version !== entry.version || previous.message !== entry.message;
        if (!changed) return;
        const summary = entry.result ? expectedSummary(entry.result) : { expectedUnmet: null, expectedLoss: {}, worstScenario: null };
        const params = {
            uri, version: entry.version, status: entry.status, errorCount: entry.errorCount, ...summary,
            ...(entry.message !== undefined ? { message: entry.message } : {})
        };
        this.notifier?.resultsChanged(params);
        // Open files shown via this model (no horizon of their own) hear about it too.
        for (const textDocument of this.shared.workspace.TextDocuments.all()) {
            const document = this.documents.getDocument(parseUri(textDocument.uri));
            if (!document || document.uri.toString() === uri || !this.isModel(document) || isStdlibUri(document.uri)) continue;
            if (this.rootOf(document).uri.toString() === uri) {
                this.notifier?.resultsChanged({ ...params, uri: document.uri.toString(), version: document.textDocument.version });
            }
        }
        this.requestRefresh();
    }

    private requestRefresh(): void {
        if (this.refreshScheduled) return;
        this.refreshScheduled = true;
        setImmediate(() => {
            this.refreshScheduled = false;
            this.notifier?.refresh();
        });
    }

    /** The settled entry when it is of the document's current text, else undefined. */
    private currentSettled(document: LangiumDocument): Settled | undefined {
        if (this.pendingUpdates > 0) return undefined;
        const settled = this.settled.get(document.uri.toString());
        if (!settled || !isValidated(closureDocuments(document, this.documents))) return undefined;
        return settled.closureKey === this.closureKey(document) ? settled : undefined;
    }

    private changesApplied(changed: URI[], deleted: URI[], fromUpdate: boolean): void {
        this.roots.clear();
        if (fromUpdate) this.pendingUpdates = Math.max(0, this.pendingUpdates - 1);
        for (const uri of [...changed, ...deleted]) this.generations.set(uri.toString(), ++this.generationCounter);
        this.explanations.drop([...changed, ...deleted].map(u => u.toString()));
        for (const uri of deleted) this.forget(uri);
        this.cancelAffected([...changed, ...deleted]);
        this.changes.fire();
    }

    private cancelAffected(uris: URI[]): void {
        const running = this.running;
        if (!running) return;
        const touched = uris.map(u => u.toString());
        // A directory URI (watched-file events) affects every file under it.
        if (touched.some(t => running.closure.has(t) || [...running.closure].some(c => c.startsWith(t.endsWith('/') ? t : t + '/')))) {
            running.cancel();
        }
    }

    /** Identifies the texts a document's results depend on. */
    private closureKey(document: LangiumDocument): string {
        return [...importClosure(document, this.documents)].sort()
            .map(uri => `${uri}#${this.generations.get(uri) ?? 0}`).join('|');
    }

    /** A file nobody opened yet may never have been validated: validate it when nothing else builds. */
    private validateIfIdle(closure: LangiumDocument[]): void {
        if (!this.builder.idle) return;
        const unvalidated = closure.filter(d => d.state < DocumentState.Validated);
        if (unvalidated.length === 0) return;
        void this.lock.write(token => this.builder.build(unvalidated, { validation: true }, token));
    }

    private isModel(document: LangiumDocument): boolean {
        return document.parseResult?.value?.$type === 'Model';
    }

    private nextChange(timeoutMs: number, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return new Promise((resolve, reject) => {
            const done = () => {
                clearTimeout(timer);
                subscription.dispose();
                cancellation.dispose();
            };
            const timer = setTimeout(() => { done(); resolve(); }, timeoutMs);
            const subscription = this.changes.event(() => { done(); resolve(); });
            const cancellation = cancelToken.onCancellationRequested(() => { done(); reject(OperationCancelled); });
        });
    }
}

function hasHorizon(closure: LangiumDocument[]): boolean {
    return closure.some(d => ((d.parseResult?.value as Model | undefined)?.horizons ?? []).length > 0);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function parseUri(uri: string): URI {
    return URIClass.parse(uri);
}
