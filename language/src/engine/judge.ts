/**
 * Targets judged in one scenario. Stock-like metrics (dependency, hhi, cover) are read in the
 * period containing `by` (the last period without it); flow-like ones (unmet, fill, loss)
 * add up from the first period through that one (the whole horizon without `by`); `max` and
 * `min` take the extreme of the per-period values.
 */
import { isoDate } from '../values/dates.js';
import type { LoweredCondition, LoweredModel } from '../lowering/model.js';
import { coverDays, r2, r3, r6, slotsOf, sumSeries } from './metrics.js';
import { directAt, embeddedAt, hhiAt, shareFromAt } from './series.js';
import type { ModelIndex } from './model-index.js';
import type { ConditionResult, TargetResult } from './results.js';
import type { RunState } from './run-state.js';

export function judgeTargets(model: LoweredModel, ws: RunState, index: ModelIndex, scenario: string): Record<string, TargetResult> {
    const result: Record<string, TargetResult> = {};
    for (const target of model.targets) {
        const judged = target.conditions.filter(c => c.scenarios === null || c.scenarios.includes(scenario)).map(c => judgeCondition(model, ws, index, c));
        if (judged.length === 0) continue;
        // The first failing condition decides, else the first without a value, else the first.
        const deciding = judged.find(c => c.pass === false) ?? judged.find(c => c.pass === null) ?? judged[0];
        result[target.name] = {
            value: deciding.value,
            pass: deciding.pass,
            op: deciding.op,
            threshold: deciding.threshold,
            judgedAt: deciding.judgedAt,
            unit: deciding.unit,
            scenario,
            condition: deciding.condition,
            conditions: judged
        };
    }
    return result;
}

const FLOW_LIKE = new Set(['unmet', 'fill', 'loss']);

/**
 * Without `max`/`min`: stock-like metrics at `by` (or the end), falling back to the latest
 * earlier period with a value (a period without arrivals has no shares); flow-like ones add
 * up through that period. With `max`/`min`: the extreme of the per-period values from the
 * first period through `by` (or the end), periods without a value skipped, judged at the
 * earliest period where it occurs (metrics-v2 §1).
 */
function judgeCondition(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition): ConditionResult {
    const T = ws.periods;
    const last = c.byPeriod >= 0 ? c.byPeriod : T - 1;
    const dateOf = (t: number) => isoDate(model.calendar.periodStart[t]);
    const unit = metricUnit(model, ws, index, c, last);
    let value: number | null = null;
    let judgedAt: string | null;
    if (c.extreme !== null) {
        const at = perPeriodValue(model, ws, index, c);
        let best = -1;
        for (let t = 0; t <= last; t++) {
            const v = at(t);
            if (v === null) continue;
            if (value === null || (c.extreme === 'max' ? v > value : v < value)) {
                value = v;
                best = t;
            }
        }
        judgedAt = best >= 0 ? dateOf(best) : null;
    } else if (FLOW_LIKE.has(c.metric)) {
        value = metricValue(model, ws, index, c, last).value;
        judgedAt = c.byPeriod < 0 ? null : dateOf(last);
    } else {
        const at = perPeriodValue(model, ws, index, c);
        judgedAt = dateOf(last);
        for (let t = last; t >= 0; t--) {
            const v = at(t);
            if (v !== null) {
                value = v;
                judgedAt = dateOf(t);
                break;
            }
        }
    }
    const rounded = value === null ? null : roundIn(unit, value);
    return {
        condition: c.text,
        value: rounded,
        pass: rounded === null ? null : compare(rounded, c.op, c.threshold),
        op: c.op,
        threshold: c.threshold,
        judgedAt,
        unit
    };
}

function roundIn(unit: string, value: number): number {
    if (unit === 'share' || unit === 't') return r6(value);
    if (unit === 'days') return r3(value);
    return r2(value);
}

/** The unit of a condition's value: its metric's, and for loss the currency judged. */
function metricUnit(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition, period: number): string {
    switch (c.metric) {
        case 'dependency':
        case 'fill':
            return 'share';
        case 'hhi':
            return 'hhi';
        case 'cover':
            return 'days';
        case 'unmet':
            return 't';
        case 'loss':
            return metricValue(model, ws, index, c, period).unit;
    }
}

