/**
 * Periods of a horizon: their first days, and the period of any date. Months step by calendar
 * month from the horizon's start day (Jan 31 -> Feb 28 -> Mar 31); weeks by 7 days; days by 1.
 */
import type { StepUnit } from './model.js';
import { addMonths, fromDayNumber, toDayNumber, type ParsedDate } from '../values/dates.js';
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from '../values/quantities.js';
import type { Calendar } from './model.js';

/** A horizon longer than this many periods is cut (a daily step over centuries is a typo). */
export const MAX_PERIODS = 20_000;

export class PeriodClock {
    readonly periodDays: number;
    private readonly start: ParsedDate;
    private readonly startDay: number;

    constructor(
        readonly step: StepUnit,
        startDay: number
    ) {
        this.startDay = startDay;
        this.start = fromDayNumber(startDay);
        this.periodDays = step === 'month' ? DAYS_PER_MONTH : step === 'week' ? DAYS_PER_WEEK : 1;
    }

    /** First day of period k (any integer k, also before the horizon). */
    startOf(k: number): number {
        if (this.step === 'month') return toDayNumber(addMonths(this.start, k));
        return this.startDay + k * (this.step === 'week' ? 7 : 1);
    }

    /** The period containing `day`: the largest k with startOf(k) <= day. */
    containing(day: number): number {
        let k: number;
        if (this.step === 'month') {
            const d = fromDayNumber(day);
            k = d.year * 12 + d.month - (this.start.year * 12 + this.start.month);
        } else {
            k = Math.floor((day - this.startDay) / (this.step === 'week' ? 7 : 1));
        }
        while (this.startOf(k) > day) k--;
        while (this.startOf(k + 1) <= day) k++;
        return k;
    }

    /** The first period starting on or after `day`: the smallest k with startOf(k) >= day. */
    atOrAfter(day: number): number {
        const k = this.containing(day);
        return this.startOf(k) === day ? k : k + 1;
    }

    calendar(endDay: number): Calendar {
        // The end date is the first day of the last period (inclusive); at least one period.
        const periods = Math.min(MAX_PERIODS, Math.max(1, this.containing(endDay) + 1));
        const periodStart = new Int32Array(periods + 1);
        for (let k = 0; k <= periods; k++) periodStart[k] = this.startOf(k);
        return { step: this.step, periodDays: this.periodDays, periods, periodStart };
    }
}
