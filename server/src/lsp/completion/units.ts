/**
 * Which units fit after the number being typed, read from the clause it belongs to: the
 * nearest keyword before the number on its line (`needs REE 1478 |` -> a rate), or, inside
 * a flow's braces, a flow volume.
 */
import type { StepUnit } from '../../../../language/src/index.js';

export type AmountPlace = 'rate' | 'quantity' | 'duration' | 'percent' | 'money' | 'days' | 'tonnes' | 'none' | 'unknown';

const RATE_UNITS = ['t/month', 't/yr', 'kt/yr', 't/week', 't/day', 'kt/month'];
const QUANTITY_UNITS = ['days', 't', 'kt', 'months', 'weeks'];
const DURATION_UNITS = ['months', 'month', 'days', 'weeks', 'years'];

const PLACE_OF_KEYWORD: Record<string, AmountPlace> = {
    produces: 'rate',
    makes: 'rate',
    needs: 'rate',
    release: 'rate',
    at: 'rate',
    stock: 'quantity',
    holds: 'quantity',
    lead: 'duration',
    ramp: 'duration',
    for: 'duration',
    after: 'duration',
    cut: 'percent',
    probability: 'percent',
    recycle: 'percent',
    substitute: 'percent',
    demand: 'percent',
    loss: 'money',
    cost: 'money'
};

const METRIC_THRESHOLD: Record<string, AmountPlace> = {
    dependency: 'percent',
    fill: 'percent',
    cover: 'days',
    unmet: 'tonnes',
    hhi: 'none',
    loss: 'money'
};

/** The place of the amount ending at the cursor, from the text of the line before it. */
export function amountPlace(lineBefore: string, insideFlowBlock: boolean): AmountPlace {
    const tokens: string[] = lineBefore.match(/[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9_.eE]*|<=|>=|->|\.\.|\S/g) ?? [];
    for (let i = tokens.length - 1; i >= 0; i--) {
        const token = tokens[i];
        if (token === '<=' || token === '>=' || token === '<' || token === '>') {
            const metric = tokens.slice(0, i).find(t => t in METRIC_THRESHOLD);
            return metric ? METRIC_THRESHOLD[metric] : 'unknown';
        }
        if (token === '+' && tokens.includes('delay')) return 'duration';
        if (token in PLACE_OF_KEYWORD) {
            // `release RESERVE to ... at RATE` vs a reserve's `release RATE`: both rates.
            // `from MAT COEF` in `makes`: a coefficient, no unit.
            if (token === 'for' && tokens.slice(0, i).some(t => t in METRIC_THRESHOLD)) return 'unknown';
            return PLACE_OF_KEYWORD[token];
        }
        if (token === 'from' && tokens.includes('makes')) return 'none';
        if (token === '{') return insideFlowBlock ? 'rate' : 'unknown';
    }
    return insideFlowBlock ? 'rate' : 'unknown';
}

/** Units (or `%`) to offer at a place, best first. */
export function unitsFor(place: AmountPlace, step: StepUnit): string[] {
    switch (place) {
        case 'rate':
            return [`t/${step}`, ...RATE_UNITS.filter(u => u !== `t/${step}`)];
        case 'quantity':
            return QUANTITY_UNITS;
        case 'duration':
            return DURATION_UNITS;
        case 'percent':
            return ['%'];
        case 'days':
            return ['days'];
        case 'tonnes':
            return ['t', 'kt'];
        case 'money':
            return [];
        case 'none':
            return [];
        default:
            return [...RATE_UNITS, ...QUANTITY_UNITS.filter(u => !RATE_UNITS.includes(u)), 'months', '%'];
    }
}
