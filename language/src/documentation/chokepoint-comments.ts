import type { AstNode, CstNode } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';

/**
 * A declaration's documentation is the block of comments directly above it: `//` lines
 * (or one `/* *\/` block) that end on the line before it and start on lines of their own.
 */
export class ChokepointCommentProvider {
    getComment(node: AstNode): string | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const lines: string[] = [];
        let nextLine = cst.range.start.line;
        let previous: CstNode | undefined = CstUtils.getPreviousNode(cst, true);
        while (
            previous &&
            isLeafCstNode(previous) &&
            previous.hidden &&
            isComment(previous.tokenType.name) &&
            previous.range.end.line === nextLine - 1 &&
            startsItsLine(previous)
        ) {
            lines.unshift(commentText(previous.text));
            nextLine = previous.range.start.line;
            previous = CstUtils.getPreviousNode(previous, true);
        }
        const text = lines.join('\n').trim();
        return text.length > 0 ? text : undefined;
    }
}

function isComment(tokenName: string): boolean {
    return tokenName === 'SL_COMMENT' || tokenName === 'ML_COMMENT';
}

function startsItsLine(comment: CstNode): boolean {
    const before = CstUtils.getPreviousNode(comment, false);
    return !before || before.range.end.line < comment.range.start.line;
}

function commentText(raw: string): string {
    if (raw.startsWith('//')) return raw.slice(2).replace(/^ /, '');
    return raw
        .slice(2, -2)
        .split('\n')
        .map(l => l.replace(/^\s*\* ?/, ''))
        .join('\n')
        .trim();
}
