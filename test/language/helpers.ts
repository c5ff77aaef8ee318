import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import type { Model } from '../../language/src/generated/ast.js';
import { stdlibDocument } from '../../language/src/loading/stdlib.js';

export type Services = ReturnType<typeof createChokepointCoreServices>;

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export interface Built {
    services: Services;
    /** The documents in the order given, by file name. */
    documents: Record<string, LangiumDocument<Model>>;
}

/**
 * Parses, links and validates in-memory files (`{ 'main.choke': text, ... }`) under
 * `memory:///project/`, with the standard library, as the language server would.
 */
export async function build(files: Record<string, string>, services: Services = createChokepointCoreServices(EmptyFileSystem)): Promise<Built> {
    const shared = services.shared;
    const documents: Record<string, LangiumDocument<Model>> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`memory:///project/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents[name] = document;
    }
    await shared.workspace.DocumentBuilder.build([stdlibDocument(shared), ...Object.values(documents)], { validation: true });
    return { services, documents };
}

/** `line:col severity code: message`, 1-based, in position order. */
export function diagnostics(document: LangiumDocument): string[] {
    return (document.diagnostics ?? [])
        .map(d => ({ d, line: d.range.start.line + 1, col: d.range.start.character + 1 }))
        .sort((a, b) => a.line - b.line || a.col - b.col)
        .map(({ d, line, col }) => `${line}:${col} ${SEVERITY[d.severity ?? 1]} ${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/** Only `line:col severity code`, for exact comparisons. */
export function codes(document: LangiumDocument): string[] {
    return diagnostics(document).map(d => d.slice(0, d.indexOf(':', d.indexOf(' '))));
}

export async function parseOne(text: string): Promise<{ model: Model; document: LangiumDocument<Model> }> {
    const { documents } = await build({ 'main.choke': text });
    const document = documents['main.choke'];
    return { model: document.parseResult.value, document };
}
