import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from '../../../language/src/index.js';
import { isStdlibUri } from '../../../language/src/index.js';
import type { ImportClosures } from './closure.js';

/**
 * Which model's simulation a document shows: the document itself when its import closure has
 * a horizon, else a model importing it that has one. Kept until the next change to any file
 * (imports and horizons may have changed).
 */
type OpenDocuments = LangiumSharedServices['workspace']['TextDocuments'];

export class ModelRoots {
    private readonly roots = new Map<string, string>();

    constructor(
        private readonly documents: LangiumDocuments,
        private readonly textDocuments: OpenDocuments,
        private readonly closures: ImportClosures
    ) {}

    clear(): void {
        this.roots.clear();
    }

    /**
     * The model whose simulation a document's lenses show: the document itself when its
     * import closure has a horizon, else a model importing it that has one (open ones first,
     * then by URI), else the document itself (which then reports 'no-horizon').
     */
    rootOf(document: LangiumDocument): LangiumDocument {
        const cached = this.roots.get(document.uri.toString());
        const root = cached && this.documents.getDocument(URI.parse(cached));
        if (root) return root;
        const found = this.findRoot(document);
        this.roots.set(document.uri.toString(), found.uri.toString());
        return found;
    }

    /** The open documents that are models (not the standard library). */
    openModels(): LangiumDocument[] {
        const result: LangiumDocument[] = [];
        for (const textDocument of this.textDocuments.all()) {
            const document = this.documents.getDocument(URI.parse(textDocument.uri));
            if (document && !isStdlibUri(document.uri) && isModel(document)) result.push(document);
        }
        return result;
    }

    private findRoot(document: LangiumDocument): LangiumDocument {
        if (hasHorizon(this.closures.documentsOf(document))) return document;
        const uri = document.uri.toString();
        const open = this.textDocuments;
        const importers = this.documents.all
            .filter(d => d !== document && !isStdlibUri(d.uri) && isModel(d) && this.closures.urisOf(d).has(uri) && hasHorizon(this.closures.documentsOf(d)))
            .toArray()
            .sort((a, b) => Number(Boolean(open.get(b.uri))) - Number(Boolean(open.get(a.uri))) || compare(a.uri.toString(), b.uri.toString()));
        return importers[0] ?? document;
    }
}

export function isModel(document: LangiumDocument): boolean {
    return document.parseResult?.value?.$type === 'Model';
}

function hasHorizon(closure: LangiumDocument[]): boolean {
    return closure.some(d => ((d.parseResult?.value as Model | undefined)?.horizons ?? []).length > 0);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
