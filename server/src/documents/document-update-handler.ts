import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { existsSync } from 'node:fs';
import { isStdlibUri } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { SimulationService } from '../simulation/simulation-service.js';

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

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.simulation().updateRequested(changed, deleted);
        super.fireDocumentUpdate(changed, deleted);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.simulation().forget(uri);
        if (isStdlibUri(uri) || this.libraryFile(uri)) return;
        if (uri.scheme === 'file' && existsSync(uri.fsPath)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}
