/**
 * The marginal value of every measure: each scenario S that includes a measure M is run once
 * more without M (all else equal), and M's value in S is what S gains over that run. Expected
 * values weigh the scenarios that include M by their probability (scenarios without one are
 * left out, as in the results' `expected`). Planning and valuing are apart from running, so
 * the runs can go one by one or to a worker pool.
 */
import { r2, r3, r6 } from '../engine/metrics.js';
import { shockStartPeriod } from '../engine/simulate.js';
import type { LoweredModel, LoweredScenario } from '../lowering/model.js';
import type { ScenarioResult } from '../engine/results.js';
import { horizonCost, roundMoney, zeroMoney, type Money } from './costs.js';
import { familyOf, type RunFamily } from './run-families.js';
import type { RunSummary } from './summary.js';

export interface ScenarioMeasureValue {
    unmetAvoided: number;
    lossAvoided: Money;
    /** Change in the smallest ttsDays over consumers; null when neither run has a stockout. */
    ttsGainedDays: number | null;
    cost: Money;
}

export interface ExpectedMeasureValue {
    unmetAvoided: number;
    lossAvoided: Money;
    cost: Money;
    net: Money;
    /** Expected loss avoided ÷ expected cost, in one currency; null otherwise or at 0 cost. */
    ratio: number | null;
}

export interface MeasureValue {
    cost: Money;
    scenarios: Record<string, ScenarioMeasureValue>;
    expected: ExpectedMeasureValue;
}

/** The runs the values need: each scenario with measures as it is, then without each measure. */
export interface MeasurePlan {
    scenarios: LoweredScenario[];
    /** Event lists to run, in order. */
    runs: number[][];
    /** The same runs, scenario by scenario, each family sharing the scenario's first periods (run-families.ts). */
    families: RunFamily[];
    /** Per scenario: the run of S itself and, per measure event, the run without it. */
    slots: { own: number; without: Map<number, number>; shocksAlone: number }[];
}

/**
 * Scenarios counted: all of them, or only `only` (the baseline has no measures). Without
 * `withOwn`, the scenarios' own runs are not planned (`own` is -1): the caller has them from
 * the main simulation and passes them to `measureValuesFrom`.
 */
export function planMeasureValues(model: LoweredModel, only?: string, withShocksAlone = false, withOwn = true): MeasurePlan {
    const scenarios = only === undefined ? model.scenarios : model.scenarios.filter(s => s.name === only);
    const runs: number[][] = [];
    const families: RunFamily[] = [];
    const slots: MeasurePlan['slots'] = [];
    for (const scenario of scenarios) {
        const measures = [...new Set(scenario.events.filter(e => !model.events[e].isShock))];
        if (measures.length === 0) {
            slots.push({ own: -2, without: new Map(), shocksAlone: -1 });
            continue;
        }
        const own = withOwn ? runs.push(scenario.events) - 1 : -1;
        const without = new Map<number, number>();
        for (const m of measures) without.set(m, runs.push(scenario.events.filter(e => e !== m)) - 1);
        const shocksAlone = withShocksAlone ? runs.push(scenario.events.filter(e => model.events[e].isShock)) - 1 : -1;
        slots.push({ own, without, shocksAlone });
        families.push(familyOf(model, scenario.events, runs.slice(families.reduce((n, f) => n + f.runs.length, 0))));
    }
    return { scenarios, runs, families, slots };
}

/** Every measure of the model (declaration order) with its value in each scenario that includes it. */
export function measureValuesFrom(
    model: LoweredModel,
    plan: MeasurePlan,
    summaries: RunSummary[],
    ownRuns?: ReadonlyMap<string, RunSummary>
): Record<string, MeasureValue> {
    const values: Record<string, MeasureValue> = {};
    model.events.forEach((event, e) => {
        if (event.isShock) return;
        const cost = roundMoney(horizonCost(model, event));
        const scenarios: Record<string, ScenarioMeasureValue> = {};
        const weighted: { p: number; value: ScenarioMeasureValue }[] = [];
        plan.scenarios.forEach((scenario, i) => {
            const slot = plan.slots[i];
            const without = slot.without.get(e);
            if (without === undefined) return;
            const own = slot.own >= 0 ? summaries[slot.own] : ownRuns?.get(scenario.name);
            if (!own) return;
            const value = gain(model, scenario, own, summaries[without], cost);
            scenarios[scenario.name] = value;
            if (scenario.probability !== null) weighted.push({ p: scenario.probability, value });
        });
        values[event.name] = { cost, scenarios, expected: expectedValue(model, weighted) };
    });
    return values;
}

