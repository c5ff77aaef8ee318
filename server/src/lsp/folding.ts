import type { AstNode, LangiumDocument, LeafCstNode } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';
import type { FoldingRangeAcceptor } from 'langium/lsp';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import { isDeclaration } from '../../../language/src/index.js';

/**
 * Folds declarations' blocks and comments, including runs of `//` lines (the long doc
 * comments of real models), which Langium folds only as block comments.
 */
export class ChokepointFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return isDeclaration(node);
    }

    protected override shouldProcessContent(node: AstNode): boolean {
        return node.$container === undefined;
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        const root = node.$cstNode;
        if (!root) return;
        let run: LeafCstNode[] = [];
        const flush = () => {
            if (run.length >= 2) acceptor({ startLine: run[0].range.start.line, endLine: run[run.length - 1].range.end.line, kind: FoldingRangeKind.Comment });
            run = [];
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            if (!isLeafCstNode(leaf) || !leaf.hidden || !leaf.text.startsWith('//')) {
                flush();
                continue;
            }
            const previous = run[run.length - 1];
            if (previous && previous.range.end.line !== leaf.range.start.line - 1) flush();
            run.push(leaf);
        }
        flush();
    }
}
