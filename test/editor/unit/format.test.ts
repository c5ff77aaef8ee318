import { describe, expect, test } from 'vitest';
import { formatLosses, formatMoney, formatNumber, formatShare, formatTonnes } from '../../../client/src/format.js';

describe('number formats', () => {
    test('tonnes: 3 significant figures below 1,000, whole with separators above, never 0 when not 0', () => {
        expect(formatTonnes(11643.6)).toBe('11,644 t');
        expect(formatTonnes(1478.4)).toBe('1,478 t');
        expect(formatTonnes(0)).toBe('0 t');
        expect(formatTonnes(2.46)).toBe('2.46 t');
        expect(formatTonnes(4.5)).toBe('4.5 t');
        expect(formatTonnes(12.34)).toBe('12.3 t');
        expect(formatTonnes(0.042)).toBe('0.042 t');
        expect(formatTonnes(0.3)).toBe('0.3 t');
        expect(formatTonnes(999.4)).toBe('999 t');
        expect(formatTonnes(999.6)).toBe('1,000 t');
        expect(formatTonnes(0.0004)).toBe('<0.001 t');
    });

    test('shares are percentages with one decimal', () => {
        expect(formatShare(0.7625)).toBe('76.3%');
        expect(formatShare(1)).toBe('100%');
    });

    test('money takes a scale word from a million up, with one decimal', () => {
        // 11,644 t × 195 million JPY = 2,270,580 million = 2.3 trillion.
        expect(formatMoney(11644 * 195e6, 'JPY')).toBe('2.3 trillion JPY');
        expect(formatMoney(340.64e9, 'JPY')).toBe('340.6 billion JPY');
        expect(formatMoney(12_500, 'EUR')).toBe('12,500 EUR');
        expect(formatLosses({ JPY: 0, USD: 0 })).toBe('no loss');
        expect(formatLosses({ USD: 2e6, JPY: 5e9 })).toBe('5 billion JPY, 2 million USD');
    });

    test('no minus zero and no NaN', () => {
        expect(formatNumber(-0.0001, 1)).toBe('0');
        expect(formatNumber(Number.NaN, 0)).toBe('—');
    });
});
