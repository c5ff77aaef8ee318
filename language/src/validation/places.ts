import type { Amount } from '../generated/ast.js';
import { unitKind } from '../values/quantities.js';

/**
 * What each place that holds a number expects: a rate, a quantity or a duration, a
 * duration, a plain number or a percentage. One table, used by the unit and value checks.
 */
export type Expect = 'rate' | 'stock' | 'duration' | 'number' | 'percent' | 'signed-percent' | 'money';

export interface Place {
    expect: Expect;
    /** The keyword as written, for messages. */
    keyword: string;
    example: string;
}

const PLACES: Record<string, Place> = {
    'Produces.rate': { expect: 'rate', keyword: 'produces', example: '18000 t/yr' },
    'Makes.rate': { expect: 'rate', keyword: 'makes', example: '3400 t/yr' },
    'Needs.rate': { expect: 'rate', keyword: 'needs', example: '1478 t/month' },
    'FlowVolume.rate': { expect: 'rate', keyword: 'volume', example: '1127 t/month' },
    'ReleaseCap.rate': { expect: 'rate', keyword: 'release', example: '2000 t/month' },
    'Release.rate': { expect: 'rate', keyword: 'release ... at', example: '500 t/month' },
    'Stock.amount': { expect: 'stock', keyword: 'stock', example: '30 days' },
    'Holds.amount': { expect: 'stock', keyword: 'holds', example: '60 days' },
    'FlowVolume.lead': { expect: 'duration', keyword: 'lead', example: '1 month' },
    'Online.ramp': { expect: 'duration', keyword: 'online ... ramp', example: '12 months' },
    'Timing.duration': { expect: 'duration', keyword: 'for', example: '3 months' },
    'Timing.ramp': { expect: 'duration', keyword: 'ramp', example: '12 months' },
    'Switch.delay': { expect: 'duration', keyword: 'switch ... after', example: '3 months' },
    'Delay.extra': { expect: 'duration', keyword: 'delay', example: '+2 months' },
    'PlantInput.coefficient': { expect: 'number', keyword: 'from', example: '0.30' },
    'Embargo.cut': { expect: 'percent', keyword: 'cut', example: '50%' },
    'Outage.cut': { expect: 'percent', keyword: 'cut', example: '50%' },
    'DemandChange.change': { expect: 'signed-percent', keyword: 'demand', example: '+10%' },
    'Recycle.share': { expect: 'percent', keyword: 'recycle', example: '10%' },
    'Substitute.share': { expect: 'percent', keyword: 'substitute', example: '20%' },
    'Scenario.probability': { expect: 'percent', keyword: 'probability', example: '15%' },
    'LossClause.value': { expect: 'money', keyword: 'loss', example: '195 million JPY per t' },
    'CostClause.value': { expect: 'money', keyword: 'cost', example: '39 billion JPY' }
};

/** The place of an amount (by its container and property); undefined for target thresholds. */
export function placeOf(amount: Amount): Place | undefined {
    const container = amount.$container;
    return container ? PLACES[`${container.$type}.${amount.$containerProperty}`] : undefined;
}

export const EXPECTED_TEXT: Record<Expect, string> = {
    rate: 'a rate (t/yr, t/month, t/week, t/day or kt/yr)',
    stock: 'a quantity (t, kt) or a duration of need (days, weeks, months)',
    duration: 'a duration (days, weeks, months or years)',
    number: 'a plain number (t of input per t of output, no unit)',
    percent: 'a percentage',
    'signed-percent': 'a signed percentage',
    money: 'a plain number followed by a currency'
};

/** What an amount is, for messages: "a quantity", "a percentage". */
export function actualText(amount: Amount): string {
    if (amount.percent) return 'a percentage';
    switch (unitKind(amount.unit)) {
        case 'rate':
            return 'a rate';
        case 'mass':
            return 'a quantity';
        case 'duration':
            return 'a duration';
        default:
            return 'a plain number';
    }
}

/** Whether the amount has the kind of unit the place expects. */
export function fits(amount: Amount, expect: Expect): boolean {
    const kind = amount.percent ? 'percent' : unitKind(amount.unit);
    switch (expect) {
        case 'rate':
            return kind === 'rate';
        case 'stock':
            return kind === 'mass' || kind === 'duration';
        case 'duration':
            return kind === 'duration';
        case 'number':
        case 'money':
            return kind === 'none';
        case 'percent':
        case 'signed-percent':
            return kind === 'percent';
    }
}
