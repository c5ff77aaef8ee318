import type { AstNode, Reference } from 'langium';
import type { Amount, Flow } from '../generated/ast.js';
import { formatNumber, parseNumber } from '../values/quantities.js';
import { isDeclaration, isFlow } from '../generated/ast.js';
import { kindWord } from './kinds.js';

/**
 * How messages name things: `supplier ChinaExporters`, `flow ChinaExporters -> JapanIndustry`.
 * Everything here tolerates half-typed text (missing names, unresolved references).
 */

/** The name a reference was written with (`?` while it is being typed). */
export function refName(ref: Reference | undefined): string {
    return ref?.$refText || '?';
}

/** `ChinaExporters -> JapanIndustry`, or the flow's own name when it has one. */
export function flowLabel(flow: Flow): string {
    const route = `${refName(flow.source)} -> ${refName(flow.destination)}`;
    return flow.name ? `${flow.name} (${route})` : route;
}

/** `supplier ChinaExporters`, `flow A -> B`. */
export function describe(node: AstNode | undefined): string {
    if (!node) return '?';
    if (isFlow(node)) return `flow ${flowLabel(node)}`;
    const word = kindWord(node.$type) ?? node.$type.toLowerCase();
    const name = (node as { name?: string }).name;
    return name ? `${word} ${name}` : word;
}

/** The declaration an inner node belongs to (the supplier of a `produces`, ...). */
export function ownerOf(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && !isDeclaration(current)) current = current.$container;
    return current;
}

/** `Curb, Detente and Rest`. */
export function listText(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Quotes a piece of source as code in a message. */
export function code(text: string): string {
    return `\`${text}\``;
}

/** `describe` at the start of a sentence: `Supplier ChinaExporters`. */
export function Describe(node: AstNode | undefined): string {
    const text = describe(node);
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An amount with its numbers grouped for reading: `12,000 t/yr`, `1,100..1,300 t/month`. */
export function formatAmount(amount: Amount): string {
    const number = (text: string) => formatNumber(parseNumber(text), 6);
    const pct = amount.percent ? '%' : '';
    const high = amount.high !== undefined ? `..${number(amount.high)}${pct}` : '';
    return `${number(amount.low)}${pct}${high}${amount.unit ? ` ${amount.unit}` : ''}`;
}
