/**
 * Targets judged in one scenario. Stock-like metrics (dependency, hhi, cover) are read in the
 * period containing `by` (the last period without it); flow-like ones (unmet, fill, loss)
 * add up from the first period through that one (the whole horizon without `by`).
 */
import { isoDate } from '../values/dates.js';
import type { LoweredCondition, LoweredModel } from '../lowering/model.js';
import { coverDays, hhi, originTotals, r2, r3, r6, shareFrom, slotsOf, sumSeries } from './metrics.js';
import type { ModelIndex } from './model-index.js';
import type { ConditionResult, TargetResult } from './results.js';
import type { RunState } from './run-state.js';

export function judgeTargets(model: LoweredModel, ws: RunState, index: ModelIndex, scenario: string): Record<string, TargetResult> {
    const result: Record<string, TargetResult> = {};
    for (const target of model.targets) {
        const judged = target.conditions
            .filter(c => c.scenarios === null || c.scenarios.includes(scenario))
            .map(c => judgeCondition(model, ws, index, c));
        if (judged.length === 0) continue;
        const deciding = judged.find(c => !c.pass) ?? judged[0];
        result[target.name] = {
            value: deciding.value, pass: judged.every(c => c.pass), op: deciding.op, threshold: deciding.threshold,
            judgedAt: deciding.judgedAt, unit: deciding.unit, scenario, condition: deciding.condition, conditions: judged
        };
    }
    return result;
}

const FLOW_LIKE = new Set(['unmet', 'fill', 'loss']);

function judgeCondition(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition): ConditionResult {
    const T = ws.periods;
    const period = c.byPeriod >= 0 ? c.byPeriod : T - 1;
    const judgedAt = FLOW_LIKE.has(c.metric) && c.byPeriod < 0 ? null : isoDate(model.calendar.periodStart[period]);
    const { value, unit } = metricValue(model, ws, index, c, period);
    return {
        condition: c.text, value, pass: value !== null && compare(value, c.op, c.threshold),
        op: c.op, threshold: c.threshold, judgedAt, unit
    };
}

function metricValue(model: LoweredModel, ws: RunState, index: ModelIndex, c: LoweredCondition, period: number): { value: number | null, unit: string } {
    const T = ws.periods;
    const consumers = subjectConsumers(model, index, c);
    switch (c.metric) {
        case 'dependency':
        case 'hhi': {
            const totals = originTotals(model, ws, subjectLines(model, index, c), ws.snapshotOf[period], c.material);
            return c.metric === 'hhi' ? { value: r2(hhi(totals)), unit: 'hhi' } : { value: r6(shareFrom(totals, c.origin)), unit: 'share' };
        }
        case 'cover': {
            if (c.subject.kind === 'reserve') {
                const { reserves, rms } = model;
                let stock = 0, daily = 0;
                for (let s = reserves.rmStart[c.subject.index]; s < reserves.rmStart[c.subject.index + 1]; s++) {
                    if (c.material >= 0 && rms.material[s] !== c.material) continue;
                    stock += ws.sRmStock[s * T + period];
                    daily += rms.servedDailyNeed[s];
                }
                return { value: daily > 0 ? r3(stock / daily) : null, unit: 'days' };
            }
            const cover = coverDays(model, ws, index, slotsOf(model, consumers, c.material), period);
            return { value: cover === null ? null : r3(cover), unit: 'days' };
        }
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
        case '<=': return value <= threshold;
        case '<': return value < threshold;
        case '>=': return value >= threshold;
        case '>': return value > threshold;
    }
}
