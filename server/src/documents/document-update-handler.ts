import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { existsSync } from 'node:fs';
import { isStdlibUri } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { SimulationService } from '../simulation/simulation-service.js';

/** How long after the last edit its rebuild starts (see `fireDocumentUpdate`). */
export const BUILD_DELAY_MS = 20;
/**
 * The same for a large file (`LARGE_FILE_CHARS` or more), whose parse blocks the thread for a
 * quarter of a second or more (half a second on a 2,000-declaration file): long enough that a
 * burst of typing costs one parse, and that completion and hover asked while typing are answered
 * from the last build instead of waiting behind a parse per keystroke.
 */
export const LARGE_FILE_BUILD_DELAY_MS = 200;
export const LARGE_FILE_CHARS = 100_000;

/** Edits waiting for their rebuild: each URI once, the last word on it (changed or deleted) kept. */
interface PendingUpdate {
    changed: Map<string, URI>;
    deleted: Map<string, URI>;
    /** How many edits it joins (each was reported to the simulation service on its own). */
    edits: number;
    timer?: ReturnType<typeof setTimeout>;
}

/**
 * Tells the simulation service about edits the moment they arrive (so a run they make
 * obsolete stops before the rebuild waits for it), and on close puts the file back to its
 * saved text (or drops an unsaved one): closing without saving discards the edits.
 */
export class ChokepointDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly simulation: () => SimulationService;
    private readonly libraryFile: (uri: URI) => boolean;
    private readonly textLength: (uri: URI) => number;
    private pending: PendingUpdate | undefined;

    constructor(services: ChokepointSharedServices) {
        super(services);
        this.simulation = () => services.simulation.Service;
        this.libraryFile = uri => services.library.Locations.isLibraryFile(uri);
        this.textLength = uri => services.workspace.TextDocuments.get(uri.toString())?.getText().length ?? 0;
    }

    /** The library's file (for clients without virtual documents) is never loaded as a model. */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.libraryFile(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }

    /**
     * The rebuild starts a moment after the last edit (`BUILD_DELAY_MS`, or
     * `LARGE_FILE_BUILD_DELAY_MS` for a large file; each edit restarts the wait and joins the
     * same rebuild): the requests a client sends right after a change (completion, hover) are
     * answered from the last build first, instead of waiting behind a parse that blocks the
     * thread. When the delay ends, the rebuild still waits for one poll of the connection
     * (`setImmediate` runs after it): a request that arrived while the thread was busy past the
     * delay (a run's results coming in) is read and answered first, not left behind the parse.
     * The simulation service hears of every edit at once (its runs of the old text stop).
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.simulation().updateRequested(changed, deleted);
        const pending: PendingUpdate = (this.pending ??= { changed: new Map<string, URI>(), deleted: new Map<string, URI>(), edits: 0 });
        pending.edits++;
        for (const uri of changed) {
            pending.deleted.delete(uri.toString());
            pending.changed.set(uri.toString(), uri);
        }
        for (const uri of deleted) {
            pending.changed.delete(uri.toString());
            pending.deleted.set(uri.toString(), uri);
        }
        const large = [...pending.changed.values()].some(uri => this.textLength(uri) >= LARGE_FILE_CHARS);
        clearTimeout(pending.timer);
        pending.timer = setTimeout(
            () =>
                setImmediate(() => {
                    if (this.pending !== pending) return;
                    this.pending = undefined;
                    this.simulation().updatesJoined(pending.edits);
                    super.fireDocumentUpdate([...pending.changed.values()], [...pending.deleted.values()]);
                }),
            large ? LARGE_FILE_BUILD_DELAY_MS : BUILD_DELAY_MS
        );
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.simulation().forget(uri);
        if (isStdlibUri(uri) || this.libraryFile(uri)) return;
        if (uri.scheme === 'file' && existsSync(uri.fsPath)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}
