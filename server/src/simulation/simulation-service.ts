import type { LangiumDocument, URI } from 'langium';
import { Cancellation, DocumentState, URI as URIClass } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ResultsResponse } from '../protocol.js';
import type { ChokepointDocumentBuilder } from '../documents/document-builder.js';
import { ImportClosures } from './closure.js';
import { isModel, ModelRoots } from './model-roots.js';
import { ResultsStore, type NotifierSlot, type SimulationNotifier } from './results-store.js';
import type { EngineRunner } from './runners.js';
import { DEFAULT_WAIT_MS, SimulationScheduler } from './scheduler.js';
import { ExplanationDiagnostics } from './explanation-diagnostics.js';

export { DEFAULT_WAIT_MS } from './scheduler.js';
export type { SimulationNotifier } from './results-store.js';

/**
 * Simulation in the loop. After every build that validates the open documents, it runs the
 * engine for each open model whose text (or whose imports' text) changed, one run at a time
 * (`SimulationScheduler`). Results are kept per model (`ResultsStore`), keyed by the
 * generation of every file in its import closure (`ImportClosures`, computed once per build),
 * so an edit to an imported file invalidates every importer. This class wires them to the
 * document builder and is what the handlers and providers use.
 */
export class SimulationService {
    private readonly shared: LangiumSharedServices;
    private readonly closures: ImportClosures;
    private readonly roots: ModelRoots;
    private readonly store: ResultsStore;
    private readonly scheduler: SimulationScheduler;
    private readonly slot: NotifierSlot = { notifier: undefined };
    /** The `no-effect` / `no-match` diagnostics of the last run of each model's current text. */
    readonly explanations = new ExplanationDiagnostics();

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
        const { LangiumDocuments: documents, WorkspaceLock: lock, TextDocuments: textDocuments } = shared.workspace;
        const builder = shared.workspace.DocumentBuilder as ChokepointDocumentBuilder;
        this.closures = new ImportClosures(documents);
        this.roots = new ModelRoots(documents, textDocuments, this.closures);
        this.store = new ResultsStore(this.closures, this.roots, closure => this.scheduler.updatePendingFor(closure), this.slot);
        this.scheduler = new SimulationScheduler(documents, lock, builder, this.closures, this.roots, this.store, this.slot, this.explanations);
        builder.onChangesApplied(({ changed, deleted, fromUpdate }) => {
            this.roots.clear();
            this.closures.changed([...changed, ...deleted]);
            for (const uri of deleted) this.forget(uri);
            this.scheduler.changesApplied(changed, deleted, fromUpdate);
        });
        // Every document of the build is parsed (files read from disk for imports included).
        builder.onBuildPhase(DocumentState.Parsed, () => this.closures.loaded());
        builder.onBuildPhase(DocumentState.Validated, () => {
            // After the build has finished (the listener runs just before it does).
            setImmediate(() => this.scheduler.buildValidated());
        });
    }

    get notifier(): SimulationNotifier | undefined {
        return this.slot.notifier;
    }

    set notifier(notifier: SimulationNotifier | undefined) {
        this.slot.notifier = notifier;
    }

    /** Where runs happen: in-process by default; the server sets a worker thread (main.ts). */
    get runner(): EngineRunner {
        return this.scheduler.runner;
    }

    set runner(runner: EngineRunner) {
        this.scheduler.runner = runner;
    }

    /** True while edits are reported but not yet applied by the builder. */
    get updatesPending(): boolean {
        return this.scheduler.updatesPending;
    }

    /** True while a run is in progress (for tests and benchmarks). */
    get busy(): boolean {
        return this.scheduler.busy;
    }

    /** Resolves once no run is in progress or queued; fails after `timeoutMs` (see `SimulationScheduler.whenIdle`). */
    whenIdle(timeoutMs?: number): Promise<void> {
        return this.scheduler.whenIdle(timeoutMs);
    }

    /** The client reported edits: cancel runs they affect before the rebuild is queued. */
    updateRequested(changed: URI[], deleted: URI[]): void {
        this.scheduler.updateRequested(changed, deleted);
    }

    /** The last `count` reported edits reach the builder as one update (a burst of typing). */
    updatesJoined(count: number): void {
        this.scheduler.updatesJoined(count);
    }

    /**
     * A document was closed: its cached results go, and so do those of models no open
     * document shows any more (memory stays bounded by the open files).
     */
    forget(uri: URI): void {
        const key = uri.toString();
        const needed = new Set<string>();
        for (const textDocument of this.shared.workspace.TextDocuments.all()) {
            const open = URIClass.parse(textDocument.uri);
            if (open.toString() === key) continue;
            const document = this.shared.workspace.LangiumDocuments.getDocument(open);
            if (document && isModel(document)) needed.add(this.roots.rootOf(document).uri.toString());
        }
        this.store.keepOnly(needed);
        this.scheduler.forget(key, needed);
    }

    /** The client asked the server to shut down: cancel the run, start none, stop the worker. */
    shutdown(): void {
        this.scheduler.shutdown();
    }

    /** What is known about a document's results right now, without waiting (see `ResultsStore.view`). */
    view(document: LangiumDocument): ResultsResponse {
        return this.store.view(document);
    }

    /** The model whose simulation a document's lenses show (see `ModelRoots.rootOf`). */
    rootOf(document: LangiumDocument): LangiumDocument {
        return this.roots.rootOf(document);
    }

    /** The loaded documents of the model's import closure, as computed for this build. */
    closureOf(document: LangiumDocument): LangiumDocument[] {
        return this.closures.documentsOf(document);
    }

    /** Resolves once the results of the document's current text are known (see `SimulationScheduler.waitForCurrent`). */
    waitForCurrent(uri: URI, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
        return this.scheduler.waitForCurrent(uri, cancelToken, timeoutMs);
    }

    /** Runs the open models whose results are not of their current text. */
    scheduleOpenDocuments(): void {
        this.scheduler.scheduleOpenDocuments();
    }
}
