import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Model, Scenario } from '../../generated/ast.js';
import { isScenario } from '../../generated/ast.js';
import { amountText, formatNumber, parseNumber } from '../../values/quantities.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';
import { Code } from '../codes.js';

/** A scenario's probability in percent (a range by its midpoint); undefined when not a valid percentage. */
function probabilityPercent(scenario: Scenario): number | undefined {
    const p = scenario.probability;
    if (!p || p.low === undefined || !p.percent) return undefined;
    const low = parseNumber(p.low);
    const high = p.high !== undefined ? parseNumber(p.high) : low;
    if (!Number.isFinite(low) || !Number.isFinite(high) || low < 0 || high < low || high > 100) return undefined;
    return (low + high) / 2;
}

/**
 * The probabilities of the scenarios of a file and its imports sum to 100%: above is an
 * error, anything else a warning with the sum. Reported once, at this file's first
 * scenario that has a probability.
 */
export function checkProbabilitySum(v: ChokepointValidator) {
    return (model: Model, accept: ValidationAcceptor): void => {
        const first = (model.declarations ?? []).find(d => isScenario(d) && probabilityPercent(d) !== undefined) as Scenario | undefined;
        if (!first) return;
        const all = v.closureFacts(model).scenarios.filter(s => s.probability);
        const parts = all
            .map(s => ({ scenario: s, percent: probabilityPercent(s) }))
            .filter((p): p is { scenario: Scenario; percent: number } => p.percent !== undefined);
        // A malformed probability is reported where it is; a sum without it would mislead.
        if (parts.length < all.length) return;
        const sum = parts.reduce((total, p) => total + p.percent, 0);
        if (Math.abs(sum - 100) < 1e-6) return;
        const listed =
            parts
                .slice(0, 12)
                .map(({ scenario, percent }) => {
                    const written = amountText(scenario.probability!);
                    const here = AstUtils.getDocument(scenario) === AstUtils.getDocument(model);
                    return `${scenario.name ?? '?'} ${written}${scenario.probability!.high !== undefined ? ` counts as ${formatNumber(percent)}%` : ''}${here ? '' : ' (imported)'}`;
                })
                .join(', ') + (parts.length > 12 ? `, and ${parts.length - 12} more` : '');
        const total = `${formatNumber(sum)}%`;
        if (sum > 100) {
            accept('error', `Scenario probabilities sum to ${total}, more than 100% (${listed}); lower them so that they sum to 100%.`, {
                node: first,
                property: 'probability',
                code: Code.ProbabilitySumOver
            });
        } else {
            accept('warning', `Scenario probabilities sum to ${total}, not 100% (${listed}); adjust them so that they sum to 100%.`, {
                node: first,
                property: 'probability',
                code: Code.ProbabilitySum
            });
        }
    };
}
