import type { LangiumDocument } from 'langium';
import type { SimulationResult } from '../../../language/src/index.js';
import { isStdlibUri } from '../../../language/src/index.js';
import type { MemberEffect, ResultsChangedParams, ResultsResponse, ResultsStatus, SimulationProgressParams } from '../protocol.js';
import { isValidated, type ImportClosures } from './closure.js';
import { isModel, type ModelRoots } from './model-roots.js';
import { expectedSummary } from './summary.js';

/** Where the service reports to: the LSP connection in the server, a recorder in tests. */
export interface SimulationNotifier {
    progress(params: SimulationProgressParams): void;
    resultsChanged(params: ResultsChangedParams): void;
    /** Lenses and inlay hints may have changed: ask the client to re-request them. */
    refresh(): void;
}

/** The notifier, set by whoever connects the service (it may change after construction). */
export interface NotifierSlot {
    notifier: SimulationNotifier | undefined;
}

/** The outcome of simulating one text of a document and its imports. */
export interface Settled {
    /** Which texts of the closure this is for (see `ImportClosures.key`). */
    closureKey: string;
    version: number;
    status: Exclude<ResultsStatus, 'running' | 'unknown'>;
    errorCount: number;
    message?: string;
    /** Present when status is 'ok'; a worker's scenarios come unpacked already (runners.ts). */
    result?: SimulationResult;
    /** Filled in by the second phase of a run. */
    effects?: Record<string, MemberEffect[]>;
}

interface LastGood {
    result: SimulationResult;
    version: number;
    effects?: Record<string, MemberEffect[]>;
}

/**
 * The results of the models' runs, per model: the latest outcome (`settled`) and the latest
 * numbers (`lastGood`), and the answers made from them. Answers never present an older text's
 * numbers as current: `view` marks them stale. Tells the client when results change.
 */
export class ResultsStore {
    private readonly settled = new Map<string, Settled>();
    private readonly lastGood = new Map<string, LastGood>();
    private refreshScheduled = false;

    constructor(
        private readonly closures: ImportClosures,
        private readonly roots: ModelRoots,
        /** True while an edit reported but not yet applied touches one of these files. */
        private readonly updatePendingFor: (closure: Set<string>) => boolean,
        private readonly slot: NotifierSlot
    ) {}

    /**
     * What is known about a document's results right now, without waiting. A file without a
     * horizon of its own (shared suppliers, scenarios...) shows the results of a model that
     * imports it and has one (`via`), so its lenses carry the numbers of the whole model.
     */
    view(document: LangiumDocument): ResultsResponse {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        if (isStdlibUri(uri) || !isModel(document)) {
            return { uri, version, status: 'unknown', errorCount: 0, stale: false };
        }
        const root = this.roots.rootOf(document);
        const via = root === document ? {} : { via: root.uri.toString() };
        const rootUri = root.uri.toString();
        const settled = this.currentSettled(root);
        const good = this.lastGood.get(rootUri);
        const effects = (e: Record<string, MemberEffect[]> | undefined) => (e ? { effects: e } : {});
        if (settled?.status === 'ok') {
            return { uri, version, status: 'ok', errorCount: 0, result: settled.result, stale: false, ...effects(settled.effects), ...via };
        }
        if (settled) {
            return {
                uri,
                version,
                status: settled.status,
                errorCount: settled.errorCount,
                result: good?.result,
                stale: good !== undefined,
                ...effects(good?.effects),
                ...(settled.message !== undefined ? { message: settled.message } : {}),
                ...via
            };
        }
        const previous = this.settled.get(rootUri);
        return {
            uri,
            version,
            status: 'running',
            errorCount: previous?.errorCount ?? 0,
            result: good?.result,
            stale: good !== undefined,
            ...effects(good?.effects),
            ...via
        };
    }

    /** True when the model's latest outcome is of these texts (`ImportClosures.key`). */
    isSettled(uri: string, closureKey: string): boolean {
        return this.settled.get(uri)?.closureKey === closureKey;
    }

    settle(uri: string, entry: Settled): void {
        const previous = this.settled.get(uri);
        this.settled.set(uri, entry);
        if (entry.status === 'ok' && entry.result) this.lastGood.set(uri, { result: entry.result, version: entry.version });
        const changed =
            !previous ||
            previous.status !== entry.status ||
            previous.errorCount !== entry.errorCount ||
            previous.result !== entry.result ||
            previous.version !== entry.version ||
            previous.message !== entry.message;
        if (!changed) return;
        const summary = entry.result ? expectedSummary(entry.result) : { expectedUnmet: null, expectedLoss: {}, worstScenario: null };
        const params = {
            uri,
            version: entry.version,
            status: entry.status,
            errorCount: entry.errorCount,
            ...summary,
            ...(entry.message !== undefined ? { message: entry.message } : {})
        };
        const notifier = this.slot.notifier;
        notifier?.resultsChanged(params);
        // Open files shown via this model (no horizon of their own) hear about it too.
        for (const document of this.roots.openModels()) {
            if (document.uri.toString() === uri) continue;
            if (this.roots.rootOf(document).uri.toString() === uri) {
                notifier?.resultsChanged({ ...params, uri: document.uri.toString(), version: document.textDocument.version });
            }
        }
        this.requestRefresh();
    }

    /** The second phase of a run: what each shock and measure changes, if `entry` is still the latest. */
    addEffects(uri: string, entry: Settled, effects: Record<string, MemberEffect[]>): void {
        if (this.settled.get(uri) !== entry) return;
        entry.effects = effects;
        const good = this.lastGood.get(uri);
        if (good && good.result === entry.result) good.effects = effects;
        this.requestRefresh();
    }

    /** Drops the results of every model not in `needed` (memory stays bounded by the open files). */
    keepOnly(needed: Set<string>): void {
        for (const cached of [...this.settled.keys(), ...this.lastGood.keys()]) {
            if (!needed.has(cached)) {
                this.settled.delete(cached);
                this.lastGood.delete(cached);
            }
        }
    }

    /** The settled entry when it is of the document's current text, else undefined. */
    private currentSettled(document: LangiumDocument): Settled | undefined {
        if (this.updatePendingFor(this.closures.urisOf(document))) return undefined;
        const settled = this.settled.get(document.uri.toString());
        if (!settled || !isValidated(this.closures.documentsOf(document))) return undefined;
        return settled.closureKey === this.closures.key(document) ? settled : undefined;
    }

    private requestRefresh(): void {
        if (this.refreshScheduled) return;
        this.refreshScheduled = true;
        setImmediate(() => {
            this.refreshScheduled = false;
            this.slot.notifier?.refresh();
        });
    }
}
