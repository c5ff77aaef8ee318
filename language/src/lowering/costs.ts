/**
 * `cost` clauses of measures: one-off money (paid when the measure first becomes active) and
 * running money per day (paid for every active period, pro rata). A range counts as its
 * midpoint; only an uncertainty run would draw it, and costs take no part in those.
 */
import { isMeasure, type CostClause, type Declaration } from '../generated/ast.js';
import { amountValue, days, SCALE } from '../values/quantities.js';
import type { MeasureCost } from './model.js';

export function lowerCosts(declaration: Declaration): MeasureCost[] {
    if (!isMeasure(declaration)) return [];
    const costs: MeasureCost[] = [];
    for (const clause of declaration.costs ?? []) {
        const cost = lowerCost(clause);
        if (cost) costs.push(cost);
    }
    return costs;
}

/** Undefined while the clause is incomplete or invalid (validation reports it). */
function lowerCost(clause: CostClause): MeasureCost | undefined {
    const currency = clause.money?.currency;
    const value = amountValue(clause.value);
    if (!currency || value === undefined || !Number.isFinite(value) || value < 0 || clause.value.unit || clause.value.percent) return undefined;
    const amount = value * (clause.money?.scale ? (SCALE[clause.money.scale] ?? 1) : 1);
    if (!Number.isFinite(amount)) return undefined;
    if (clause.per === undefined) return { currency, oneOff: amount, perDay: 0 };
    const perDays = days(1, clause.per);
    if (!(perDays > 0) || clause.per.includes('/') || clause.per === 't' || clause.per === 'kt') return undefined;
    return { currency, oneOff: 0, perDay: amount / perDays };
}

/** Every currency the model prices losses (consumers, in order) or costs (measures, in order) in. */
export function moneyCurrencies(lossCurrencies: readonly (string | null)[], costs: readonly MeasureCost[][]): string[] {
    const seen = new Set<string>();
    for (const c of lossCurrencies) if (c) seen.add(c);
    for (const list of costs) for (const cost of list) seen.add(cost.currency);
    return [...seen];
}
