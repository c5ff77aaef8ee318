/**
 * How numbers read for people, in lenses, hovers, hints, the status bar, the chart, the CLI
 * table and CSV export (metrics-v2 §3). Quantities (tonnes, days) have 3 significant figures
 * below 1,000 (`4.5 t`, `12.3 t`, `0.042 t`) and are whole with separators from 1,000 up
 * (`1,478 t`); a non-zero quantity never reads 0 (`<0.001 t`). Shares have one decimal
 * (`<0.1%` for a tiny non-zero share); money uses scale words like the language itself
 * (`195 million JPY`). JSON keeps full precision and does not come through here.
 */
import { formatNumber, SCALE } from './quantities.js';

/** `formatNumber` for people: a value that rounds to zero reads `0`, never `-0`. */
export function displayNumber(value: number, maxFractionDigits = 2): string {
    const text = formatNumber(value, maxFractionDigits);
    return text === '-0' ? '0' : text;
}

/** Smallest magnitude a quantity shows; anything non-zero below it reads `<0.001`. */
export const SMALLEST_SHOWN = 0.001;

/**
 * A quantity for people: 3 significant figures below 1,000, whole with separators above,
 * `<0.001` for a non-zero value too small to show (never `0`, never `-0`).
 */
export function quantityNumber(value: number): string {
    if (!Number.isFinite(value)) return '0';
    const magnitude = Math.abs(value);
    if (magnitude === 0) return '0';
    if (magnitude < SMALLEST_SHOWN) return value < 0 ? '>-0.001' : '<0.001';
    if (magnitude >= 999.5) return displayNumber(Math.round(value), 0);
    const fractionDigits = Math.max(0, 2 - Math.floor(Math.log10(magnitude)));
    return displayNumber(value, fractionDigits);
}

/** For files read by programs (CSV): the same significant figures, no separators, never `<`. */
export function plainQuantityNumber(value: number): string {
    if (!Number.isFinite(value) || value === 0) return '0';
    const magnitude = Math.abs(value);
    if (magnitude >= 999.5) return String(Math.round(value));
    return String(Number(value.toPrecision(3)));
}

export function tonnesText(value: number): string {
    return `${quantityNumber(value)} t`;
}

export function signedTonnesText(value: number): string {
    if (value === 0 || !Number.isFinite(value)) return '±0 t';
    return `${value < 0 ? '−' : '+'}${tonnesText(Math.abs(value))}`;
}

export function shareText(fraction: number): string {
    const percent = fraction * 100;
    if (percent > 0 && percent < 0.05) return '<0.1%';
    return `${displayNumber(percent, 1)}%`;
}

export function daysText(value: number): string {
    const text = quantityNumber(value);
    return `${text} ${text === '1' ? 'day' : 'days'}`;
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
    const parts = Object.entries(loss)
        .filter(([, v]) => Math.round(v) !== 0)
        .map(([c, v]) => moneyText(v, c));
    return parts.length > 0 ? `${parts.join(' + ')} loss` : 'no loss';
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
    return `${displayNumber(count, 0)} ${count === 1 ? word : pluralWord}`;
}

/** A target's value or threshold in its unit ('share', 'hhi', 'days', 't' or a currency). */
export function metricText(value: number, unit: string): string {
    switch (unit) {
        case 'share':
            return shareText(value);
        case 'hhi':
            return `HHI ${hhiText(value)}`;
        case 'days':
            return daysText(value);
        case 't':
            return tonnesText(value);
        default:
            return moneyText(value, unit);
    }
}

export const COMPARISON_TEXT: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };

const SHORT_SCALES: Array<[string, number]> = [
    ['tn', 1e12],
    ['bn', 1e9],
    ['mn', 1e6]
];

/** Money in a lens's short form, without its currency: `151.8 bn`, `250 mn`, `12,000`. */
export function shortMoneyText(value: number): string {
    const magnitude = Math.abs(value);
    for (const [word, factor] of SHORT_SCALES) {
        if (magnitude >= factor) return `${value < 0 ? '−' : ''}${displayNumber(magnitude / factor, 1)} ${word}`;
    }
    return `${value < 0 ? '−' : ''}${displayNumber(Math.round(magnitude), 0)}`;
}
