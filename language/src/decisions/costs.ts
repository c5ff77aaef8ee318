/**
 * What a measure costs in the model's horizon, per currency: its one-off costs once if it is
 * active in any period of the horizon, plus each running cost × its active periods × the
 * period's length. A period is active when its first day is in [from, end), the rule every
 * event follows (`from 2026-01-20 until 2026-04-10` is active in February, March and April).
 */
import type { LoweredEvent, LoweredModel, Window } from '../lowering/model.js';
import { r2 } from '../engine/metrics.js';

/** Money per currency, listing every currency of the model (0 where nothing is spent). */
export type Money = Record<string, number>;

export function zeroMoney(model: LoweredModel): Money {
    const money: Money = {};
    for (const currency of model.currencies) money[currency] = 0;
    return money;
}

/** Periods of the horizon in which the window is active. */
export function activePeriods(model: LoweredModel, window: Window): number {
    const from = Math.max(0, window.fromPeriod);
    const to = Math.min(model.calendar.periods, window.toPeriod);
    return Math.max(0, to - from);
}

/** A measure's cost in the horizon, unrounded. */
export function horizonCost(model: LoweredModel, event: LoweredEvent): Money {
    const money = zeroMoney(model);
    const periods = activePeriods(model, event.window);
    if (periods === 0) return money;
    for (const cost of event.costs) {
        money[cost.currency] += cost.oneOff + cost.perDay * periods * model.calendar.periodDays;
    }
    return money;
}

/** Σ of several measures' costs in the horizon, rounded to cents. */
export function portfolioCost(model: LoweredModel, events: readonly number[]): Money {
    const money = zeroMoney(model);
    for (const e of events) {
        const cost = horizonCost(model, model.events[e]);
        for (const currency of Object.keys(cost)) money[currency] += cost[currency];
    }
    return roundMoney(money);
}

export function roundMoney(money: Money): Money {
    const rounded: Money = {};
    for (const [currency, value] of Object.entries(money)) rounded[currency] = r2(value);
    return rounded;
}

/** The currencies a measure has a `cost` clause in (declared order, once each). */
export function costCurrencies(event: LoweredEvent): string[] {
    return [...new Set(event.costs.map(c => c.currency))];
}

/** Every measure's cost in the horizon, by name, rounded to cents. */
export function measureCosts(model: LoweredModel): Record<string, Money> {
    const costs: Record<string, Money> = {};
    for (const event of model.events) if (!event.isShock) costs[event.name] = roundMoney(horizonCost(model, event));
    return costs;
}
