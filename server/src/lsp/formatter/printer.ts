import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Flow, Model } from '../../../../language/src/index.js';
import { isFlow } from '../../../../language/src/index.js';
import type { Token } from './tokens.js';
import { joinCode, nodeSpan, spaceBetween, tokensIn } from './tokens.js';

/**
 * The canonical layout of a Chokepoint file (docs/language-server.md, "Formatting"):
 * - one top-level item per line, at column 0; at most one blank line kept where the
 *   source had blank lines; none at the start; one newline at the end;
 * - `material`, `bloc`, `scenario` and single-volume `flow` blocks inline
 *   (`{ stage ore }`), unless a comment sits inside or the line passes 100 columns;
 *   every other block has one clause per line, indented by two spaces;
 * - single spaces between tokens, none around `..` and `/` or before `,` `:` `%`;
 * - every comment kept: own-line comments stay on their own line, trailing comments stay
 *   trailing, aligned across consecutive commented lines;
 * - consecutive inline flows aligned in columns (source, `->`, destination, material,
 *   right-aligned volume, unit, lead).
 */

const INDENT = '  ';
const MAX_WIDTH = 100;
const INLINE_TYPES = new Set(['Material', 'Bloc', 'Scenario', 'Flow']);
const LIST_TYPES = new Set(['Bloc', 'Scenario']);

interface Line {
    indent: number;
    code: string;
    comment?: string;
    /** A blank line precedes this one. */
    blankBefore: boolean;
    /** Cells of an inline flow, for column alignment. */
    flow?: FlowCells;
    /** A comment on a line of its own: never aligned with code. */
    commentOnly?: boolean;
    /** Multi-line block comment text (printed verbatim after the first line). */
    verbatim?: boolean;
    /** Spaces between the code and its trailing comment (set by `alignComments`). */
    commentPad?: number;
}

interface FlowCells {
    head: string;
    destination: string;
    material: string;
    volume: string;
    unit: string;
    rest: string;
    empty: boolean;
}

export class Printer {
    private readonly lines: Line[] = [];
    /** Input line of the last token printed (code or comment). */
    private lastLine = -1;
    private used = new Set<Token>();

    constructor(private readonly tokens: Token[]) {}

    print(model: Model): string {
        const items = topLevelItems(model);
        let cursor = 0;
        for (const item of items) {
            const span = nodeSpan(item);
            this.gapComments(cursor, span.from, 0);
            this.printItem(item, 0, this.blankBefore(span.from));
            cursor = span.to;
        }
        this.gapComments(cursor, Number.MAX_SAFE_INTEGER, 0);
        alignFlows(this.lines);
        return render(this.lines);
    }

    /** Prints one top-level item (or, for range formatting, one item alone). */
    printItem(node: AstNode, indent: number, blankBefore: boolean): void {
        const span = nodeSpan(node);
        const tokens = tokensIn(this.tokens, span.from, span.to);
        const open = tokens.findIndex(t => !t.comment && t.text === '{');
        if (open < 0) {
            this.printRun(tokens, indent, blankBefore);
            return;
        }
        const close = lastIndex(tokens, t => !t.comment && t.text === '}');
        const header = tokens.slice(0, open + 1);
        const body = tokens.slice(open + 1, close < open ? tokens.length : close);
        const closing = close > open ? tokens.slice(close) : [];
        if (INLINE_TYPES.has(node.$type) && this.tryInline(node, header, body, closing, indent, blankBefore)) return;
        this.printRun(header, indent, blankBefore);
        if (LIST_TYPES.has(node.$type)) {
            this.printList(body, indent + 1);
        } else {
            this.printClauses(node, body, indent + 1);
        }
        if (closing.length > 0) this.printRun(closing, indent, false);
    }

    private tryInline(node: AstNode, header: Token[], body: Token[], closing: Token[], indent: number, blankBefore: boolean): boolean {
        if (header.some(t => t.comment) || body.some(t => t.comment)) return false;
        if (isFlow(node) && node.volumes.length > 1) return false;
        if (closing.length !== 1) return false;
        const bodyText = joinCode(body);
        const code = `${joinCode(header)} ${bodyText ? bodyText + ' ' : ''}}`;
        if (INDENT.length * indent + code.length > MAX_WIDTH && !isFlow(node)) return false;
        this.pushLine({ indent, code, blankBefore, flow: isFlow(node) ? flowCells(node, header, body) : undefined });
        for (const t of [...header, ...body, ...closing]) this.consume(t);
        return true;
    }

