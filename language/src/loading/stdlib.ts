import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import stdlibText from '../stdlib/stdlib.choke';

/** The standard library is a virtual, read-only document under its own scheme. */
export const STDLIB_SCHEME = 'chokepoint-lib';
export const STDLIB_URI = URI.parse(`${STDLIB_SCHEME}:///stdlib.choke`);
export const STDLIB_TEXT: string = stdlibText;

export function isStdlibUri(uri: URI | string): boolean {
    return (typeof uri === 'string' ? uri : uri.toString()).startsWith(`${STDLIB_SCHEME}:`);
}

/** Creates the library document (not yet built) unless it is already loaded. */
export function stdlibDocument(shared: LangiumSharedCoreServices): LangiumDocument {
    const documents = shared.workspace.LangiumDocuments;
    const existing = documents.getDocument(STDLIB_URI);
    if (existing) return existing;
    const document = shared.workspace.LangiumDocumentFactory.fromString(STDLIB_TEXT, STDLIB_URI);
    documents.addDocument(document);
    return document;
}
