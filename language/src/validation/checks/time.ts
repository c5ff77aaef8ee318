import type { ValidationAcceptor } from 'langium';
import type { Condition, Measure, Model, Shock, Timing } from '../../generated/ast.js';
import { isScenario, isTarget } from '../../generated/ast.js';
import { addMonths, dayNumberOf, isoDate, parseDate, toDayNumber } from '../../values/dates.js';
import { amountValue, days } from '../../values/quantities.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { Code } from '../codes.js';
import { code, Describe } from '../describe.js';

/** A file that declares scenarios or targets needs a horizon (here or in an import) to simulate them. */
export function checkNoHorizon(v: ChokepointValidator) {
    return (model: Model, accept: ValidationAcceptor): void => {
        const first = (model.declarations ?? []).find(d => (isScenario(d) || isTarget(d)) && d.name);
        if (!first || v.closureFacts(model).horizons.length > 0) return;
        accept(
            'warning',
            `This file declares ${isScenario(first) ? 'scenarios' : 'targets'} but neither it nor its imports has a horizon, ` +
                `so nothing can be simulated; add one such as ${code('horizon 2026-01 to 2028-12')}.`,
            { node: first, property: 'name', code: Code.NoHorizon }
        );
    };
}

/** Day numbers [start, end) of a timing; end is undefined when open-ended. */
export function timingSpan(timing: Timing): { start: number; end?: number } | undefined {
    const start = parseDate(timing.start);
    if (!start) return undefined;
    const startDay = toDayNumber(start);
    if (timing.end !== undefined) {
        const end = dayNumberOf(timing.end);
        return end === undefined ? undefined : { start: startDay, end };
    }
    const duration = timing.duration;
    const length = amountValue(duration);
    if (!duration || length === undefined || !duration.unit) return { start: startDay };
    // Whole months and years follow the calendar (`from 2026-02 for 3 months` ends on 2026-05-01).
    const months = /^month/.test(duration.unit) ? length : /^year/.test(duration.unit) ? length * 12 : undefined;
    const end = months !== undefined && Number.isInteger(months) ? toDayNumber(addMonths(start, months)) : startDay + Math.ceil(days(length, duration.unit));
    return { start: startDay, end };
}

/** A shock or measure whose whole timing lies outside the horizon never does anything. */
export function checkOutsideHorizon(v: ChokepointValidator) {
    return (node: Shock | Measure, accept: ValidationAcceptor): void => {
        const timing = node.timings?.[0];
        const horizon = timing && v.closureFacts(node).horizon;
        const span = timing && timingSpan(timing);
        if (!horizon || !span) return;
        const after = span.start >= horizon.endExclusive;
        const before = span.end !== undefined && span.end <= horizon.start;
        if (!after && !before) return;
        const runs = span.end !== undefined ? `runs from ${isoDate(span.start)} to ${isoDate(span.end)}` : `starts on ${isoDate(span.start)}`;
        accept(
            'warning',
            `${Describe(node)} ${runs}, entirely ${after ? 'after' : 'before'} the horizon (${horizon.text}), so it has no effect; ` +
                'move its dates or widen the horizon.',
            { node: timing, keyword: 'from', code: Code.OutsideHorizon }
        );
    };
}

/** `by DATE` within the horizon, or the target cannot be judged. */
export function checkTargetDate(v: ChokepointValidator) {
    return (condition: Condition, accept: ValidationAcceptor): void => {
        const by = dayNumberOf(condition.by);
        const horizon = by !== undefined && v.closureFacts(condition).horizon;
        if (!horizon || (by >= horizon.start && by < horizon.endExclusive)) return;
        accept(
            'warning',
            `${Describe(condition.$container)} is judged by ${condition.by}, ${by < horizon.start ? 'before' : 'after'} the horizon ` +
                `(${horizon.text}), so it cannot be judged; pick a date within the horizon.`,
            { node: condition, property: 'by', code: Code.TargetDateOutsideHorizon }
        );
    };
}
