/**
 * Amounts as the engine wants them. Every function returns a finite number (0 for text that
 * is incomplete or of the wrong kind: validation reports those, lowering never throws).
 */
import type { Amount, Money } from '../generated/ast.js';
import { addMonths, fromDayNumber, toDayNumber } from '../values/dates.js';
import { pickValue } from './range-sampling.js';
import { days, DAYS_PER_MONTH, SCALE, tonnes, tonnesPerDay, unitKind } from '../values/quantities.js';

/**
 * A value, percentages as fractions: a range's midpoint (or, in an uncertainty run, its
 * draw); `fallback` when absent.
 */
export function plain(amount: Amount | undefined, fallback = 0): number {
    const value = pickValue(amount);
    return value === undefined || !Number.isFinite(value) ? fallback : value;
}

/** Tonnes per period for a rate (`18000 t/yr`); a bare number counts as tonnes per period. */
export function perPeriod(amount: Amount | undefined, periodDays: number): number {
    const value = plain(amount);
    const unit = amount?.unit;
    if (unitKind(unit) === 'rate') return nonNegative(tonnesPerDay(value, unit!) * periodDays);
    if (unitKind(unit) === 'mass') return nonNegative(tonnes(value, unit!));
    return nonNegative(value);
}

/** Days for a duration (`3 months` = 91.25); a bare number counts as days. */
export function durationDays(amount: Amount | undefined): number {
    const value = plain(amount);
    return nonNegative(unitKind(amount?.unit) === 'duration' ? days(value, amount!.unit!) : value);
}

/**
 * A quantity of stock: tonnes (`500 t`, `2 kt`) or days of a daily need (`30 days`).
 * A bare number counts as tonnes.
 */
export function stockTonnes(amount: Amount | undefined, dailyNeed: number): number {
    const value = plain(amount);
    const kind = unitKind(amount?.unit);
    if (kind === 'duration') return nonNegative(days(value, amount!.unit!) * dailyNeed);
    if (kind === 'mass') return nonNegative(tonnes(value, amount!.unit!));
    return nonNegative(value);
}

/** Money per tonne of a `loss` clause: `195 million JPY per t`. */
export function moneyPerTonne(amount: Amount | undefined, money: Money | undefined, per: string | undefined): number {
    const value = plain(amount) * (money?.scale ? (SCALE[money.scale] ?? 1) : 1);
    return nonNegative(per === 'kt' ? value / 1000 : value);
}

/** A money amount (`660 billion JPY`). */
export function moneyValue(amount: Amount | undefined, money: Money | undefined): number {
    return plain(amount) * (money?.scale ? (SCALE[money.scale] ?? 1) : 1);
}

/**
 * The day `amount` after `day`, by the calendar: months and years add calendar months
 * (a fraction of a month adds that share of 365/12 days), weeks and days add days.
 */
export function addDuration(day: number, amount: Amount | undefined): number {
    const value = Math.max(0, plain(amount));
    const unit = amount?.unit ?? 'days';
    const months = unit.startsWith('month') ? value : unit.startsWith('year') ? value * 12 : undefined;
    if (months !== undefined) {
        const whole = Math.floor(months);
        const shifted = toDayNumber(addMonths(fromDayNumber(day), whole));
        return shifted + Math.round((months - whole) * DAYS_PER_MONTH);
    }
    return day + Math.round(unitKind(unit) === 'duration' ? days(value, unit) : value);
}

function nonNegative(value: number): number {
    return Number.isFinite(value) && value > 0 ? value : 0;
}