/** What the scenario's measures buy together: S against S's shocks alone. */
export function scenarioValuesFrom(model: LoweredModel, plan: MeasurePlan, summaries: RunSummary[]): Record<string, ScenarioMeasureValue> {
    const values: Record<string, ScenarioMeasureValue> = {};
    plan.scenarios.forEach((scenario, i) => {
        const slot = plan.slots[i];
        if (slot.own < 0 || slot.shocksAlone < 0) return;
        const measures = [...slot.without.keys()];
        const cost = zeroMoney(model);
        for (const m of measures) {
            const c = horizonCost(model, model.events[m]);
            for (const currency of Object.keys(c)) cost[currency] += c[currency];
        }
        values[scenario.name] = gain(model, scenario, summaries[slot.own], summaries[slot.shocksAlone], roundMoney(cost));
    });
    return values;
}

/** `withIt` against `withoutIt`, in the scenario's horizon. */
export function gain(model: LoweredModel, scenario: LoweredScenario, withIt: RunSummary, withoutIt: RunSummary, cost: Money): ScenarioMeasureValue {
    const lossAvoided = zeroMoney(model);
    for (const currency of Object.keys(lossAvoided)) lossAvoided[currency] = r2((withoutIt.loss[currency] ?? 0) - (withIt.loss[currency] ?? 0));
    return {
        unmetAvoided: r6(withoutIt.unmet - withIt.unmet),
        lossAvoided,
        ttsGainedDays: ttsGained(model, scenario.events, withIt.ttsDays, withoutIt.ttsDays),
        cost
    };
}

/**
 * The change in the smallest time to survive. When only one side has a stockout, the other
 * survives to the end of the horizon: the periods from the earliest shock's to the last,
 * inclusive, × the period length.
 */
export function ttsGained(model: LoweredModel, events: number[], withIt: number | null, withoutIt: number | null): number | null {
    if (withIt === null && withoutIt === null) return null;
    const start = shockStartPeriod(model, events);
    if (start === null) return null;
    const whole = (model.calendar.periods - start) * model.calendar.periodDays;
    return r3((withIt ?? whole) - (withoutIt ?? whole));
}

function expectedValue(model: LoweredModel, weighted: { p: number; value: ScenarioMeasureValue }[]): ExpectedMeasureValue {
    let unmetAvoided = 0;
    const lossAvoided = zeroMoney(model),
        cost = zeroMoney(model);
    for (const { p, value } of weighted) {
        unmetAvoided += p * value.unmetAvoided;
        for (const currency of Object.keys(lossAvoided)) {
            lossAvoided[currency] += p * (value.lossAvoided[currency] ?? 0);
            cost[currency] += p * (value.cost[currency] ?? 0);
        }
    }
    const net: Money = {};
    for (const currency of Object.keys(lossAvoided)) net[currency] = r2(lossAvoided[currency] - cost[currency]);
    return {
        unmetAvoided: r6(unmetAvoided),
        lossAvoided: roundMoney(lossAvoided),
        cost: roundMoney(cost),
        net,
        ratio: ratioOf(lossAvoided, cost)
    };
}

/**
 * Loss avoided per unit of cost, when both are in one currency: the cost is spent in exactly
 * one currency and no other currency has loss avoided. Null otherwise, or at 0 cost.
 */
export function ratioOf(lossAvoided: Money, cost: Money): number | null {
    const spent = Object.keys(cost).filter(c => r2(cost[c]) !== 0);
    if (spent.length !== 1) return null;
    const currency = spent[0];
    if (Object.keys(lossAvoided).some(c => c !== currency && r2(lossAvoided[c]) !== 0)) return null;
    const ratio = (lossAvoided[currency] ?? 0) / cost[currency];
    return Number.isFinite(ratio) ? r6(ratio) : null;
}

/** A scenario's summary from its full results (the main simulation), as `measureValuesFrom` takes it. */
export function summaryOfResult(model: LoweredModel, scenario: ScenarioResult): RunSummary {
    const loss: Money = zeroMoney(model);
    for (const [currency, value] of Object.entries(scenario.totals.loss)) loss[currency] = value;
    let ttsDays: number | null = null;
    for (const consumer of Object.values(scenario.consumers)) {
        for (const material of Object.values(consumer.materials)) {
            if (material.ttsDays !== null && (ttsDays === null || material.ttsDays < ttsDays)) ttsDays = material.ttsDays;
        }
    }
    return { unmet: scenario.totals.unmet, loss, ttsDays, consumerUnmet: [] };
}
