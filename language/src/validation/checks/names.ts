import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Import, Model } from '../../generated/ast.js';
import type { ChokepointCoreServices } from '../../chokepoint-module.js';
import { importClosure, resolveImport } from '../../workspace/imports.js';
import { isStdlibUri } from '../../workspace/stdlib.js';
import { Code } from '../codes.js';

/** `import "x.choke"` must name a file that exists (and was loaded). */
export function checkImportExists(services: ChokepointCoreServices) {
    const documents = services.shared.workspace.LangiumDocuments;
    return (node: Import, accept: ValidationAcceptor): void => {
        if (!node.path) return;
        const uri = resolveImport(AstUtils.getDocument(node).uri, node.path);
        if (!documents.hasDocument(uri)) {
            accept('error', `Cannot import '${node.path}': no such file (${uri.path}).`, { node, property: 'path', code: Code.ImportNotFound });
        }
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
            places.push({ uri: d.documentUri.toString(), line: (d.nameSegment?.range.start.line ?? 0) + 1 });
            byName.set(d.name, places);
        }
        for (const declaration of model.declarations) {
            const name = declaration.name;
            if (!name) continue;
            const line = nameLine(declaration);
            const others = (byName.get(name) ?? []).filter(p => !(p.uri === here && p.line === line));
            const userOthers = others.filter(p => !isStdlibUri(p.uri));
            if (userOthers.length > 0) {
                const where = userOthers.map(p => p.uri === here ? `line ${p.line}` : `${fileName(p.uri)}:${p.line}`).join(', ');
                accept('error', `'${name}' is declared more than once (also at ${where}); give each declaration its own name.`,
                    { node: declaration, property: 'name', code: Code.DuplicateName });
            } else if (others.length > 0) {
                accept('hint', `'${name}' replaces the standard library's declaration of the same name.`,
                    { node: declaration, property: 'name', code: Code.ReplacesLibrary });
            }
        }
    };
}

interface Place { uri: string, line: number }

function nameLine(node: AstNode): number {
    const nameNode = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return (nameNode?.range.start.line ?? -1) + 1;
}

export function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