/** The metric's value in one period (null where it has none: no arrivals, no need). */
function perPeriodValue(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition): (t: number) => number | null {
    const T = ws.periods;
    const consumers = subjectConsumers(model, index, c);
    switch (c.metric) {
        case 'dependency':
        case 'hhi': {
            const lines = subjectLines(model, index, c);
            const totalsAt = (t: number) => (c.embedded ? embeddedAt(model, ws, lines, t, c.material) : directAt(model, ws, lines, t, c.material));
            return c.metric === 'hhi' ? t => hhiAt(totalsAt(t)) : t => shareFromAt(totalsAt(t), c.origin);
        }
        case 'cover': {
            if (c.subject.kind === 'reserve') {
                const { reserves, rms } = model;
                const r = c.subject.index;
                return t => {
                    let stock = 0,
                        daily = 0;
                    for (let s = reserves.rmStart[r]; s < reserves.rmStart[r + 1]; s++) {
                        if (c.material >= 0 && rms.material[s] !== c.material) continue;
                        stock += ws.sRmStock[s * T + t];
                        daily += rms.servedDailyNeed[s];
                    }
                    return daily > 0 ? stock / daily : null;
                };
            }
            const slots = slotsOf(model, consumers, c.material);
            return t => coverDays(model, ws, index, slots, t);
        }
        case 'unmet': {
            const slots = slotsOf(model, consumers, c.material);
            return t => {
                let u = 0;
                for (const s of slots) u += ws.sUnmet[s * T + t];
                return u;
            };
        }
        case 'fill': {
            // All the subject's consumers together: 1 − Σ unmet ÷ Σ need; no value without need.
            const slots = slotsOf(model, consumers, c.material);
            return t => {
                let need = 0,
                    unmet = 0;
                for (const s of slots) {
                    need += ws.sNeed[s * T + t];
                    unmet += ws.sUnmet[s * T + t];
                }
                return need > 0 ? 1 - unmet / need : null;
            };
        }
        case 'loss': {
            const currency = metricValue(model, ws, index, c, T - 1).unit;
            return t => {
                let loss = 0;
                for (const consumer of consumers) {
                    if (model.consumers.currency[consumer] !== currency) continue;
                    for (const s of slotsOf(model, [consumer])) loss += ws.sUnmet[s * T + t] * model.consumers.lossPerTonne[consumer];
                }
                return currency === 'money' ? null : loss;
            };
        }
    }
}

function metricValue(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition, period: number): { value: number | null; unit: string } {
    const T = ws.periods;
    const consumers = subjectConsumers(model, index, c);
    switch (c.metric) {
        case 'dependency':
        case 'hhi':
        case 'cover':
            return { value: perPeriodValue(model, ws, index, c)(period), unit: metricUnit(model, ws, index, c, period) };
        case 'unmet':
            return { value: r6(sumSeries(ws.sUnmet, slotsOf(model, consumers, c.material), T, period)), unit: 't' };
        case 'fill': {
            const slots = slotsOf(model, consumers, c.material);
            const need = sumSeries(ws.sNeed, slots, T, period);
            return { value: need > 0 ? r6(1 - sumSeries(ws.sUnmet, slots, T, period) / need) : 1, unit: 'share' };
        }
        case 'loss': {
            const byCurrency = new Map<string, number>();
            for (const consumer of consumers) {
                const currency = model.consumers.currency[consumer];
                if (!currency) continue;
                const value = sumSeries(ws.sUnmet, slotsOf(model, [consumer]), T, period) * model.consumers.lossPerTonne[consumer];
                byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + value);
            }
            // The threshold's currency; without one, the only currency there is.
            const currency = c.currency ?? (byCurrency.size === 1 ? [...byCurrency.keys()][0] : null);
            if (currency === null) return { value: byCurrency.size === 0 ? 0 : null, unit: 'money' };
            return { value: r2(byCurrency.get(currency) ?? 0), unit: currency };
        }
    }
}

/** Consumers a subject stands for: itself, those in a place, all, or those a reserve serves. */
function subjectConsumers(model: LoweredModel, index: ModelIndex, c: LoweredCondition): number[] {
    const s = c.subject;
    if (s.kind === 'consumer') return [s.index];
    if (s.kind === 'place') return index.placeConsumers[s.index];
    if (s.kind === 'all') return model.consumers.names.map((_, i) => i);
    const served = new Set<number>();
    const { reserves, rms, cms } = model;
    for (let rm = reserves.rmStart[s.index]; rm < reserves.rmStart[s.index + 1]; rm++) {
        for (let i = rms.servedStart[rm]; i < rms.servedStart[rm + 1]; i++) served.add(cms.consumer[rms.served[i]]);
    }
    return [...served].sort((a, b) => a - b);
}

/** Lines whose arrivals a dependency or hhi of the subject counts. */
function subjectLines(model: LoweredModel, index: ModelIndex, c: LoweredCondition): number[] {
    const s = c.subject;
    if (s.kind === 'consumer') return index.consumerLines[s.index];
    if (s.kind === 'place') return index.placeImports[s.index];
    if (s.kind === 'all') return index.allConsumerLines;
    const lines: number[] = [];
    const { reserves, rms } = model;
    for (let rm = reserves.rmStart[s.index]; rm < reserves.rmStart[s.index + 1]; rm++) {
        for (let i = rms.inStart[rm]; i < rms.inStart[rm + 1]; i++) lines.push(rms.inLines[i]);
    }
    return lines;
}

function compare(value: number, op: LoweredCondition['op'], threshold: number): boolean {
    switch (op) {
        case '<=':
            return value <= threshold;
        case '<':
            return value < threshold;
        case '>=':
            return value >= threshold;
        case '>':
            return value > threshold;
    }
}
