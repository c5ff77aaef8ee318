/**
 * From a linked document (its import closure and the standard library) to the engine's
 * compact model. Never throws on odd input: what validation rejects becomes "nothing".
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { dayNumberOf } from '../values/dates.js';
import { PeriodClock } from './calendar.js';
import { orderedClosure } from './closure.js';
import { LoweringContext } from './context.js';
import { moneyCurrencies } from './costs.js';
import { draftSwitchLines, lowerEvents, lowerScenarios } from './events.js';
import { DEST_PLANT, type LoweredModel } from './model.js';
import { NetworkBuilder, type FrozenNetwork } from './network.js';
import { freezeNetwork } from './network-freeze.js';
import { lowerTargets, PlaceRegistry } from './targets.js';

export type Lowering =
    | { status: 'ok'; model: LoweredModel }
    /** No horizon (or one whose dates are not dates yet) along the closure. */
    | { status: 'no-horizon' };

export function lowerDocument(root: LangiumDocument, documents: LangiumDocuments): Lowering {
    const closure = orderedClosure(root, documents);
    const startDay = dayNumberOf(closure.horizon?.start);
    const endDay = dayNumberOf(closure.horizon?.end);
    if (startDay === undefined || endDay === undefined) return { status: 'no-horizon' };
    const step = closure.step?.unit === 'week' || closure.step?.unit === 'day' ? closure.step.unit : 'month';
    const clock = new PeriodClock(step, startDay);
    const calendar = clock.calendar(endDay);
    const { declarations } = closure;
    const ctx = new LoweringContext(clock, calendar, declarations);

    const builder = new NetworkBuilder(ctx);
    const switches = draftSwitchLines(ctx, builder, declarations);
    const net = freezeNetwork(builder);
    const { events, eventOf } = lowerEvents(ctx, net, declarations, switches);
    const scenarios = lowerScenarios(ctx, declarations, eventOf);
    const places = new PlaceRegistry(ctx);
    const targets = lowerTargets(ctx, places, declarations);

    const originRegions = Int32Array.from(new Set(net.producers.region.filter(r => r >= 0))).sort();
    const originSlotOfRegion = new Int32Array(ctx.regions.length).fill(-1);
    originRegions.forEach((r, slot) => {
        originSlotOfRegion[r] = slot;
    });

    let maxLeadDays = 0;
    for (let l = 0; l < net.lines.realCount; l++) maxLeadDays = Math.max(maxLeadDays, net.lines.leadDays[l]);
    for (const event of events) {
        for (const effect of event.effects) if (effect.kind === 'delay') maxLeadDays += effect.extraDays;
    }

    return {
        status: 'ok',
        model: {
            calendar,
            materialNames: ctx.materials.map(m => m.name),
            materialStages: ctx.materials.map(m => m.stage ?? 'oxide'),
            regionNames: ctx.regions.map(r => r.name),
            originRegions,
            originSlotOfRegion,
            producers: net.producers,
            outlets: net.outlets,
            inputs: net.inputs,
            buffers: net.buffers,
            plantInStart: net.plantInStart,
            plantInLines: net.plantInLines,
            plantOrder: plantOrder(net),
            consumers: net.consumers,
            cms: net.cms,
            reserves: net.reserves,
            rms: net.rms,
            lines: net.lines,
            events,
            scenarios,
            places: places.places,
            targets,
            maxLeadPeriods: leadPeriods(maxLeadDays, calendar.periodDays),
            currencies: moneyCurrencies(
                net.consumers.currency,
                events.map(e => e.costs)
            )
        }
    };
}

/** A lead in days as whole periods, rounded up (a hair of float noise does not add a period). */
export function leadPeriods(days: number, periodDays: number): number {
    return Math.max(0, Math.ceil(days / periodDays - 1e-9));
}

/**
 * Plants upstream before downstream (Kahn's order, ties by name). Plants on a cycle, which
 * validation reports, come last in name order.
 */
function plantOrder(net: FrozenNetwork): Int32Array {
    const { producers, lines } = net;
    const plants = producers.names.map((_, i) => i).filter(i => producers.isPlant[i]);
    const indegree = new Map<number, number>(plants.map(p => [p, 0]));
    const downstream = new Map<number, number[]>(plants.map(p => [p, []]));
    for (let l = 0; l < lines.realCount; l++) {
        const from = lines.producer[l];
        if (lines.destKind[l] !== DEST_PLANT || !producers.isPlant[from]) continue;
        const to = lines.destNode[l];
        if (from === to) continue;
        downstream.get(from)!.push(to);
        indegree.set(to, indegree.get(to)! + 1);
    }
    const byName = (a: number, b: number) => (producers.names[a] < producers.names[b] ? -1 : producers.names[a] > producers.names[b] ? 1 : a - b);
    const ready = plants.filter(p => indegree.get(p) === 0).sort(byName);
    const order: number[] = [];
    while (ready.length > 0) {
        const p = ready.shift()!;
        order.push(p);
        for (const q of downstream.get(p)!) {
            indegree.set(q, indegree.get(q)! - 1);
            if (indegree.get(q) === 0) {
                ready.push(q);
                ready.sort(byName);
            }
        }
    }
    const placed = new Set(order);
    order.push(...plants.filter(p => !placed.has(p)).sort(byName));
    return Int32Array.from(order);
}
