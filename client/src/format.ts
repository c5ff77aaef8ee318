/**
 * How the extension writes numbers for people (status bar, quick picks, chart header): the
 * same conventions as the lenses and hovers — whole tonnes with thousands separators (`<1 t`
 * for a positive amount below half a tonne), shares with one decimal, money with a scale
 * word, one decimal and its currency.
 */

import { displayNumber, moneyText, shareText, tonnesText } from '../../language/src/view.js';

export const formatTonnes = tonnesText;

/** 0.7625 -> `76.3%`. */
export const formatShare = shareText;

/** 457_230_000_000 JPY -> `457.2 billion JPY`; below a million the whole number. */
export const formatMoney = moneyText;

/** Loss per currency, largest first: `457 billion JPY, 2 million USD`; `no loss` when all are 0. */
export function formatLosses(loss: Record<string, number>): string {
    const entries = Object.entries(loss).filter(([, value]) => value !== 0);
    if (entries.length === 0) return 'no loss';
    return entries
        .sort((a, b) => b[1] - a[1])
        .map(([currency, value]) => moneyText(value, currency))
        .join(', ');
}

/** A number for people; `—` where there is none. */
export function formatNumber(value: number, fractionDigits: number): string {
    return Number.isFinite(value) ? displayNumber(value, fractionDigits) : '—';
}
