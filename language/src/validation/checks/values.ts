import type { AstNode, ValidationAcceptor } from 'langium';
import type { Amount, Horizon, Plant, Supplier, Timing } from '../../generated/ast.js';
import { isOffline, isOnline } from '../../generated/ast.js';
import { amountText, parseNumber } from '../../values/quantities.js';
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
        accept('error', `The range ${written} in ${owner} has its low end above its high end; write ${code(swapped)}.`,
            { node: amount, code: Code.RangeOrder });
        return;
    }
    if (signed) {
        const unsigned = [amount.low, amount.high].some(t => t !== undefined && !/^[+-]/.test(t) && parseNumber(t) !== 0);
        if (unsigned && amount.percent) {
            accept('error', `${label} in ${owner} needs a sign: write ${code(`+${amount.low}%`)} for a rise or ${code(`-${amount.low}%`)} for a fall.`,
                { node: amount, code: Code.DemandSign });
        } else if (amount.percent && low < -100) {
            accept('error', `${label} in ${owner} is ${written}: need cannot fall by more than 100%.`, { node: amount, code: Code.OutOfRange });
        }
        return;
    }
    if (place?.expect === 'percent' && amount.percent && high > 100) {
        accept('error', `${label} in ${owner} is ${written}; it must be between 0% and 100%.`, { node: amount, code: Code.OutOfRange });
    }
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
    accept('error', `In ${describe(timing.$container)}, \`until ${timing.end}\` is not after \`from ${timing.start}\`; the end must come after the start.`,
        { node: timing, property: 'end', code: Code.TimingOrder });
}

/** The horizon ends on or after its start. */
export function checkHorizonOrder(horizon: Horizon, accept: ValidationAcceptor): void {
    const start = dayNumberOf(horizon.start);
    const end = dayNumberOf(horizon.end);
    if (start === undefined || end === undefined || end >= start) return;
    accept('error', `The horizon ends (${horizon.end}) before it starts (${horizon.start}); the end must come after the start.`,
        { node: horizon, property: 'end', code: Code.HorizonOrder });
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
        accept('error', `${Describe(node)} goes offline (${offlines[0].date}) before it comes online (${onlines[0].date}); `
            + 'the offline date must come after the online date.', { node: offlines[0], property: 'date', code: Code.LifecycleOrder });
    }
}
