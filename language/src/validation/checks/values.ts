import type { AstNode, ValidationAcceptor } from 'langium';
import type { Amount, Horizon, Plant, Supplier, Timing } from '../../generated/ast.js';
import { isCondition, isCostClause, isCoverMetric, isDelay, isLossClause, isLossMetric, isOffline, isOnline, isUnmetMetric } from '../../generated/ast.js';
import type { LimitKind } from '../../values/limits.js';
import { limitProblem, SMALLEST_TEXT } from '../../values/limits.js';
import { MAX_PERIODS, PeriodClock } from '../../lowering/calendar.js';
import { amountText, formatNumber, parseNumber } from '../../values/quantities.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { dateProblem, dayNumberOf } from '../../values/dates.js';
import { Code } from '../codes.js';
import { code, describe, Describe, ownerOf } from '../describe.js';
import { placeOf } from '../places.js';
import { placeLabel } from './units.js';

/**
 * Values that cannot be: negative quantities, percentages outside 0-100% (or a demand fall
 * beyond -100%), a demand change without a sign, ranges whose low end is above the high end.
 * One diagnostic per amount, the most basic problem first.
 */
export function checkAmountValues(amount: Amount, accept: ValidationAcceptor): void {
    if (amount.low === undefined) return;
    const place = placeOf(amount);
    const low = parseNumber(amount.low);
    const high = amount.high !== undefined ? parseNumber(amount.high) : low;
    if (!Number.isFinite(low) || !Number.isFinite(high)) return;
    const label = place ? placeLabel(amount, place.keyword) : 'The threshold';
    const owner = describe(ownerOf(amount));
    const written = code(amountText(amount));
    const signed = place?.expect === 'signed-percent';
    if (!signed && (low < 0 || high < 0)) {
        accept('error', `${label} in ${owner} is negative (${written}); write a value of 0 or more.`, { node: amount, code: Code.NegativeValue });
        return;
    }
    if (low > high) {
        const swapped = amountText({ ...amount, low: amount.high!, high: amount.low });
        accept('error', `The range ${written} in ${owner} has its low end above its high end; write ${code(swapped)}.`, {
            node: amount,
            code: Code.RangeOrder
        });
        return;
    }
    if (signed) {
        const unsigned = [amount.low, amount.high].some(t => t !== undefined && !/^[+-]/.test(t) && parseNumber(t) !== 0);
        if (unsigned && amount.percent) {
            accept('error', `${label} in ${owner} needs a sign: write ${code(`+${amount.low}%`)} for a rise or ${code(`-${amount.low}%`)} for a fall.`, {
                node: amount,
                code: Code.DemandSign
            });
        } else if (amount.percent && low < -100) {
            accept('error', `${label} in ${owner} is ${written}: need cannot fall by more than 100%.`, { node: amount, code: Code.OutOfRange });
        }
        return;
    }
    if (place?.expect === 'percent' && amount.percent && high > 100) {
        accept('error', `${label} in ${owner} is ${written}; it must be between 0% and 100%.`, { node: amount, code: Code.OutOfRange });
    }
}

/**
 * Every number within the largest value of its kind (values/limits.ts): `1e999` is not a
 * number, and `needs REE 1e308 t/month` would overflow once multiplied by days or a loss.
 */
export function checkAmountLimits(amount: Amount, accept: ValidationAcceptor): void {
    if (amount.low === undefined) return;
    const kind = limitKindOf(amount);
    const signed = kind === 'signed-percent' || isDelay(amount.$container);
    const scale =
        isLossClause(amount.$container) || isCondition(amount.$container) || isCostClause(amount.$container) ? amount.$container.money?.scale : undefined;
    for (const text of [amount.low, amount.high]) {
        if (text === undefined) continue;
        const value = parseNumber(text);
        if (Number.isNaN(value)) continue;
        const finite = Number.isFinite(value);
        // A negative value where none may be is `negative-value`'s; a percentage above 100% is checked above.
        // Dependency, fill and hhi thresholds have their own maximum (checkConditionThreshold).
        if (isCondition(amount.$container) && kind === undefined) return;
        if (finite && (kind === undefined || (value < 0 && !signed))) continue;
        const problem = kind
            ? limitProblem(kind, value, amount.unit, scale)
            : { largest: isCostClause(amount.$container) ? 'a finite number (write it with a scale word, e.g. `39 billion JPY`)' : '100%', tooSmall: false };
        if (!problem) continue;
        const place = placeOf(amount);
        const label = place ? placeLabel(amount, place.keyword) : 'The threshold';
        const written = code(amountText(amount));
        const message = !finite
            ? `${label} in ${describe(ownerOf(amount))} is ${written}, a number too large to compute with; the largest supported value here is ${problem.largest}.`
            : problem.tooSmall
              ? `${label} in ${describe(ownerOf(amount))} is ${written}, below the smallest supported non-zero value, ${SMALLEST_TEXT}; write 0 or a larger value.`
              : `${label} in ${describe(ownerOf(amount))} is ${written}, above the largest supported value here, ${problem.largest}.`;
        accept('error', message, { node: amount, code: Code.OutOfRange });
        return;
    }
}

