import type { AstNode, CstNode, LeafCstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode } from 'langium';

/** One token of the source: code or a comment (whitespace is not kept by the parser). */
export interface Token {
    text: string;
    comment: boolean;
    /** A `//` comment: nothing may follow it on its line. */
    lineComment: boolean;
    startLine: number;
    endLine: number;
    offset: number;
    end: number;
    /** True for the pieces of a unit (`t`, `/`, `month`). */
    unit: boolean;
}

const UNIT_RULES = new Set(['Unit', 'MassUnit', 'PeriodUnit', 'DurationUnit']);

export function toToken(leaf: LeafCstNode): Token {
    const comment = leaf.hidden;
    return {
        text: leaf.text,
        comment,
        lineComment: comment && leaf.text.startsWith('//'),
        startLine: leaf.range.start.line,
        endLine: leaf.range.end.line,
        offset: leaf.offset,
        end: leaf.end,
        unit: !comment && isUnitPiece(leaf)
    };
}

function isUnitPiece(leaf: LeafCstNode): boolean {
    const source = leaf.grammarSource;
    if (!source) return false;
    const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
    return rule !== undefined && UNIT_RULES.has(rule.name);
}

/** Every token under `root`, comments included, in source order. */
export function tokensOf(root: CstNode): Token[] {
    const tokens: Token[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (isLeafCstNode(node) && node.text.length > 0) tokens.push(toToken(node));
    }
    return tokens;
}

/** The tokens whose start lies in [from, to). */
export function tokensIn(tokens: Token[], from: number, to: number): Token[] {
    return tokens.filter(t => t.offset >= from && t.offset < to);
}

export function nodeSpan(node: AstNode): { from: number; to: number } {
    const cst = node.$cstNode;
    return cst ? { from: cst.offset, to: cst.end } : { from: 0, to: 0 };
}

const NO_SPACE_BEFORE = new Set([',', ':', '%', '..', '/']);
const NO_SPACE_AFTER = new Set(['..', '/', '+', '-']);

/** Canonical spacing between two code tokens on one line. */
export function spaceBetween(previous: Token, next: Token): string {
    if (NO_SPACE_BEFORE.has(next.text) || NO_SPACE_AFTER.has(previous.text)) return '';
    return ' ';
}

/** Code tokens joined with canonical spacing. */
export function joinCode(tokens: Token[]): string {
    let text = '';
    let previous: Token | undefined;
    for (const token of tokens) {
        text += previous ? spaceBetween(previous, token) + token.text : token.text;
        previous = token;
    }
    return text;
}
