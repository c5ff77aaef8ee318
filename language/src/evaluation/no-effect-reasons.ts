/**
 * Why a measure changed nothing in a scenario (metrics-v2 §5), read from the scenario's run:
 * switch (no shortfall, delay past the shortfall, no spare capacity), release (no shortfall,
 * reserve empty), recycle / substitute / add (window outside the horizon or the shock, node
 * not connected to a consumer). Dates are periods as `YYYY-MM` (monthly) or days.
 */
import type { Engine } from '../engine/engine.js';
import type { ScenarioResult } from '../engine/results.js';
import { DEST_CONSUMER, DEST_PLANT, type LoweredEffect, type LoweredEvent, type LoweredModel } from '../lowering/model.js';
import { isoDate } from '../values/dates.js';

export function noEffectReason(
    model: LoweredModel,
    engine: Engine,
    scenario: Pick<ScenarioResult, 'name'>,
    event: LoweredEvent,
    effect: LoweredEffect
): string {
    const T = model.calendar.periods;
    const from = Math.max(0, event.window.fromPeriod),
        to = Math.min(T, event.window.toPeriod);
    const label = (t: number) => periodLabel(model, t);
    if (from >= to) return 'its window lies outside the horizon.';
    const ws = engine.ws;
    switch (effect.kind) {
        case 'switch':
            return switchReason(model, engine, effect, from, to);
        case 'release': {
            const reserve = model.reserves.names[effect.reserve];
            let short = false;
            for (const s of effect.served) for (let t = from; t < to && !short; t++) if (ws.sUnmet[s * T + t] > 0 || ws.sReleased[s * T + t] > 0) short = true;
            if (!short) return `the consumers it serves are never short while it is active.`;
            let stock = 0;
            for (const rm of effect.rmSlots) stock += from > 0 ? ws.sRmStock[rm * T + from - 1] : model.rms.initialStock[rm];
            if (stock <= 0) return `${reserve} is empty by ${label(from)}.`;
            return `${reserve} already releases as much under its own rule.`;
        }
        case 'recycle':
        case 'substitute': {
            if (effect.slots.length === 0) return 'the consumer does not need that material.';
            return `${consumerOf(model, effect.slots[0])} is never short while it is active (${label(from)} to ${label(to - 1)}).`;
        }
        case 'add': {
            const connected =
                Array.from(effect.producers).some(p => reachesConsumer(model, p)) ||
                Array.from(effect.lines).some(l => model.lines.destKind[l] === DEST_CONSUMER);
            if (!connected) return 'what it adds has no flow towards a consumer.';
            return `nothing it could supply is short while it is active (${label(from)} to ${label(to - 1)}); ${scenario.name} leaves no need it could meet.`;
        }
        default:
            return 'it changes no flow.';
    }
}

/**
 * Why a switch (of a consumer or a plant, metrics-v2 §4) drew nothing: its flows were never
 * short of their contracts, its suppliers were offline through the shortfall, its delay ran
 * past it, or its suppliers had no spare capacity.
 */
function switchReason(model: LoweredModel, engine: Engine, effect: Extract<LoweredEffect, { kind: 'switch' }>, from: number, to: number): string {
    const T = model.calendar.periods;
    const label = (t: number) => periodLabel(model, t);
    const ws = engine.ws;
    const isPlant = effect.plant >= 0;
    const switcher = isPlant ? model.producers.names[effect.plant] : model.consumers.names[effect.consumer];
    const shortfall = (t: number) => (isPlant ? ws.sPlantShortfall[effect.plant * T + t] : ws.sShortfall[effect.consumer * T + t]);
    let last = -1;
    for (let t = from; t < to; t++) if (shortfall(t) > 0) last = t;
    if (last < 0) return `${switcher}'s flows are never short of their contracts while it is active.`;
    const first = isPlant ? ws.plantFirstCut[effect.plant] : ws.firstCut[effect.consumer];
    const suppliers = [
        ...new Set(
            Array.from(effect.lines)
                .filter(l => l >= 0)
                .map(l => model.lines.producer[l])
        )
    ];
    const names = suppliers.map(p => model.producers.names[p]);
    // Offline through the whole shortfall: the supplier's life is the reason, whatever the delay.
    const offline =
        suppliers.length > 0 &&
        suppliers.every(p => {
            for (let t = Math.max(from, first); t <= last; t++) if (engine.availability(p, t) > 0) return false;
            return true;
        });
    if (offline) {
        const online = Math.min(...suppliers.map(p => model.producers.onlinePeriod[p]));
        const until = online > last && online < T ? `offline until ${label(online)}` : 'offline';
        return `${names.join(', ')} ${suppliers.length === 1 ? 'is' : 'are'} ${until} and the cut ends ${endLabel(model, last + 1)}.`;
    }
    const allowed = Math.max(from, first + effect.delayPeriods);
    if (allowed > last) {
        return `it may draw from ${label(allowed)} (${effect.delayPeriods} ${stepWord(model, effect.delayPeriods)} after the first shortfall, ${label(first)}) and the shortfall ends ${endLabel(model, last + 1)}.`;
    }
    return `${names.join(', ') || 'its suppliers'} ${suppliers.length === 1 ? 'has' : 'have'} no spare capacity from ${label(allowed)} to ${label(last)}.`;
}

function consumerOf(model: LoweredModel, slot: number): string {
    return model.consumers.names[model.cms.consumer[slot]];
}

/** Whether any flow from the producer leads (through plants) to a consumer. */
function reachesConsumer(model: LoweredModel, producer: number): boolean {
    const { lines } = model;
    const seen = new Set<number>([producer]);
    const queue = [producer];
    while (queue.length > 0) {
        const p = queue.pop()!;
        for (let l = 0; l < lines.realCount; l++) {
            if (lines.producer[l] !== p) continue;
            if (lines.destKind[l] === DEST_CONSUMER) return true;
            if (lines.destKind[l] === DEST_PLANT && !seen.has(lines.destNode[l])) {
                seen.add(lines.destNode[l]);
                queue.push(lines.destNode[l]);
            }
        }
    }
    return false;
}

function periodLabel(model: LoweredModel, t: number): string {
    const date = isoDate(model.calendar.periodStart[Math.max(0, Math.min(t, model.calendar.periods - 1))]);
    return model.calendar.step === 'month' ? date.slice(0, 7) : date;
}

/** When something ending after period t-1 ends: the first day of period t (past the horizon too). */
function endLabel(model: LoweredModel, t: number): string {
    const { calendar } = model;
    const day = t < calendar.periodStart.length ? calendar.periodStart[t] : calendar.periodStart[calendar.periodStart.length - 1];
    const date = isoDate(day);
    return calendar.step === 'month' ? date.slice(0, 7) : date;
}

function stepWord(model: LoweredModel, n: number): string {
    const word = model.calendar.step;
    return n === 1 ? word : `${word}s`;
}
