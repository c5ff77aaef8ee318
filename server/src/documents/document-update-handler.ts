import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { existsSync } from 'node:fs';
import { isStdlibUri } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { SimulationService } from '../simulation/simulation-service.js';

/** How long after an edit its rebuild starts (see `fireDocumentUpdate`). */
export const BUILD_DELAY_MS = 20;

/**
 * Tells the simulation service about edits the moment they arrive (so a run they make
 * obsolete stops before the rebuild waits for it), and on close puts the file back to its
 * saved text (or drops an unsaved one): closing without saving discards the edits.
 */
export class ChokepointDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly simulation: () => SimulationService;
    private readonly libraryFile: (uri: URI) => boolean;

    constructor(services: ChokepointSharedServices) {
        super(services);
        this.simulation = () => services.simulation.Service;
        this.libraryFile = uri => services.library.Locations.isLibraryFile(uri);
    }

    /** The library's file (for clients without virtual documents) is never loaded as a model. */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.libraryFile(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }

    /**
     * The rebuild starts a moment after the edit (`BUILD_DELAY_MS`): the requests a client sends
     * right after a change (completion, hover) are answered from the last build first, instead
     * of waiting behind a parse that blocks the thread (half a second on a 2,000-declaration file).
     * When the delay ends, the rebuild still waits for one poll of the connection (`setImmediate`
     * runs after it): a request that arrived while the thread was busy past the delay (a run's
     * results coming in) is read and answered first, not left behind the parse.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.simulation().updateRequested(changed, deleted);
        setTimeout(() => setImmediate(() => super.fireDocumentUpdate(changed, deleted)), BUILD_DELAY_MS);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.simulation().forget(uri);
        if (isStdlibUri(uri) || this.libraryFile(uri)) return;
        if (uri.scheme === 'file' && existsSync(uri.fsPath)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}
