import type { LangiumDocument, LangiumDocuments, URI, WorkspaceLock } from 'langium';
import { Cancellation, DocumentState, Emitter, OperationCancelled, URI as URIClass } from 'langium';
import { explanationsOf, isStdlibUri, type LoweredModel, type ModelExplanation } from '../../../language/src/index.js';
import type { ChokepointDocumentBuilder } from '../documents/document-builder.js';
import { isValidated, type ImportClosures } from './closure.js';
import { prepare } from './engine-adapter.js';
import { isModel, type ModelRoots } from './model-roots.js';
import type { NotifierSlot, ResultsStore, Settled } from './results-store.js';
import type { EngineRunner } from './runners.js';
import { InProcessRunner } from './runners.js';
import type { ExplanationDiagnostics } from './explanation-diagnostics.js';

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
 * When models run: one run at a time, for the models whose results are not of their current
 * texts; a newer edit to anything a run depends on cancels it. Outcomes go to the results store.
 */
export class SimulationScheduler {
    /**
     * Edits reported but not yet applied by the builder, oldest first, each as the files it
     * touches: a model whose files one of them touches has no current results meanwhile.
     */
    private readonly pendingUpdates: string[][] = [];
    private readonly queue = new Set<string>();
    private running: Running | undefined;
    private readonly changes = new Emitter<void>();
    /** After `shutdown`: nothing runs any more. */
    private stopped = false;
    /** Where runs happen: in-process by default; the server sets a worker thread (main.ts). */
    runner: EngineRunner = new InProcessRunner();

    constructor(
        private readonly documents: LangiumDocuments,
        private readonly lock: WorkspaceLock,
        private readonly builder: ChokepointDocumentBuilder,
        private readonly closures: ImportClosures,
        private readonly roots: ModelRoots,
        private readonly store: ResultsStore,
        private readonly slot: NotifierSlot,
        private readonly explanations: ExplanationDiagnostics
    ) {}

    get updatesPending(): boolean {
        return this.pendingUpdates.length > 0;
    }

    /**
     * True while a reported edit not yet applied touches one of `closure`'s files, or a file
     * not loaded yet (a new file may be one an import names): an edit elsewhere in the
     * workspace does not make these results stale.
     */
    updatePendingFor(closure: Set<string>): boolean {
        return this.pendingUpdates.some(touched => touched.some(uri => !this.documents.hasDocument(parseUri(uri)) || touches([uri], closure)));
    }

    /** True while a run is in progress (for tests and benchmarks). */
    get busy(): boolean {
        return this.running !== undefined || this.queue.size > 0;
    }

    /** The client reported edits: cancel runs they affect before the rebuild is queued. */
    updateRequested(changed: URI[], deleted: URI[]): void {
        this.pendingUpdates.push([...changed, ...deleted].map(u => u.toString()));
        this.explanations.drop([...changed, ...deleted].map(u => u.toString()));
        this.cancelAffected([...changed, ...deleted]);
        this.changes.fire();
    }

    /**
     * The last `count` reported edits are applied as one update: one entry for them, so that
     * the one `changesApplied` of that update leaves none of them pending.
     */
    updatesJoined(count: number): void {
        if (count < 2 || count > this.pendingUpdates.length) return;
        const joined = this.pendingUpdates.splice(this.pendingUpdates.length - count, count).flat();
        this.pendingUpdates.push([...new Set(joined)]);
    }

    /** The builder applied changes (`fromUpdate`: ones the client reported). */
    changesApplied(changed: URI[], deleted: URI[], fromUpdate: boolean): void {
        // The builder applies reported edits in the order they were reported.
        if (fromUpdate) this.pendingUpdates.shift();
        this.explanations.drop([...changed, ...deleted].map(u => u.toString()));
        this.cancelAffected([...changed, ...deleted]);
        this.changes.fire();
    }

    /** A build validated the open documents: run what is not current, wake whoever waits. */
    buildValidated(): void {
        this.scheduleOpenDocuments();
        this.changes.fire();
    }

