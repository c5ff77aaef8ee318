/**
 * How the extension writes numbers for people (status bar, quick picks, chart header): the
 * same conventions as the lenses — tonnes with thousands separators, shares as percentages,
 * money with a scale word and its currency.
 */

export function formatTonnes(tonnes: number): string {
    return `${formatNumber(tonnes, tonnes !== 0 && Math.abs(tonnes) < 10 ? 1 : 0)} t`;
}

/** 0.7625 -> `76.3%`. */
export function formatShare(fraction: number): string {
    return `${formatNumber(fraction * 100, 1)}%`;
}

const SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];

/** 457_230_000_000 JPY -> `457 billion JPY`; below a million the plain number. */
export function formatMoney(amount: number, currency: string): string {
    for (const [size, word] of SCALES) {
        if (Math.abs(amount) >= size && size >= 1e6) {
            const scaled = amount / size;
            return `${formatNumber(scaled, Math.abs(scaled) < 10 ? 2 : Math.abs(scaled) < 100 ? 1 : 0)} ${word} ${currency}`;
        }
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
