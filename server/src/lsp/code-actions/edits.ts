import type { AstNode, LangiumDocument, LeafCstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver';

/** Small helpers shared by the quick fixes. */

export function leafAt(document: LangiumDocument, range: Range): LeafCstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
}

/** The property a leaf is assigned to (`source` for the source name of a flow). */
export function propertyOf(leaf: LeafCstNode): string | undefined {
    return leaf.grammarSource ? AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment)?.feature : undefined;
}

/** The top-level declaration (or import, horizon...) containing a node. */
export function topLevelOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container && current.$container.$container) current = current.$container;
    return current;
}

/** Inserts `text` as new lines after the line on which `node` ends (after any trailing comment). */
export function insertAfter(document: LangiumDocument, node: AstNode, text: string): TextEdit {
    const end = node.$cstNode?.range.end ?? { line: 0, character: 0 };
    const lineText = document.textDocument.getText({ start: { line: end.line, character: 0 }, end: { line: end.line + 1, character: 0 } });
    const character = lineText.replace(/\r?\n$/, '').length;
    return { range: { start: { line: end.line, character }, end: { line: end.line, character } }, newText: `\n\n${text}` };
}

/**
 * Removes a declaration with its doc comment and the line break after it; a blank line
 * left on both sides becomes one.
 */
export function removeDeclaration(document: LangiumDocument, node: AstNode): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    let start = cst.offset;
    // The doc comment: comment lines directly above, each on its own line.
    for (
        let previous = CstUtils.getPreviousNode(cst, true);
        previous && (previous as LeafCstNode).hidden && previous.range.end.line === document.textDocument.positionAt(start).line - 1;
        previous = CstUtils.getPreviousNode(previous, true)
    ) {
        const before = CstUtils.getPreviousNode(previous, false);
        if (before && before.range.end.line === previous.range.start.line) break;
        start = previous.offset;
    }
    start = text.lastIndexOf('\n', start - 1) + 1;
    let end = text.indexOf('\n', cst.end);
    end = end < 0 ? text.length : end + 1;
    // Two blank lines around what is removed collapse to one.
    if (/^\r?\n/.test(text.slice(end)) && (start === 0 || /\n\r?\n$/.test(text.slice(0, start)))) end = text.indexOf('\n', end) + 1 || text.length;
    return { range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: '' };
}

/** A decimal as written in a model: at most two decimals, no trailing zeros. */
export function decimalText(value: number): string {
    return String(Math.round(value * 100) / 100);
}
