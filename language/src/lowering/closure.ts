/**
 * The declarations a root document simulates, in a fixed order: the standard library, then
 * the import closure read as if each import were pasted in place (an imported file's
 * declarations come before those of the file that imports it; each file once), and within
 * a file, in text order. Scenario, consumer and reserve order in results follows it.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Declaration, Horizon, Model, Step } from '../generated/ast.js';
import { importedUris } from '../loading/imports.js';
import { STDLIB_URI } from '../loading/stdlib.js';

export interface OrderedClosure {
    /** User documents first-import-first, the root last; the library not included. */
    documents: LangiumDocument[];
    /** Every declaration once per name: a model's declaration replaces the library's, the first one wins. */
    declarations: Declaration[];
    horizon: Horizon | undefined;
    step: Step | undefined;
}

export function orderedClosure(root: LangiumDocument, documents: LangiumDocuments): OrderedClosure {
    const ordered: LangiumDocument[] = [];
    const seen = new Set<string>([STDLIB_URI.toString()]);
    const visit = (document: LangiumDocument) => {
        seen.add(document.uri.toString());
        for (const uri of importedUris(document)) {
            if (seen.has(uri.toString())) continue;
            const imported = documents.getDocument(uri);
            if (imported) visit(imported);
            else seen.add(uri.toString());
        }
        ordered.push(document);
    };
    visit(root);

    const userDeclarations: Declaration[] = [];
    const userNames = new Set<string>();
    for (const document of ordered) {
        for (const declaration of modelOf(document)?.declarations ?? []) {
            const name = declaration.name;
            if (name && userNames.has(name)) continue;
            if (name) userNames.add(name);
            userDeclarations.push(declaration);
        }
    }
    const library = documents.getDocument(STDLIB_URI);
    const libraryDeclarations = (library ? (modelOf(library)?.declarations ?? []) : []).filter(d => !d.name || !userNames.has(d.name));

    // The root's own horizon and step win; otherwise the first along the closure.
    const rootModel = modelOf(root);
    const all = [rootModel, ...ordered.map(modelOf)];
    const horizon = all.map(m => m?.horizons?.[0]).find(h => h !== undefined);
    const step = all.map(m => m?.steps?.[0]).find(s => s !== undefined);
    return { documents: ordered, declarations: [...libraryDeclarations, ...userDeclarations], horizon, step };
}

function modelOf(document: LangiumDocument): Model | undefined {
    return document.parseResult?.value as Model | undefined;
}