function limitKindOf(amount: Amount): LimitKind | undefined {
    const container = amount.$container;
    if (isCondition(container)) {
        const metric = container.metric;
        if (isUnmetMetric(metric)) return 'threshold-tonnes';
        if (isCoverMetric(metric)) return 'threshold-days';
        if (isLossMetric(metric)) return 'threshold-money';
        return undefined;
    }
    if (isCostClause(container)) return 'cost';
    const expect = placeOf(amount)?.expect;
    return expect === 'percent' ? undefined : expect;
}

const DATE_PROPERTIES = ['start', 'end', 'date', 'by'] as const;

/** Dates are real calendar dates: no month 13, no 30 February. */
export function checkDates(node: AstNode, accept: ValidationAcceptor): void {
    for (const property of DATE_PROPERTIES) {
        const text = (node as unknown as Record<string, unknown>)[property];
        if (typeof text !== 'string') continue;
        const problem = dateProblem(text);
        if (problem) accept('error', `Invalid date: ${problem}.`, { node, property, code: Code.InvalidDate });
    }
}

/** `until` comes after `from`. */
export function checkTimingOrder(timing: Timing, accept: ValidationAcceptor): void {
    const start = dayNumberOf(timing.start);
    const end = dayNumberOf(timing.end);
    if (start === undefined || end === undefined || end > start) return;
    accept('error', `In ${describe(timing.$container)}, \`until ${timing.end}\` is not after \`from ${timing.start}\`; the end must come after the start.`, {
        node: timing,
        property: 'end',
        code: Code.TimingOrder
    });
}

/** The horizon ends on or after its start. */
export function checkHorizonOrder(horizon: Horizon, accept: ValidationAcceptor): void {
    const start = dayNumberOf(horizon.start);
    const end = dayNumberOf(horizon.end);
    if (start === undefined || end === undefined || end >= start) return;
    accept('error', `The horizon ends (${horizon.end}) before it starts (${horizon.start}); the end must come after the start.`, {
        node: horizon,
        property: 'end',
        code: Code.HorizonOrder
    });
}

/**
 * The horizon has at most MAX_PERIODS periods of the model's step: a longer one would be
 * simulated cut short, numbers for another horizon than the one written.
 */
export function checkHorizonLength(v: ChokepointValidator) {
    return (horizon: Horizon, accept: ValidationAcceptor): void => {
        const start = dayNumberOf(horizon.start);
        const end = dayNumberOf(horizon.end);
        if (start === undefined || end === undefined || end < start) return;
        const { steps } = v.closureFacts(horizon);
        const unit = steps[0]?.unit;
        const step = unit === 'week' || unit === 'day' ? unit : 'month';
        const periods = new PeriodClock(step, start).containing(end) + 1;
        if (periods <= MAX_PERIODS) return;
        accept(
            'error',
            `The horizon ${horizon.start} to ${horizon.end} is ${formatNumber(periods, 0)} ${step}s long; the longest supported horizon is ` +
                `${formatNumber(MAX_PERIODS, 0)} periods (${formatNumber(MAX_PERIODS, 0)} ${step}s): shorten it${step === 'month' ? '' : ' or use a longer `step`'}.`,
            { node: horizon, property: 'end', code: Code.HorizonTooLong }
        );
    };
}

/** At most one `online` and one `offline`, and offline after online. */
export function checkLifecycle(node: Supplier | Plant, accept: ValidationAcceptor): void {
    const lifecycle = node.lifecycle ?? [];
    const onlines = lifecycle.filter(isOnline);
    const offlines = lifecycle.filter(isOffline);
    for (const extra of [...onlines.slice(1), ...offlines.slice(1)]) {
        const keyword = isOnline(extra) ? 'online' : 'offline';
        accept('error', `${Describe(node)} has more than one \`${keyword}\`; keep one.`, { node: extra, code: Code.DuplicateClause });
    }
    const online = dayNumberOf(onlines[0]?.date);
    const offline = dayNumberOf(offlines[0]?.date);
    if (online !== undefined && offline !== undefined && offline <= online) {
        accept(
            'error',
            `${Describe(node)} goes offline (${offlines[0].date}) before it comes online (${onlines[0].date}); ` +
                'the offline date must come after the online date.',
            { node: offlines[0], property: 'date', code: Code.LifecycleOrder }
        );
    }
}
