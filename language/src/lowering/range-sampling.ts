/**
 * How lowering turns a written range (`1100..1300 t/month`) into one number. A plain run
 * takes the midpoint; an uncertainty run installs a picker that draws each range once per
 * sample. Lowering is synchronous, so a picker scoped around one `lowerDocument` call is
 * safe and keeps the many unit helpers free of an extra parameter.
 */
import type { Amount } from '../generated/ast.js';
import { amountRange, type NumericRange } from '../values/quantities.js';

export type RangePicker = (amount: Amount, range: NumericRange) => number;

let currentPicker: RangePicker | undefined;

/** Runs `lower` with `picker` deciding every range; plain numbers are never sampled. */
export function withRangePicker<T>(picker: RangePicker, lower: () => T): T {
    const previous = currentPicker;
    currentPicker = picker;
    try {
        return lower();
    } finally {
        currentPicker = previous;
    }
}

/** The value lowering uses for an amount: its midpoint, or the picker's draw for a range. */
export function pickValue(amount: Amount | undefined): number | undefined {
    const range = amountRange(amount);
    if (!range) return undefined;
    return currentPicker && range.isRange ? currentPicker(amount!, range) : range.mid;
}
