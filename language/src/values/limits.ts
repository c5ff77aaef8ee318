import { DAYS_PER_YEAR, days, SCALE, tonnes, tonnesPerDay, unitKind } from './quantities.js';

/**
 * The largest (and smallest non-zero) value each kind of quantity may have. Inside these
 * bounds every product the simulation forms (rate × days × loss per t, summed over 20,000
 * periods and every scenario) stays a finite double far from overflow, and every quotient
 * (cover = stock / need) too; docs/language.md ("Largest values") lists the same table.
 */
export const LIMITS = {
    /** Rates, in tonnes per year (any rate unit is converted first). */
    ratePerYear: 1e12,
    /** Quantities (stock, holdings), in tonnes. */
    tonnes: 1e12,
    /** Durations (lead, ramp, for, after, delay, stock or holdings in days), in days: 100 years. */
    days: 36_500,
    /** Plant input coefficients (t of input per t of output). */
    coefficient: 1e6,
    /** A demand rise, in percent (+10,000%: a hundredfold need). */
    demandRisePercent: 10_000,
    /** Money per tonne (`loss`), in units of its currency after the scale word. */
    moneyPerTonne: 1e15,
    /** A measure's cost (one-off or per year), in units of its currency after the scale word. */
    costMoney: 1e18,
    /** Tonnes and money in target thresholds. */
    thresholdTonnes: 1e15,
    thresholdMoney: 1e30,
    thresholdDays: 1e9,
    /**
     * The smallest non-zero rate (t/yr), quantity (t) or coefficient: one gram. Below it a
     * cover (stock / need) could overflow.
     */
    smallest: 1e-6
} as const;

/** Which limit applies: the kinds of places of validation/places.ts, plus target thresholds. */
export type LimitKind =
    'rate' | 'stock' | 'duration' | 'number' | 'signed-percent' | 'money' | 'cost' | 'threshold-tonnes' | 'threshold-days' | 'threshold-money';

export interface LimitProblem {
    /** `1,000,000,000,000 t/yr` */
    largest: string;
    /** True when the value is below the smallest non-zero value rather than above the largest. */
    tooSmall: boolean;
}

/**
 * Whether `value` (as written, in `unit`, with `scale` for money) is beyond its kind's limit.
 * Undefined when it is within, or when the unit does not fit the kind (the unit check says so).
 */
export function limitProblem(kind: LimitKind, value: number, unit: string | undefined, scale?: string): LimitProblem | undefined {
    if (!Number.isFinite(value)) return { largest: largestText(kind, unit), tooSmall: false };
    const magnitude = Math.abs(value);
    const canonical = canonicalValue(kind, magnitude, unit, scale);
    if (canonical === undefined) return undefined;
    if (canonical > maximum(kind, unit)) return { largest: largestText(kind, unit), tooSmall: false };
    const hasSmallest = kind === 'rate' || kind === 'number' || (kind === 'stock' && unitKind(unit) === 'mass');
    if (hasSmallest && canonical > 0 && canonical < LIMITS.smallest) return { largest: largestText(kind, unit), tooSmall: true };
    return undefined;
}

function canonicalValue(kind: LimitKind, magnitude: number, unit: string | undefined, scale: string | undefined): number | undefined {
    const unitOf = unitKind(unit);
    switch (kind) {
        case 'rate':
            return unitOf === 'rate' ? tonnesPerDay(magnitude, unit!) * DAYS_PER_YEAR : undefined;
        case 'stock':
            return unitOf === 'mass' ? tonnes(magnitude, unit!) : unitOf === 'duration' ? days(magnitude, unit!) : undefined;
        case 'duration':
            return unitOf === 'duration' ? days(magnitude, unit!) : undefined;
        case 'number':
            return magnitude;
        case 'signed-percent':
            return magnitude;
        case 'money':
            return magnitude * (scale ? (SCALE[scale] ?? 1) : 1);
        case 'cost':
            return magnitude * (scale ? (SCALE[scale] ?? 1) : 1);
        case 'threshold-tonnes':
            return unitOf === 'mass' ? tonnes(magnitude, unit!) : undefined;
        case 'threshold-days':
            return magnitude;
        case 'threshold-money':
            return magnitude * (scale ? (SCALE[scale] ?? 1) : 1);
    }
}

function maximum(kind: LimitKind, unit: string | undefined): number {
    switch (kind) {
        case 'rate':
            return LIMITS.ratePerYear;
        case 'stock':
            return unitKind(unit) === 'mass' ? LIMITS.tonnes : LIMITS.days;
        case 'duration':
            return LIMITS.days;
        case 'number':
            return LIMITS.coefficient;
        case 'signed-percent':
            return LIMITS.demandRisePercent;
        case 'money':
            return LIMITS.moneyPerTonne;
        case 'cost':
            return LIMITS.costMoney;
        case 'threshold-tonnes':
            return LIMITS.thresholdTonnes;
        case 'threshold-days':
            return LIMITS.thresholdDays;
        case 'threshold-money':
            return LIMITS.thresholdMoney;
    }
}

/** The largest value in words a strategist reads: `10^12 t/yr (1,000,000,000,000 t/yr)`. */
function largestText(kind: LimitKind, unit: string | undefined): string {
    switch (kind) {
        case 'rate':
            return '1,000,000,000,000 t/yr (10^12 t/yr, in any rate unit)';
        case 'stock':
            return unitKind(unit) === 'duration' ? '36,500 days (100 years)' : '1,000,000,000,000 t (10^12 t)';
        case 'duration':
            return '36,500 days (100 years)';
        case 'number':
            return '1,000,000 (t of input per t of output)';
        case 'signed-percent':
            return '+10,000%';
        case 'money':
            return '10^15 per t (1,000 trillion, after the scale word)';
        case 'cost':
            return '10^18 (1,000,000 trillion, after the scale word)';
        case 'threshold-tonnes':
            return '10^15 t';
        case 'threshold-days':
            return '1,000,000,000 days';
        case 'threshold-money':
            return '10^30 (after the scale word)';
    }
}

/** The smallest non-zero value, for messages. */
export const SMALLEST_TEXT = '0.000001 (one gram, for rates in t/yr, quantities in t and coefficients)';
