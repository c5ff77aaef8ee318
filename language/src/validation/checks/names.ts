import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Import, Model } from '../../generated/ast.js';
import type { ChokepointCoreServices } from '../../chokepoint-module.js';
import { importClosure, resolveImport } from '../../workspace/imports.js';
import { isStdlibUri } from '../../workspace/stdlib.js';
import { Code } from '../codes.js';

/** A file with nothing in it (empty, or only comments) is most likely a mistake. */
export function checkEmptyFile(model: Model, accept: ValidationAcceptor): void {
    const declaresSomething = (model.imports?.length ?? 0) + (model.horizons?.length ?? 0) + (model.steps?.length ?? 0)
        + (model.declarations?.length ?? 0) > 0;
    const document = AstUtils.getDocument(model);
    const broken = (document.parseResult?.parserErrors?.length ?? 0) + (document.parseResult?.lexerErrors?.length ?? 0) > 0;
    if (declaresSomething || broken) return;
    const start = { line: 0, character: 0 };
    accept('warning', 'This file declares nothing (it is empty or holds only comments); add declarations or delete it.',
        { node: model, range: { start, end: start }, code: Code.EmptyFile });
}

/** `import "x.choke"` must name a file that exists (and was loaded). */
export function checkImportExists(services: ChokepointCoreServices) {
    const documents = services.shared.workspace.LangiumDocuments;
    const files = services.shared.workspace.FileSystemProvider;
    return (node: Import, accept: ValidationAcceptor): void => {
        if (!node.path) return;
        const uri = resolveImport(AstUtils.getDocument(node).uri, node.path);
        if (documents.hasDocument(uri)) return;
        if (files.existsSync(uri)) {
            accept('error', `Cannot import '${node.path}': ${uri.path} exists but could not be loaded (it may not be valid UTF-8 text, or lie outside the workspace).`,
                { node, property: 'path', code: Code.ImportNotFound });
            return;
        }
        const hint = node.path.endsWith('.choke') ? 'import paths are relative to the importing file' : 'import paths include the `.choke` extension';
        accept('error', `Cannot import '${node.path}': there is no file ${uri.path} (${hint}).`, { node, property: 'path', code: Code.ImportNotFound });
    };
}

/**
 * Each name is declared once across a file and what it imports. Every place of a duplicate
 * is reported, each naming the others. A model may replace a library name (hint only).
 */
export function checkUniqueNames(services: ChokepointCoreServices) {
    const documents = services.shared.workspace.LangiumDocuments;
    const index = services.shared.workspace.IndexManager;
    return (model: Model, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(model);
        const here = document.uri.toString();
        const byName = new Map<string, Place[]>();
        for (const d of index.allElements(undefined, importClosure(document, documents))) {
            const places = byName.get(d.name) ?? [];
            const start = d.nameSegment?.range.start;
            places.push({ uri: d.documentUri.toString(), line: (start?.line ?? 0) + 1, character: start?.character ?? 0 });
            byName.set(d.name, places);
        }
        for (const declaration of model.declarations) {
            const name = declaration.name;
            if (!name) continue;
            const self = nameStart(declaration);
            const others = (byName.get(name) ?? []).filter(p => !(p.uri === here && p.line === self.line && p.character === self.character));
            const userOthers = others.filter(p => !isStdlibUri(p.uri));
            if (userOthers.length > 0) {
                const where = userOthers.map(p => p.uri === here ? `line ${p.line}` : `${fileName(p.uri)}:${p.line}`).join(', ');
                accept('error', `'${name}' is declared more than once (also at ${where}); give each declaration its own name.`,
                    { node: declaration, property: 'name', code: Code.DuplicateName });
            } else if (others.length > 0) {
                accept('hint', `'${name}' replaces the standard library's declaration of the same name; this file and those that import it use this one.`,
                    { node: declaration, property: 'name', code: Code.ReplacesLibrary });
            }
        }
    };
}

interface Place { uri: string, line: number, character: number }

/** 1-based line and 0-based character of a declaration's name, as the index records it. */
function nameStart(node: AstNode): { line: number, character: number } {
    const nameNode = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return { line: (nameNode?.range.start.line ?? -1) + 1, character: nameNode?.range.start.character ?? -1 };
}

export function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
