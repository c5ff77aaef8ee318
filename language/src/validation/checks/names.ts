import type { AstNode, AstNodeDescription, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Import, Model } from '../../generated/ast.js';
import type { ChokepointCoreServices } from '../../chokepoint-module.js';
import { importClosure, resolveImport } from '../../loading/imports.js';
import { isChokeFile, workspaceRoots } from '../../loading/confinement.js';
import { isNotUtf8, oversizedSize } from '../../loading/size-limits.js';
import { isStdlibUri } from '../../loading/stdlib.js';
import { printable } from '../../values/printable.js';
import { Code } from '../codes.js';

/** A file with nothing in it (empty, or only comments) is most likely a mistake. */
export function checkEmptyFile(model: Model, accept: ValidationAcceptor): void {
    const declaresSomething = (model.imports?.length ?? 0) + (model.horizons?.length ?? 0) + (model.steps?.length ?? 0) + (model.declarations?.length ?? 0) > 0;
    const document = AstUtils.getDocument(model);
    const broken = (document.parseResult?.parserErrors?.length ?? 0) + (document.parseResult?.lexerErrors?.length ?? 0) > 0;
    // A file too large to be read is empty here; `file-too-large` says why.
    if (declaresSomething || broken || oversizedSize(model) !== undefined || isNotUtf8(model)) return;
    const start = { line: 0, character: 0 };
    accept('warning', 'This file declares nothing (it is empty or holds only comments); add declarations or delete it.', {
        node: model,
        range: { start, end: start },
        code: Code.EmptyFile
    });
}

/** `import "x.choke"` must name a file that exists (and was loaded). */
export function checkImportExists(services: ChokepointCoreServices) {
    const documents = services.shared.workspace.LangiumDocuments;
    const files = services.shared.workspace.FileSystemProvider;
    return (node: Import, accept: ValidationAcceptor): void => {
        if (!node.path) return;
        const uri = resolveImport(AstUtils.getDocument(node).uri, node.path);
        // Checked before anything is looked up on disk: such a file is never read, nor looked for.
        const roots = workspaceRoots(documents);
        if (!roots.contains(uri)) {
            accept(
                'error',
                `Cannot import '${printable(node.path)}': it lies outside the workspace (${roots.folders.join(', ')}); imports are confined to the workspace's folders.`,
                { node, property: 'path', code: Code.ImportOutsideWorkspace }
            );
            return;
        }
        if (!isChokeFile(uri) && !/\.[^./]*$/.test(uri.path)) {
            accept(
                'error',
                `Cannot import '${printable(node.path)}': there is no file ${printable(uri.path)} (import paths include the \`.choke\` extension).`,
                { node, property: 'path', code: Code.ImportNotFound }
            );
            return;
        }
        if (!isChokeFile(uri)) {
            accept('error', `Cannot import '${printable(node.path)}': only \`.choke\` files can be imported (write the path with its \`.choke\` extension).`, {
                node,
                property: 'path',
                code: Code.NotChokeFile
            });
            return;
        }
        if (documents.hasDocument(uri)) return;
        if (files.existsSync(uri)) {
            accept('error', `Cannot import '${node.path}': ${uri.path} exists but could not be loaded (it may not be valid UTF-8 text).`, {
                node,
                property: 'path',
                code: Code.ImportNotFound
            });
            return;
        }
        const hint = node.path.endsWith('.choke') ? 'import paths are relative to the importing file' : 'import paths include the `.choke` extension';
        accept('error', `Cannot import '${printable(node.path)}': there is no file ${uri.path} (${hint}).`, {
            node,
            property: 'path',
            code: Code.ImportNotFound
        });
    };
}

/**
 * Each name is declared once across a file and what it imports. Every place of a duplicate
 * is reported, each naming the others. A model may replace a library name (hint only).
 * Positions are only computed for names that do occur twice, which keeps this linear and cheap.
 */
export function checkUniqueNames(services: ChokepointCoreServices) {
    const documents = services.shared.workspace.LangiumDocuments;
    const index = services.shared.workspace.IndexManager;
    return (model: Model, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(model);
        const here = document.uri.toString();
        const byName = new Map<string, AstNodeDescription[]>();
        for (const d of index.allElements(undefined, importClosure(document, documents))) {
            const same = byName.get(d.name);
            if (same) same.push(d);
            else byName.set(d.name, [d]);
        }
        // The model's own declarations of each name (library ones are only ever replaced).
        const userCount = new Map<string, number>();
        for (const [name, same] of byName) userCount.set(name, same.filter(d => !isStdlibUri(d.documentUri)).length);
        for (const declaration of model.declarations) {
            const name = declaration.name;
            const same = name ? byName.get(name) : undefined;
            if (!name || !same || same.length < 2) continue;
            const others = userCount.get(name)! - 1;
            if (others > 0) {
                // At most three places named, so that k copies of a name cost O(k), not O(k²).
                const shown: string[] = [];
                for (const d of same) {
                    if (shown.length === 3) break;
                    if (isStdlibUri(d.documentUri) || isSelf(d, declaration, here)) continue;
                    const line = (d.nameSegment?.range.start.line ?? 0) + 1;
                    shown.push(d.documentUri.toString() === here ? `line ${line}` : `${fileName(d.documentUri.toString())}:${line}`);
                }
                const where = shown.join(', ') + (others > shown.length ? ` and ${others - shown.length} more` : '');
                accept(
                    'error',
                    duplicateMessage(
                        name,
                        where,
                        same.some(d => !isStdlibUri(d.documentUri) && d.documentUri.toString() !== here)
                    ),
                    { node: declaration, property: 'name', code: Code.DuplicateName }
                );
            } else {
                accept('hint', `'${name}' replaces the standard library's declaration of the same name; this file and those that import it use this one.`, {
                    node: declaration,
                    property: 'name',
                    code: Code.ReplacesLibrary
                });
            }
        }
    };
}

/**
 * A name declared again where an imported file declares it is not an override: the imported
 * file's own references would then mean one declaration there and another here.
 */
function duplicateMessage(name: string, where: string, inImport: boolean): string {
    if (!inImport) return `'${name}' is declared more than once (also at ${where}); give each declaration its own name.`;
    return (
        `'${name}' is declared more than once (also at ${where}, which this file imports): an imported declaration cannot be overridden. ` +
        'Give this one its own name, or import only the shared files you keep and declare your own version instead of the file that declares it.'
    );
}

/** Whether an index entry is `declaration` itself (by node when the index holds it, else by path). */
function isSelf(description: AstNodeDescription, declaration: AstNode, here: string): boolean {
    if (description.node) return description.node === declaration;
    return description.documentUri.toString() === here && description.path === `/declarations@${declaration.$containerIndex ?? -1}`;
}

export function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
