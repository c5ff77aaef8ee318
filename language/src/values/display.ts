/**
 * How numbers read for people, in lenses, hovers, hints, the status bar, the chart and the
 * CLI's uncertainty table. Tonnes and days are whole (the spec's precision: to the tonne and
 * the day); shares have one decimal; money uses scale words like the language itself
 * (`195 million JPY`).
 */
import { formatNumber, SCALE } from './quantities.js';

/** `formatNumber` for people: a value that rounds to zero reads `0`, never `-0`. */
export function displayNumber(value: number, maxFractionDigits = 2): string {
    const text = formatNumber(value, maxFractionDigits);
    return text === '-0' ? '0' : text;
}

export function tonnesText(value: number): string {
    if (value > 0 && value < 0.5) return '<1 t';
    return `${displayNumber(Math.round(value), 0)} t`;
}

export function signedTonnesText(value: number): string {
    const text = tonnesText(Math.abs(value));
    if (Math.round(value) === 0 && text !== '<1 t') return '±0 t';
    return `${value < 0 ? '−' : '+'}${text}`;
}

export function shareText(fraction: number): string {
    return `${displayNumber(fraction * 100, 1)}%`;
}

export function daysText(value: number): string {
    const rounded = Math.round(value);
    return `${displayNumber(rounded, 0)} ${rounded === 1 ? 'day' : 'days'}`;
}

export function hhiText(value: number): string {
    return displayNumber(Math.round(value), 0);
}

const SCALES: Array<[string, number]> = Object.entries(SCALE).sort((a, b) => b[1] - a[1]);

/** `457.6 billion JPY`, `12,000 EUR`. */
export function moneyText(value: number, currency: string): string {
    const magnitude = Math.abs(value);
    for (const [word, factor] of SCALES) {
        if (factor >= 1e6 && magnitude >= factor) return `${displayNumber(value / factor, 1)} ${word} ${currency}`;
    }
    return `${displayNumber(Math.round(value), 0)} ${currency}`;
}

export function signedMoneyText(value: number, currency: string): string {
    const text = moneyText(Math.abs(value), currency);
    return `${value < 0 ? '−' : '+'}${text}`;
}

/** Loss per currency, `0` currencies -> `no loss`. */
export function lossText(loss: Record<string, number>): string {
    const parts = Object.entries(loss).filter(([, v]) => Math.round(v) !== 0).map(([c, v]) => moneyText(v, c));
    return parts.length > 0 ? `${parts.join(' + ')} loss` : 'no loss';
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
    return `${displayNumber(count, 0)} ${count === 1 ? word : pluralWord}`;
}

/** A target's value or threshold in its unit ('share', 'hhi', 'days', 't' or a currency). */
export function metricText(value: number, unit: string): string {
    switch (unit) {
        case 'share': return shareText(value);
        case 'hhi': return `HHI ${hhiText(value)}`;
        case 'days': return daysText(value);
        case 't': return tonnesText(value);
        default: return moneyText(value, unit);
    }
}

export const COMPARISON_TEXT: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };

const SHORT_SCALES: Array<[string, number]> = [['tn', 1e12], ['bn', 1e9], ['mn', 1e6]];

/** Money in a lens's short form, without its currency: `151.8 bn`, `250 mn`, `12,000`. */
export function shortMoneyText(value: number): string {
    const magnitude = Math.abs(value);
    for (const [word, factor] of SHORT_SCALES) {
        if (magnitude >= factor) return `${value < 0 ? '−' : ''}${displayNumber(magnitude / factor, 1)} ${word}`;
    }
    return `${value < 0 ? '−' : ''}${displayNumber(Math.round(magnitude), 0)}`;
}
