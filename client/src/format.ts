/**
 * How the extension writes numbers for people (status bar, quick picks, chart header): the
 * same conventions as the lenses and hovers — whole tonnes with thousands separators (`<1 t`
 * for a positive amount below half a tonne), shares with one decimal, money with a scale
 * word, one decimal and its currency.
 */

export function formatTonnes(tonnes: number): string {
    if (tonnes > 0 && tonnes < 0.5) return '<1 t';
    return `${formatNumber(tonnes, 0)} t`;
}

/** 0.7625 -> `76.3%`. */
export function formatShare(fraction: number): string {
    return `${formatNumber(fraction * 100, 1)}%`;
}

const SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];

/** 457_230_000_000 JPY -> `457.2 billion JPY`; below a million the whole number. */
export function formatMoney(amount: number, currency: string): string {
    for (const [size, word] of SCALES) {
        if (Math.abs(amount) >= size && size >= 1e6) return `${formatNumber(amount / size, 1)} ${word} ${currency}`;
    }
    return `${formatNumber(amount, 0)} ${currency}`;
}

/** Loss per currency, largest first: `457 billion JPY, 2 million USD`; `no loss` when all are 0. */
export function formatLosses(loss: Record<string, number>): string {
    const entries = Object.entries(loss).filter(([, value]) => value !== 0);
    if (entries.length === 0) return 'no loss';
    return entries.sort((a, b) => b[1] - a[1]).map(([currency, value]) => formatMoney(value, currency)).join(', ');
}

export function formatNumber(value: number, fractionDigits: number): string {
    if (!Number.isFinite(value)) return '—';
    // Rounding to the shown digits first keeps `-0` from showing.
    const factor = 10 ** fractionDigits;
    const rounded = Math.round(value * factor) / factor || 0;
    return rounded.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
}
