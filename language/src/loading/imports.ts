import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI, UriUtils } from 'langium';
import type { Model } from '../generated/ast.js';
import { STDLIB_URI } from './stdlib.js';

/** The URI an `import "path"` line of `document` points at (relative to the importing file). */
export function resolveImport(documentUri: URI, path: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(documentUri), path);
}

export function importedUris(document: LangiumDocument): URI[] {
    const model = document.parseResult?.value as Model | undefined;
    return (model?.imports ?? []).filter(i => i.path).map(i => resolveImport(document.uri, i.path));
}

/**
 * Every document whose names `document` sees: itself, what it imports transitively
 * (cycles allowed) and the standard library. Imports that are not loaded are skipped;
 * validation reports them.
 */
export function importClosure(document: LangiumDocument, documents: LangiumDocuments): Set<string> {
    const seen = new Set<string>([document.uri.toString(), STDLIB_URI.toString()]);
    const queue: LangiumDocument[] = [document];
    while (queue.length > 0) {
        const current = queue.pop()!;
        for (const uri of importedUris(current)) {
            const key = uri.toString();
            if (seen.has(key)) continue;
            seen.add(key);
            const imported = documents.getDocument(uri);
            if (imported) queue.push(imported);
        }
    }
    return seen;
}
