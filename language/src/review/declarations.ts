/**
 * The declarations a model reads (its file and its imports), compared by kind and name
 * between two revisions: `consumer Automotive: stock REE 30 days -> 45 days`.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Declaration, Model } from '../generated/ast.js';

export interface DeclarationInfo {
    kind: string;
    name: string;
    /** Relative path of the file declaring it, and the 1-based line where it starts. */
    file: string;
    line: number;
    /** Its text without comments, whitespace collapsed. */
    text: string;
    /** The text of each clause (child node), in order. */
    clauses: { type: string; text: string }[];
    /** The text outside the clauses (keyword, name, label, region, references). */
    header: string;
}

export interface DeclarationChange {
    kind: string;
    name: string;
    change: 'added' | 'removed' | 'changed';
    detail: string;
    file: string;
    line: number;
}

/** Every declaration of the given documents (relative path -> document), in file then text order. */
export function declarationsOf(documents: [string, LangiumDocument][]): DeclarationInfo[] {
    const result: DeclarationInfo[] = [];
    for (const [file, document] of documents) {
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations ?? []) {
            const info = describe(declaration, file);
            if (info) result.push(info);
        }
    }
    return result;
}

function describe(declaration: Declaration, file: string): DeclarationInfo | undefined {
    const cst = declaration.$cstNode;
    if (!cst) return undefined;
    const kind = declaration.$type.toLowerCase();
    const name =
        declaration.name ??
        (declaration.$type === 'Flow' ? `${declaration.source?.$refText ?? '?'} -> ${declaration.destination?.$refText ?? '?'}` : undefined);
    if (!name) return undefined;
    const children = childNodes(declaration).filter(c => c.$cstNode);
    let header = '';
    let at = cst.offset;
    for (const child of children) {
        header += cst.root.fullText.slice(at, child.$cstNode!.offset) + ' ';
        at = child.$cstNode!.end;
    }
    header += cst.root.fullText.slice(at, cst.end);
    const line = cst.range.start.line + 1;
    return {
        kind,
        name,
        file,
        line,
        text: normalize(cst.text),
        clauses: children.map(c => ({ type: c.$type, text: normalize(c.$cstNode!.text) })),
        header: normalize(header)
    };
}

function childNodes(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (isNode(value)) children.push(value);
        else if (Array.isArray(value)) for (const v of value) if (isNode(v)) children.push(v);
    }
    return children.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string' && '$container' in value;
}

/** Comments out, whitespace collapsed, no space just inside braces. */
function normalize(text: string): string {
    return text
        .replace(/\/\*[\s\S]*?\*\//g, ' ')
        .replace(/\/\/[^\n]*/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/\{ /g, '{')
        .replace(/ \}/g, '}')
        .replace(/ ,/g, ',')
        .trim();
}

/** Declarations added, removed or changed between two lists (by kind and name). */
export function compareDeclarations(base: DeclarationInfo[], head: DeclarationInfo[]): DeclarationChange[] {
    const key = (d: DeclarationInfo) => `${d.kind} ${d.name}`;
    const baseByKey = new Map<string, DeclarationInfo>();
    for (const d of base) if (!baseByKey.has(key(d))) baseByKey.set(key(d), d);
    const headKeys = new Set(head.map(key));
    const changes: DeclarationChange[] = [];
    const seen = new Set<string>();
    for (const h of head) {
        if (seen.has(key(h))) continue;
        seen.add(key(h));
        const b = baseByKey.get(key(h));
        const where = { kind: h.kind, name: h.name, file: h.file, line: h.line };
        if (!b) changes.push({ ...where, change: 'added', detail: h.text });
        else if (b.text !== h.text) changes.push({ ...where, change: 'changed', detail: describeChange(b, h) });
    }
    for (const b of baseByKey.values()) {
        if (!headKeys.has(key(b))) changes.push({ kind: b.kind, name: b.name, file: b.file, line: b.line, change: 'removed', detail: b.text });
    }
    return changes;
}

/** `stock REE 30 days -> 45 days; added recycle ...`: each changed clause, its old text then what differs. */
export function describeChange(base: DeclarationInfo, head: DeclarationInfo): string {
    const parts: string[] = [];
    if (base.header !== head.header) parts.push(arrow(base.header, head.header));
    const removed = without(base.clauses, head.clauses);
    const added = without(head.clauses, base.clauses);
    for (const old of removed) {
        let best = -1,
            bestLength = 0;
        added.forEach((candidate, i) => {
            if (candidate.type !== old.type) return;
            const length = commonPrefix(words(old.text), words(candidate.text));
            if (best < 0 || length > bestLength) {
                best = i;
                bestLength = length;
            }
        });
        if (best < 0) {
            parts.push(`removed ${old.text}`);
            continue;
        }
        parts.push(arrow(old.text, added[best].text));
        added.splice(best, 1);
    }
    for (const extra of added) parts.push(`added ${extra.text}`);
    return parts.join('; ') || arrow(base.text, head.text);
}

/** `old -> new`, the new text without the words it shares with the old at the start. */
function arrow(old: string, next: string): string {
    const a = words(old),
        b = words(next);
    const shared = Math.min(commonPrefix(a, b), b.length - 1);
    return `${old} -> ${b.slice(Math.max(shared, 0)).join(' ')}`;
}

function words(text: string): string[] {
    return text.split(' ').filter(w => w !== '');
}

function commonPrefix(a: string[], b: string[]): number {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
}

/** The clauses of `from` not matched one for one in `other` (same text). */
function without(from: { type: string; text: string }[], other: { type: string; text: string }[]) {
    const left = other.map(c => c.text);
    return from.filter(c => {
        const i = left.indexOf(c.text);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
    });
}
