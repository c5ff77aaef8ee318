/**
 * The change of one lens figure against a git revision (review.md §2), written right after
 * the figure: `unmet 0 t (−70.1 vs HEAD)`. The base side's results are the revision's
 * `run --json` (the same shape as the current results), so every figure is computed by the
 * same title function at both sides. A figure whose text reads the same at both sides gets
 * no delta.
 */
import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import { hhiText, metricText, moneyText, quantityNumber, shareText } from '../../../language/src/index.js';

export interface Versus {
    /** As the setting names it (`HEAD`, `main`). */
    revision: string;
    base: SimulationResult;
}

/** How a figure's change reads: tonnes and days as a bare signed number (the figure says the unit), shares in points. */
export type FigureKind = 'quantity' | 'share' | 'hhi' | 'count';

const TEXT: Record<FigureKind, (v: number) => string> = {
    quantity: quantityNumber,
    share: shareText,
    hhi: hhiText,
    count: v => String(v)
};

/** A target's value's change in its unit ('share', 'hhi', 'days', 't' or a currency), without the revision. */
export function metricChangeText(unit: string, head: number, base: number): string | undefined {
    if (metricText(head, unit) === metricText(base, unit)) return undefined;
    if (unit === 'share') return signed('share', head - base);
    if (unit === 'hhi') return signed('hhi', head - base);
    if (unit === 'days' || unit === 't') return signed('quantity', head - base);
    return `${head < base ? '−' : '+'}${moneyText(Math.abs(head - base), unit)}`;
}

function signed(kind: FigureKind, delta: number): string {
    const sign = delta < 0 ? '−' : '+';
    const magnitude = Math.abs(delta);
    if (kind === 'share') return `${sign}${shareText(magnitude).replace(/%$/, '')} pts`;
    return `${sign}${TEXT[kind](magnitude)}`;
}

/** The base side's scenario of the same name. */
export function baseScenario(versus: Versus | undefined, name: string): ScenarioResult | undefined {
    return versus?.base.scenarios?.find(s => s.name === name);
}

/** ` (−70.1 vs HEAD)`, or '' when there is no base figure or it reads the same. */
export function versusNumber(versus: Versus | undefined, kind: FigureKind, head: number | null, base: number | null | undefined): string {
    if (!versus || base === undefined || head === null || base === null) return '';
    if (TEXT[kind](head) === TEXT[kind](base)) return '';
    return ` (${signed(kind, head - base)} vs ${versus.revision})`;
}

/** ` (was 2026-05-03 vs HEAD)` for a date (or `none`, `never`, a mark) that reads differently. */
export function versusWas(versus: Versus | undefined, head: string, base: string | undefined): string {
    if (!versus || base === undefined || head === base) return '';
    return ` (was ${base} vs ${versus.revision})`;
}

/** ` (+101.4 million JPY vs HEAD)` per currency whose loss reads differently. */
export function versusMoney(versus: Versus | undefined, head: Record<string, number>, base: Record<string, number> | undefined): string {
    if (!versus || !base) return '';
    const parts: string[] = [];
    for (const currency of [...new Set([...Object.keys(head), ...Object.keys(base)])]) {
        const h = head[currency] ?? 0,
            b = base[currency] ?? 0;
        if (moneyText(h, currency) === moneyText(b, currency)) continue;
        parts.push(`${h < b ? '−' : '+'}${moneyText(Math.abs(h - b), currency)}`);
    }
    return parts.length > 0 ? ` (${parts.join(', ')} vs ${versus.revision})` : '';
}

/** Whether a title carries any change against the revision. */
export function hasVersus(versus: Versus, title: string): boolean {
    return title.includes(` vs ${versus.revision})`);
}
