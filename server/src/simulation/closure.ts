import type { LangiumDocument, LangiumDocuments } from 'langium';
import { DocumentState, URI } from 'langium';
import { importClosure } from '../../../language/src/index.js';

/** The loaded documents a model sees: itself, its transitive imports and the standard library. */
export function closureDocuments(document: LangiumDocument, documents: LangiumDocuments): LangiumDocument[] {
    return documentsOf(document, importClosure(document, documents), documents);
}

function documentsOf(document: LangiumDocument, uris: Set<string>, documents: LangiumDocuments): LangiumDocument[] {
    const result: LangiumDocument[] = [];
    const own = document.uri.toString();
    for (const uri of uris) {
        const loaded = uri === own ? document : documents.getDocument(URI.parse(uri));
        if (loaded) result.push(loaded);
    }
    return result;
}

/** True when every document of the closure has been validated (its diagnostics are final). */
export function isValidated(closure: LangiumDocument[]): boolean {
    return closure.every(d => d.state >= DocumentState.Validated);
}

interface Closure {
    uris: Set<string>;
    documents: LangiumDocument[];
}

/**
 * What a model's results depend on: the files of its import closure and which text of each.
 * Closures are computed once per build and kept until a file changes (an edit may change the
 * imports) or a build loads files (imports read from disk), instead of on every request.
 */
export class ImportClosures {
    private readonly cache = new Map<string, Closure>();
    /** Bumped each time a file's state is reset by a build. */
    private readonly generations = new Map<string, number>();
    private generationCounter = 0;

    constructor(private readonly documents: LangiumDocuments) {}

    /** Files changed or were deleted: their texts are new, and every closure may have changed. */
    changed(uris: URI[]): void {
        this.cache.clear();
        for (const uri of uris) this.generations.set(uri.toString(), ++this.generationCounter);
    }

    /** A build has parsed its documents, files it read from disk included. */
    loaded(): void {
        this.cache.clear();
    }

    /** The URIs of the document's closure (see `importClosure`). */
    urisOf(document: LangiumDocument): Set<string> {
        return this.closureOf(document).uris;
    }

    /** The loaded documents of the closure (see `closureDocuments`). */
    documentsOf(document: LangiumDocument): LangiumDocument[] {
        return this.closureOf(document).documents;
    }

    /** Identifies the texts a document's results depend on. */
    key(document: LangiumDocument): string {
        return [...this.urisOf(document)]
            .sort()
            .map(uri => `${uri}#${this.generations.get(uri) ?? 0}`)
            .join('|');
    }

    private closureOf(document: LangiumDocument): Closure {
        const uri = document.uri.toString();
        const cached = this.cache.get(uri);
        if (cached && cached.documents[0] === document) return cached;
        const uris = importClosure(document, this.documents);
        const closure = { uris, documents: documentsOf(document, uris, this.documents) };
        this.cache.set(uri, closure);
        return closure;
    }
}
