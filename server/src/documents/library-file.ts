import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { DefinitionProvider, ReferencesProvider } from 'langium/lsp';
import { DefaultDefinitionProvider, DefaultReferencesProvider } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, Location, LocationLink, ReferenceParams } from 'vscode-languageserver';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { STDLIB_TEXT, isStdlibUri } from '../../../language/src/index.js';
import type { ChokepointServices, ChokepointSharedServices } from '../chokepoint-lsp-module.js';

/**
 * The standard library for clients without virtual documents (LSP 3.18's
 * `workspace/textDocumentContent`, which Neovim, Helix or Emacs do not have): locations in it
 * point at a real file, `stdlib.choke` next to the server's bundle (or in the temporary folder
 * when that one is read-only), written once with the library's text. Such a client opens it
 * like any file; the server never loads it as a model (its names are the library's).
 * Clients that can show virtual documents (ours, and any announcing the capability) keep
 * `chokepoint-lib:///stdlib.choke`.
 */
export class LibraryLocations {
    /** Set at initialize: the client shows `chokepoint-lib:` documents itself. */
    virtualDocuments = true;
    private file?: URI;

    constructor(shared: ChokepointSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            const ours = (params.initializationOptions as { lensCommands?: string } | undefined)?.lensCommands === 'client';
            this.virtualDocuments = ours || params.capabilities.workspace?.textDocumentContent !== undefined;
        });
    }

    /** The URI to give the client for a location in `uri`. */
    forClient(uri: string): string {
        if (this.virtualDocuments || !isStdlibUri(uri)) return uri;
        return (this.file ??= URI.file(writeLibraryFile())).toString();
    }

    /** Whether `uri` is the library's file (never a model of its own). */
    isLibraryFile(uri: URI): boolean {
        return this.file !== undefined && uri.scheme === 'file' && path.resolve(uri.fsPath) === path.resolve(this.file.fsPath);
    }
}

function writeLibraryFile(): string {
    for (const folder of [path.dirname(process.argv[1] ?? __filename), path.join(os.tmpdir(), `chokepoint-${process.getuid?.() ?? 'user'}`)]) {
        const file = path.join(folder, 'stdlib.choke');
        try {
            if (readFileSync(file, 'utf8') === STDLIB_TEXT) return file;
        } catch {
            /* not there yet */
        }
        try {
            mkdirSync(folder, { recursive: true });
            writeFileSync(file, STDLIB_TEXT);
            return file;
        } catch {
            /* read-only: the next folder */
        }
    }
    return path.join(os.tmpdir(), 'stdlib.choke');
}

function mapLinks<T extends Location | LocationLink>(items: T[] | undefined, locations: LibraryLocations): T[] | undefined {
    return items?.map(item =>
        'targetUri' in item ? { ...item, targetUri: locations.forClient(item.targetUri) } : { ...item, uri: locations.forClient(item.uri) }
    );
}

export class ChokepointDefinitionProvider extends DefaultDefinitionProvider implements DefinitionProvider {
    private readonly locations: LibraryLocations;
    constructor(services: ChokepointServices) {
        super(services);
        this.locations = services.shared.library.Locations;
    }
    override async getDefinition(document: LangiumDocument, params: DefinitionParams, token?: CancellationToken): Promise<LocationLink[] | undefined> {
        return mapLinks(await super.getDefinition(document, params, token), this.locations);
    }
}

export class ChokepointReferencesProvider extends DefaultReferencesProvider implements ReferencesProvider {
    private readonly locations: LibraryLocations;
    constructor(services: ChokepointServices) {
        super(services);
        this.locations = services.shared.library.Locations;
    }
    override async findReferences(document: LangiumDocument, params: ReferenceParams, token?: CancellationToken): Promise<Location[]> {
        return mapLinks(await super.findReferences(document, params, token), this.locations) ?? [];
    }
}