    /** Each clause (a child node inside the braces) on its own line, comments between them kept. */
    private printClauses(node: AstNode, body: Token[], indent: number): void {
        const clauses = AstUtils.streamContents(node)
            .map(nodeSpan)
            .filter(span => span.to > span.from)
            .toArray();
        const clauseAt = (token: Token) => clauses.find(span => span.from <= token.offset && token.offset < span.to);
        let i = 0;
        while (i < body.length) {
            const token = body[i];
            if (token.comment) {
                this.gapCommentsIn([token], indent);
                i++;
                continue;
            }
            const clause = clauseAt(token);
            let j = i + 1;
            if (clause) {
                while (j < body.length && body[j].offset < clause.to) j++;
            } else {
                // Code outside any child node (`stage ore`): one run up to the next comment or clause.
                while (j < body.length && !body[j].comment && !clauseAt(body[j])) j++;
            }
            this.printRun(body.slice(i, j), indent, this.blankBefore(token.offset));
            i = j;
        }
    }

    /**
     * A comma-separated list (scenario or bloc members): wrapped at the width; with comments
     * inside, the source's line breaks are kept so every comment stays where it was.
     */
    private printList(body: Token[], indent: number): void {
        if (body.some(t => t.comment)) {
            let i = 0;
            while (i < body.length) {
                if (body[i].comment) {
                    this.gapCommentsIn([body[i]], indent);
                    i++;
                    continue;
                }
                let j = i + 1;
                while (j < body.length && !body[j].comment && body[j].startLine === body[i].startLine) j++;
                this.printRun(body.slice(i, j), indent, this.blankBefore(body[i].offset));
                i = j;
            }
            return;
        }
        let current = '';
        let previous: Token | undefined;
        const width = MAX_WIDTH - INDENT.length * indent;
        for (const token of body) {
            const piece = previous ? spaceBetween(previous, token) + token.text : token.text;
            if (previous?.text === ',' && current.length + piece.length > width) {
                this.pushLine({ indent, code: current, blankBefore: false });
                current = token.text;
            } else {
                current += piece;
            }
            previous = token;
            this.consume(token);
        }
        if (current.length > 0) this.pushLine({ indent, code: current, blankBefore: false });
    }

    /**
     * Code tokens on one line; a `//` comment inside ends the line (the rest continues,
     * indented further), a comment on a line of its own stays on its own line.
     */
    private printRun(tokens: Token[], indent: number, blankBefore: boolean): void {
        let current = '';
        let previous: Token | undefined;
        let lineIndent = indent;
        let first = true;
        const flush = (comment?: string) => {
            if (current.length > 0 || comment !== undefined) {
                this.pushLine({ indent: lineIndent, code: current, comment, blankBefore: first && blankBefore });
                first = false;
            }
            current = '';
            previous = undefined;
            lineIndent = indent + 2;
        };
        for (const token of tokens) {
            if (this.used.has(token)) continue;
            if (token.comment) {
                const sameLine = this.lastLine === token.startLine && current.length > 0;
                if (sameLine && !token.lineComment && token.startLine === token.endLine) {
                    current += ` ${token.text}`;
                } else if (sameLine) {
                    flush(token.text);
                } else {
                    flush();
                    this.pushComment(token, lineIndent === indent ? indent : indent + 2, false);
                    lineIndent = indent + 2;
                }
                this.consume(token);
                continue;
            }
            current += previous ? spaceBetween(previous, token) + token.text : token.text;
            previous = token;
            this.consume(token);
        }
        flush();
    }

    /** Comments between items: trailing ones join the line above, others get their own line. */
    private gapComments(from: number, to: number, indent: number): void {
        this.gapCommentsIn(
            this.tokens.filter(t => t.comment && t.offset >= from && t.offset < to),
            indent
        );
    }

    private gapCommentsIn(tokens: Token[], indent: number): void {
        for (const token of tokens) {
            if (this.used.has(token)) continue;
            if (!token.comment) {
                this.printRun([token], indent, false);
                continue;
            }
            const previous = this.lines[this.lines.length - 1];
            if (previous && !previous.commentOnly && this.lastLine === token.startLine) {
                previous.comment = previous.comment === undefined ? token.text : `${previous.comment} ${token.text}`;
                this.consume(token);
            } else {
                this.pushComment(token, indent, this.blankBefore(token.offset, token.startLine));
            }
        }
    }

    private pushComment(token: Token, indent: number, blankBefore: boolean): void {
        this.pushLine({ indent, code: token.text, blankBefore, commentOnly: true, verbatim: token.startLine !== token.endLine });
        this.consume(token);
    }

