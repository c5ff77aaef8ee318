import type { Amount } from '../generated/ast.js';

/**
 * Numbers, units and their conversions. One place for the arithmetic of units, used by
 * validation (is this the right kind of unit?), lowering (to tonnes per period) and
 * the language server (inlay hints).
 */

export const DAYS_PER_YEAR = 365;
export const DAYS_PER_MONTH = 365 / 12;
export const DAYS_PER_WEEK = 7;

/** `1_478`, `1.2e3`, `-5` -> number; NaN for text that is not a number. */
export function parseNumber(text: string): number {
    return Number(text.replace(/_/g, ''));
}

export type UnitKind = 'mass' | 'rate' | 'duration' | 'none';

export function unitKind(unit: string | undefined): UnitKind {
    if (!unit) return 'none';
    if (unit.includes('/')) return 'rate';
    if (unit === 't' || unit === 'kt') return 'mass';
    return 'duration';
}

const TONNES_PER: Record<string, number> = { t: 1, kt: 1000 };
const DAYS_PER: Record<string, number> = {
    day: 1,
    days: 1,
    week: DAYS_PER_WEEK,
    weeks: DAYS_PER_WEEK,
    month: DAYS_PER_MONTH,
    months: DAYS_PER_MONTH,
    yr: DAYS_PER_YEAR,
    year: DAYS_PER_YEAR,
    years: DAYS_PER_YEAR
};

/** Tonnes in `value unit` for a mass unit (`t`, `kt`). */
export function tonnes(value: number, unit: string): number {
    return value * (TONNES_PER[unit] ?? 1);
}

/** Days in `value unit` for a duration unit (`3 months`). */
export function days(value: number, unit: string): number {
    return value * (DAYS_PER[unit] ?? 1);
}

/** Tonnes per day for a rate unit (`18000 t/yr`). */
export function tonnesPerDay(value: number, unit: string): number {
    const [mass, period] = unit.split('/');
    return tonnes(value, mass) / (DAYS_PER[period] ?? 1);
}

export const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export interface NumericRange {
    low: number;
    high: number;
    /** What a plain (not sampled) run uses. */
    mid: number;
    isRange: boolean;
}

/**
 * The numeric value of an amount, with percentages as fractions (`76%` -> 0.76).
 * Undefined while the text is incomplete.
 */
export function amountRange(amount: Amount | undefined): NumericRange | undefined {
    if (!amount || amount.low === undefined) return undefined;
    const scale = isPercent(amount) ? 0.01 : 1;
    const low = parseNumber(amount.low) * scale;
    const high = amount.high !== undefined ? parseNumber(amount.high) * scale : low;
    if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
    return { low, high, mid: (low + high) / 2, isRange: amount.high !== undefined };
}

/** The plain-run value of an amount (a range's midpoint), percentages as fractions. */
export function amountValue(amount: Amount | undefined): number | undefined {
    return amountRange(amount)?.mid;
}

export function isPercent(amount: Amount): boolean {
    return amount.percent;
}

/**
 * Formats a number the way lenses and messages show it: `1,478`, `0.5`, `12.35`. The same
 * text as `toLocaleString('en-US', { maximumFractionDigits })` (the shortest decimal form
 * rounded half away from zero, thousands grouped, `-0` kept), without Intl: the first
 * Intl.NumberFormat of a process loads ICU's locale data, tens of milliseconds of a CLI run.
 */
export function formatNumber(value: number, maxFractionDigits = 2): string {
    if (!Number.isFinite(value)) return String(value);
    const sign = value < 0 || Object.is(value, -0) ? '-' : '';
    // The shortest round-trip digits d1 d2 ... and the number of digits before the point.
    const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
    const digits = mantissa.replace('.', '').split('').map(Number);
    let point = Number(exponent) + 1;
    const keep = point + maxFractionDigits;
    if (keep < digits.length) {
        const roundUp = keep >= 0 && digits[keep] >= 5;
        digits.length = Math.max(0, keep);
        if (roundUp) {
            let i = keep - 1;
            while (i >= 0 && digits[i] === 9) digits[i--] = 0;
            if (i >= 0) digits[i]++;
            else {
                digits.unshift(1);
                point++;
            }
        }
    }
    let whole = '',
        fraction = '';
    for (let i = 0; i < Math.max(point, digits.length); i++) {
        const digit = i < digits.length ? digits[i] : 0;
        if (i < point) whole += digit;
        else fraction += digit;
    }
    if (point < 0) fraction = '0'.repeat(-point) + fraction;
    whole = (whole.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+$)/g, ',');
    fraction = fraction.slice(0, maxFractionDigits).replace(/0+$/, '');
    return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The amount as written, for messages: `18000 t/yr`, `30%..35%`. */
export function amountText(amount: Amount): string {
    const pct = amount.percent ? '%' : '';
    const high = amount.high !== undefined ? `..${amount.high}${pct}` : '';
    const unit = amount.unit ? ` ${amount.unit}` : '';
    return `${amount.low}${pct}${high}${unit}`;
}
