import type { LangiumDocument, LangiumDocuments } from 'langium';
import { DocumentState, URI } from 'langium';
import { importClosure } from '../../../language/src/loading/imports.js';

/** The loaded documents a model sees: itself, its transitive imports and the standard library. */
export function closureDocuments(document: LangiumDocument, documents: LangiumDocuments): LangiumDocument[] {
    const result: LangiumDocument[] = [];
    const own = document.uri.toString();
    for (const uri of importClosure(document, documents)) {
        const loaded = uri === own ? document : documents.getDocument(URI.parse(uri));
        if (loaded) result.push(loaded);
    }
    return result;
}

/** True when every document of the closure has been validated (its diagnostics are final). */
export function isValidated(closure: LangiumDocument[]): boolean {
    return closure.every(d => d.state >= DocumentState.Validated);
}