    /** A document is closed and no open document needs the models in `needed` any more. */
    forget(uri: string, needed: Set<string>): void {
        this.queue.delete(uri);
        this.explanations.drop([uri]);
        // Nobody looks at a run of the closed file any more: it must not keep the worker busy.
        const running = this.running;
        if (running && (running.uri === uri || running.closure.has(uri)) && !needed.has(running.uri)) running.cancel();
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
     * Resolves once the results of the document's current text are known, or after
     * `timeoutMs`, or as soon as a newer edit makes the awaited text obsolete (the caller
     * then answers from `view`, which says 'running'). Call it outside the workspace lock:
     * the builder must be able to run meanwhile.
     */
    async waitForCurrent(
        uri: URI,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
        timeoutMs = DEFAULT_WAIT_MS
    ): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        let awaitedKey: string | undefined;
        for (;;) {
            // Langium's cancellation is a symbol, which its request handlers recognise.
            // eslint-disable-next-line @typescript-eslint/only-throw-error
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            const opened = this.documents.getDocument(uri);
            // A document just opened is built a moment later (BUILD_DELAY_MS): wait for it.
            const building = !opened && this.updatesPending;
            if (!building && (!opened || isStdlibUri(uri) || !isModel(opened))) return;
            if (!opened) {
                /* its build is pending: wait below */
            } else if (!this.updatesPending) {
                const document = this.roots.rootOf(opened);
                const closure = this.closures.documentsOf(document);
                if (isValidated(closure)) {
                    const key = this.closures.key(document);
                    if (this.store.isSettled(document.uri.toString(), key)) return;
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
        for (const document of this.roots.openModels()) this.enqueue(this.roots.rootOf(document));
    }

    private enqueue(document: LangiumDocument): void {
        this.queue.add(document.uri.toString());
        this.pump();
    }

    /**
     * Resolves once no run is in progress or queued (the effects of shocks and measures
     * included); fails with a message after `timeoutMs`. For tests and benchmarks.
     */
    async whenIdle(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        while (this.busy) {
            const remaining = deadline - Date.now();
            if (remaining <= 0) throw new Error(`the simulation was still busy after ${timeoutMs} ms`);
            await this.nextChange(remaining, Cancellation.CancellationToken.None);
        }
    }

    private pump(): void {
        if (this.running || this.updatesPending || this.stopped) return;
        const queued = this.queue.size > 0;
        for (const uri of this.queue) {
            this.queue.delete(uri);
            const document = this.documents.getDocument(parseUri(uri));
            if (!document) continue;
            // Not validated yet: the build in progress schedules it again when it ends; a file
            // a cancelled build left unvalidated (the library, when an edit cancelled the
            // workspace's first build) is validated once nothing builds.
            const closure = this.closures.documentsOf(document);
            if (!isValidated(closure)) {
                this.validateIfIdle(closure);
                continue;
            }
            const key = this.closures.key(document);
            if (this.store.isSettled(uri, key)) continue;
            void this.simulate(document, key);
            return;
        }
        // Everything queued was current already: nothing runs now (`whenIdle` hears of it).
        if (queued) this.changes.fire();
    }

    private async simulate(document: LangiumDocument, closureKey: string): Promise<void> {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        // Lowering reads the AST: it runs now, synchronously, while the closure is validated.
        const prepared = prepare(document, this.documents);
        if (prepared.status !== 'ok') {
            this.store.settle(
                uri,
                prepared.status === 'errors'
                    ? { closureKey, version, status: 'errors', errorCount: prepared.errorCount }
                    : {
                          closureKey,
                          version,
                          status: prepared.status,
                          errorCount: 0,
                          message: prepared.status === 'failed' ? `The simulation failed: ${prepared.message}` : prepared.message
                      }
            );
            this.pump();
            return;
        }
        const job = this.runner.start(prepared.model);
        this.running = { uri, closure: this.closures.urisOf(document), cancel: () => job.cancel() };
        let progressShown = false;
        const progressTimer = setTimeout(() => {
            progressShown = true;
            this.slot.notifier?.progress({ uri, running: true });
        }, PROGRESS_DELAY_MS);
        // The indicator covers the run that makes the numbers current, not the effects after it.
        const endProgress = () => {
            clearTimeout(progressTimer);
            if (progressShown) this.slot.notifier?.progress({ uri, running: false });
            progressShown = false;
        };
        try {
            const outcome = await job.result;
            endProgress();
            if (outcome.kind === 'failed') {
                this.store.settle(uri, { closureKey, version, status: 'failed', errorCount: 0, message: `The simulation failed: ${outcome.message}` });
            } else if (outcome.kind === 'ok') {
                const entry: Settled = { closureKey, version, status: 'ok', errorCount: 0, result: outcome.result };
                this.store.settle(uri, entry);
                this.changes.fire();
                // Second phase: what each shock and measure changes (lenses refresh again after it).
                const effects = await job.effects;
                if (effects) this.store.addEffects(uri, entry, effects);
                // Third phase: what changes nothing, as diagnostics (never those of an older text).
                const found = await job.explanations;
                if (found) this.showExplanations(uri, closureKey, prepared.model, found);
            }
        } finally {
            endProgress();
            this.running = undefined;
            this.changes.fire();
            this.pump();
        }
    }

    private showExplanations(uri: string, closureKey: string, model: LoweredModel, found: ModelExplanation[]): void {
        const document = this.documents.getDocument(parseUri(uri));
        if (!document || this.updatesPending || !isValidated(this.closures.documentsOf(document))) return;
        if (this.closures.key(document) !== closureKey || !this.store.isSettled(uri, closureKey)) return;
        this.explanations.show(uri, this.closures.urisOf(document), explanationsOf(model, found, document, this.documents));
    }

    private cancelAffected(uris: URI[]): void {
        const running = this.running;
        if (!running) return;
        if (
            touches(
                uris.map(u => u.toString()),
                running.closure
            )
        )
            running.cancel();
    }

    /** A file nobody opened yet may never have been validated: validate it when nothing else builds. */
    private validateIfIdle(closure: LangiumDocument[]): void {
        if (!this.builder.idle) return;
        const unvalidated = closure.filter(d => d.state < DocumentState.Validated);
        if (unvalidated.length === 0) return;
        void this.lock.write(token => this.builder.build(unvalidated, { validation: true }, token));
    }

    private nextChange(timeoutMs: number, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return new Promise((resolve, reject) => {
            const done = () => {
                clearTimeout(timer);
                subscription.dispose();
                cancellation.dispose();
            };
            const timer = setTimeout(() => {
                done();
                resolve();
            }, timeoutMs);
            const subscription = this.changes.event(() => {
                done();
                resolve();
            });
            const cancellation = cancelToken.onCancellationRequested(() => {
                done();
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Langium's cancellation symbol (see above)
                reject(OperationCancelled);
            });
        });
    }
}

function parseUri(uri: string): URI {
    return URIClass.parse(uri);
}

/** True when one of `uris` is a file of `closure`, or a directory (watched-file events) holding one. */
function touches(uris: string[], closure: Set<string>): boolean {
    return uris.some(t => closure.has(t) || [...closure].some(c => c.startsWith(t.endsWith('/') ? t : t + '/')));
}
