import type { Amount } from '../../../../language/src/index.js';
import { unitKind } from '../../../../language/src/index.js';
import type { Expect } from '../../../../language/src/index.js';

/** The amount rewritten with another unit (`'%'`: as a percentage, `''`: bare). */
export function rewriteAmount(amount: Amount, unit: string): string {
    const percent = unit === '%';
    const low = `${amount.low}${percent ? '%' : ''}`;
    const high = amount.high !== undefined ? `..${amount.high}${percent ? '%' : ''}` : '';
    return `${low}${high}${unit && !percent ? ` ${unit}` : ''}`;
}

/** Units that would make the amount fit its place, best first (`'%'` and `''` as in `rewriteAmount`). */
export function replacementUnits(amount: Amount, expect: Expect): string[] {
    const unit = amount.unit;
    const kind = amount.percent ? 'percent' : unitKind(unit);
    const mass = kind === 'mass' ? unit! : kind === 'rate' ? unit!.split('/')[0] : 't';
    const one = Number(amount.low?.replace(/_/g, '')) === 1 && amount.high === undefined;
    switch (expect) {
        case 'rate':
            return [`${mass}/month`, `${mass}/yr`];
        case 'stock':
            return ['days', mass];
        case 'duration':
            return one ? ['month', 'day'] : ['months', 'days'];
        case 'number':
        case 'money':
            return [''];
        case 'percent':
        case 'signed-percent':
            return kind === 'percent' ? [] : ['%'];
    }
}
