import type { ValidationAcceptor } from 'langium';
import type { CostClause } from '../../generated/ast.js';
import { unitKind } from '../../values/quantities.js';
import { Code } from '../codes.js';
import { code, describe } from '../describe.js';
import { checkCurrencyCode } from './units.js';

/**
 * `cost 39 billion JPY` (one-off) or `cost 1.2 billion JPY per year` (running): money needs a
 * currency, and a running cost is per a duration (per year, month, week or day). A negative
 * cost is caught by the value check of every amount (`negative-value`), one beyond the largest
 * supported value by its limit check (`out-of-range`, values/limits.ts).
 */
export function checkCostMoney(cost: CostClause, accept: ValidationAcceptor): void {
    const owner = describe(cost.$container);
    if (!cost.money?.currency) {
        accept('error', `\`cost\` in ${owner} needs a currency: write e.g. ${code('cost 39 billion JPY')} or ${code('cost 1.2 billion JPY per year')}.`, {
            node: cost,
            property: cost.money ? 'money' : 'value',
            code: Code.MoneyCurrency
        });
    } else {
        checkCurrencyCode(cost.money, accept);
    }
    if (cost.per !== undefined && unitKind(cost.per) !== 'duration') {
        accept(
            'error',
            `\`cost ... per\` in ${owner} must be a period (year, month, week or day): a running cost is money per year, not per ${code(cost.per)}.`,
            { node: cost, property: 'per', code: Code.UnitKind }
        );
    }
}
