import type { AstNode, Reference, ValidationAcceptor } from 'langium';
import { isReference } from 'langium';
import { Code } from '../codes.js';
import { REFERENCE_CONTAINERS, expectationFor, kindWord, kindsPhrase, referenceProperties, withArticle, type Kind } from '../kinds.js';

/**
 * A reference names a declaration of the wrong kind: "'ChinaExporters' is a supplier;
 * `serves` needs a consumer". Unresolved references stay silent here (the linker reports
 * them with a did-you-mean).
 */
export function checkReferenceKinds(node: AstNode, accept: ValidationAcceptor): void {
    for (const property of referenceProperties(node.$type)) {
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item)) checkOne(node, property, item, accept, index);
            });
        } else if (isReference(value)) {
            checkOne(node, property, value, accept);
        }
    }
}

function checkOne(node: AstNode, property: string, reference: Reference, accept: ValidationAcceptor, index?: number): void {
    const target = reference.ref;
    if (!target) return;
    const expected = expectationFor(node, property);
    if (!expected || expected.kinds.includes(target.$type as Kind)) return;
    const actual = kindWord(target.$type) ?? target.$type;
    accept('error', `'${reference.$refText}' is ${withArticle(actual)}; ${expected.place} needs ${kindsPhrase(expected.kinds)}.`, {
        node,
        property,
        index,
        code: Code.WrongKind
    });
}

/** The kind check, registered on every node type that holds references (and `*`-able places). */
export function referenceKindChecks(): Record<string, typeof checkReferenceKinds> {
    const checks: Record<string, typeof checkReferenceKinds> = { PlaceSelector: checkReferenceKinds };
    for (const type of REFERENCE_CONTAINERS) checks[type] = checkReferenceKinds;
    return checks;
}