    private pushLine(line: Line): void {
        if (this.lines.length === 0) line.blankBefore = false;
        this.lines.push(line);
    }

    private consume(token: Token): void {
        this.used.add(token);
        this.lastLine = token.endLine;
    }

    /** True when the source had a blank line between the last printed token and `offset`. */
    private blankBefore(offset: number, line?: number): boolean {
        const startLine = line ?? this.tokens.find(t => t.offset >= offset)?.startLine ?? this.lastLine;
        return this.lastLine >= 0 && startLine - this.lastLine > 1;
    }
}

export function topLevelItems(model: Model): AstNode[] {
    return [...(model.imports ?? []), ...(model.horizons ?? []), ...(model.steps ?? []), ...(model.declarations ?? [])]
        .filter(n => n.$cstNode)
        .sort((a, b) => nodeSpan(a).from - nodeSpan(b).from);
}

function flowCells(flow: Flow, header: Token[], body: Token[]): FlowCells {
    const arrow = header.findIndex(t => t.text === '->');
    const head = joinCode(header.slice(0, arrow));
    const destination = joinCode(header.slice(arrow + 1, header.length - 1));
    const volume = flow.volumes[0];
    if (!volume || body.length === 0) return { head, destination, material: '', volume: '', unit: '', rest: '', empty: true };
    const rate = volume.rate ? nodeSpan(volume.rate) : { from: body[0].end, to: body[0].end };
    const material = joinCode(body.filter(t => t.offset < rate.from));
    const rateTokens = body.filter(t => t.offset >= rate.from && t.offset < rate.to);
    return {
        head,
        destination,
        material,
        volume: joinCode(rateTokens.filter(t => !t.unit)),
        unit: joinCode(rateTokens.filter(t => t.unit)),
        rest: joinCode(body.filter(t => t.offset >= rate.to)),
        empty: false
    };
}

/** Aligns the columns of consecutive inline flows (no blank line or comment line between). */
function alignFlows(lines: Line[]): void {
    let start = 0;
    while (start < lines.length) {
        let end = start;
        while (end < lines.length && lines[end].flow && lines[end].indent === lines[start].indent && (end === start || !lines[end].blankBefore)) end++;
        if (end - start >= 2) alignRun(lines.slice(start, end));
        start = Math.max(end, start + 1);
    }
}

function alignRun(run: Line[]): void {
    const cells = run.map(l => l.flow!);
    const width = (pick: (c: FlowCells) => string) => Math.max(...cells.map(c => pick(c).length));
    const [head, destination, material, volume, unit] = [
        width(c => c.head),
        width(c => c.destination),
        width(c => c.material),
        width(c => c.volume),
        width(c => c.unit)
    ];
    for (const line of run) {
        const c = line.flow!;
        const body = c.empty ? '' : [c.material.padEnd(material), c.volume.padStart(volume), c.unit.padEnd(unit), c.rest].join(' ').trimEnd();
        line.code = `${c.head.padEnd(head)} -> ${c.destination.padEnd(destination)} { ${body ? body + ' ' : ''}}`;
    }
}

function render(lines: Line[]): string {
    alignComments(lines);
    const out: string[] = [];
    for (const line of lines) {
        if (line.blankBefore) out.push('');
        const indent = INDENT.repeat(line.indent);
        if (line.verbatim) {
            out.push(indent + line.code);
            continue;
        }
        const code = line.code.length > 0 ? indent + line.code : '';
        out.push(line.comment === undefined ? code : code.length > 0 ? `${code}${' '.repeat(line.commentPad ?? 2)}${line.comment}` : indent + line.comment);
    }
    return out.join('\n').replace(/[ \t]+$/gm, '') + '\n';
}

/** Trailing comments of consecutive lines start in one column. */
function alignComments(lines: Line[]): void {
    let start = 0;
    while (start < lines.length) {
        if (lines[start].comment === undefined || lines[start].code.length === 0) {
            start++;
            continue;
        }
        let end = start + 1;
        while (end < lines.length && lines[end].comment !== undefined && lines[end].code.length > 0 && !lines[end].blankBefore) end++;
        const widths = lines.slice(start, end).map(l => INDENT.length * l.indent + l.code.length);
        const column = Math.max(...widths) + 2;
        lines.slice(start, end).forEach((l, i) => {
            l.commentPad = column - widths[i];
        });
        start = end;
    }
}

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
    return -1;
}
