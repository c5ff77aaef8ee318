import type { AstNode, Reference } from 'langium';

/**
 * Walks a syntax tree in the order of Langium's `AstUtils.streamAst` (a node, then its
 * children by property and index), calling `visit` on each node; when `visit` returns false
 * the node's children are skipped. Langium's streams allocate an iterator and a key list per
 * node; on a model of thousands of declarations each walk cost tens of milliseconds, and
 * linking and validation each walk every document.
 */
export function walkAst(root: AstNode, visit: (node: AstNode) => boolean | void): void {
    const stack: AstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (visit(node) === false) continue;
        // Children go on the stack last first, so they come off in order.
        const mark = stack.length;
        for (const property in node) {
            if (property.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (isNode(value)) stack.push(value);
            else if (Array.isArray(value)) for (const element of value) if (isNode(element)) stack.push(element);
        }
        reverse(stack, mark);
    }
}

/** Calls `link` on each reference of `node` in the order of Langium's `AstUtils.streamReferences`. */
export function forEachReference(node: AstNode, link: (reference: Reference, property: string, index?: number) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReferenceLike(value)) link(value as Reference, property);
        else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) if (isReferenceLike(value[index])) link(value[index] as Reference, property, index);
        }
    }
}

const DOLLAR = 0x24;

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

/** A reference or a multi-reference, as Langium tells them apart. */
function isReferenceLike(value: unknown): boolean {
    return typeof value === 'object' && value !== null && typeof (value as Reference).$refText === 'string' && ('ref' in value || 'items' in value);
}

function reverse(items: unknown[], from: number): void {
    for (let i = from, j = items.length - 1; i < j; i++, j--) {
        const x = items[i];
        items[i] = items[j];
        items[j] = x;
    }
}
