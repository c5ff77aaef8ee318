/**
 * Shocks, measures and scenarios. Each effect is lowered to the static set of things it
 * touches (lines, outlets, slots), so the engine only multiplies factors when it is active.
 */
import type { AstNode } from 'langium';
import {
    isAdd,
    isDelay,
    isDemandChange,
    isEmbargo,
    isMeasure,
    isOutage,
    isPlant,
    isRecycle,
    isRelease,
    isShock,
    isSubstitute,
    isSupplier,
    isSwitch,
    type Declaration,
    type Embargo,
    type Measure,
    type PlaceSelector,
    type Scenario,
    type Shock,
    type Timing
} from '../generated/ast.js';
import { dayNumberOf } from '../values/dates.js';
import type { LoweringContext } from './context.js';
import { DEST_CONSUMER, NO_PERIOD_AFTER, NO_PERIOD_BEFORE, type LoweredEffect, type LoweredEvent, type LoweredScenario, type Window } from './model.js';
import type { FrozenNetwork, NetworkBuilder } from './network.js';
import { lowerCosts } from './costs.js';
import { addDuration, durationDays, perPeriod, plain } from './units.js';

interface SwitchDraft {
    consumer: number;
    plant: number;
    materials: number[];
    suppliers: number;
    lines: number[];
}

/** Pass 1, before the network is frozen: switch measures add their lines. */
export function draftSwitchLines(ctx: LoweringContext, builder: NetworkBuilder, declarations: Declaration[]): Map<AstNode, SwitchDraft> {
    const drafts = new Map<AstNode, SwitchDraft>();
    for (const d of declarations) {
        if (!isMeasure(d)) continue;
        for (const action of d.actions) {
            if (!isSwitch(action)) continue;
            const consumer = ctx.consumer(action.consumer);
            const switcher = ctx.producer(action.consumer);
            const plant = consumer < 0 && switcher >= 0 && isPlant(ctx.producers[switcher]) ? switcher : -1;
            if (consumer < 0 && plant < 0) continue;
            const suppliers = action.suppliers.map(ref => ctx.producer(ref)).filter(p => p >= 0 && isSupplier(ctx.producers[p]));
            const materials = plant >= 0 ? builder.plantInputs(plant) : builder.neededMaterials(consumer);
            const lines: number[] = [];
            for (const material of materials) {
                for (const supplier of suppliers) {
                    if (builder.outlet(supplier, material) < 0) {
                        lines.push(-1);
                        continue;
                    }
                    lines.push(plant >= 0 ? builder.addPlantSwitchLine(supplier, material, plant) : builder.addSwitchLine(supplier, material, consumer));
                }
            }
            drafts.set(action, { consumer, plant, materials, suppliers: suppliers.length, lines });
        }
    }
    return drafts;
}

/** Pass 2: every shock and measure, in declaration order. */
export function lowerEvents(
    ctx: LoweringContext,
    net: FrozenNetwork,
    declarations: Declaration[],
    switches: Map<AstNode, SwitchDraft>
): { events: LoweredEvent[]; eventOf: Map<AstNode, number> } {
    const events: LoweredEvent[] = [];
    const eventOf = new Map<AstNode, number>();
    for (const d of declarations) {
        if (!isShock(d) && !isMeasure(d)) continue;
        eventOf.set(d, events.length);
        events.push({
            name: d.name,
            isShock: isShock(d),
            window: lowerWindow(ctx, d.timings[0]),
            effects: isShock(d) ? shockEffects(ctx, net, d) : measureEffects(ctx, net, d, switches),
            costs: lowerCosts(d)
        });
    }
    return { events, eventOf };
}

export function lowerScenarios(ctx: LoweringContext, declarations: Declaration[], eventOf: Map<AstNode, number>): LoweredScenario[] {
    return declarations
        .filter((d): d is Scenario => d.$type === 'Scenario')
        .map(s => ({
            name: s.name,
            probability: s.probability ? Math.max(0, plain(s.probability)) : null,
            events: s.members.map(m => eventOf.get(ctx.target(m) as AstNode)).filter((e): e is number => e !== undefined)
        }));
}

function lowerWindow(ctx: LoweringContext, timing: Timing | undefined): Window {
    const always: Window = { fromPeriod: NO_PERIOD_BEFORE, toPeriod: NO_PERIOD_AFTER, rampPeriods: 0 };
    const fromDay = dayNumberOf(timing?.start);
    if (!timing || fromDay === undefined) return always;
    const endDay = timing.duration ? addDuration(fromDay, timing.duration) : dayNumberOf(timing.end);
    return {
        fromPeriod: ctx.clock.atOrAfter(fromDay),
        toPeriod: endDay === undefined ? NO_PERIOD_AFTER : ctx.clock.atOrAfter(endDay),
        rampPeriods: durationDays(timing.ramp) / ctx.calendar.periodDays
    };
}

function shockEffects(ctx: LoweringContext, net: FrozenNetwork, shock: Shock): LoweredEffect[] {
    const effects: LoweredEffect[] = [];
    for (const e of shock.effects) {
        if (isEmbargo(e)) {
            effects.push({ kind: 'embargo', lines: embargoLines(ctx, net, e), cut: fraction(e.cut, 1) });
        } else if (isOutage(e)) {
            const producer = ctx.producer(e.node);
            const materials = materialSet(ctx, e.materials);
            const outlets: number[] = [];
            if (producer >= 0) {
                for (let o = net.producers.outletStart[producer]; o < net.producers.outletStart[producer + 1]; o++) {
                    if (!materials || materials.has(net.outlets.material[o])) outlets.push(o);
                }
            }
            effects.push({ kind: 'outage', outlets: Int32Array.from(outlets), cut: fraction(e.cut, 1) });
        } else if (isDemandChange(e)) {
            effects.push({ kind: 'demand', slots: consumerSlots(ctx, net, ctx.consumer(e.consumer), e.materials), change: Math.max(-1, plain(e.change)) });
        } else if (isDelay(e)) {
            const origin = placeSet(ctx, e.origin),
                destination = placeSet(ctx, e.destination);
            const lines: number[] = [];
            for (let l = 0; l < net.lines.realCount; l++) {
                if (inPlace(origin, net.lines.sourceRegion[l]) && inPlace(destination, net.lines.destRegion[l])) lines.push(l);
            }
            effects.push({ kind: 'delay', lines: Int32Array.from(lines), extraDays: durationDays(e.extra) });
        }
    }
    return effects;
}

function measureEffects(ctx: LoweringContext, net: FrozenNetwork, measure: Measure, switches: Map<AstNode, SwitchDraft>): LoweredEffect[] {
    const effects: LoweredEffect[] = [];
    for (const a of measure.actions) {
        if (isRelease(a)) {
            const reserve = ctx.reserve(a.reserve);
            if (reserve < 0) continue;
            const to = a.consumers.length > 0 ? a.consumers.map(ref => ctx.consumer(ref)).filter(c => c >= 0) : null;
            const rmSlots: number[] = [],
                served: number[] = [],
                servedStart = [0];
            for (let s = net.reserves.rmStart[reserve]; s < net.reserves.rmStart[reserve + 1]; s++) {
                rmSlots.push(s);
                if (to) {
                    for (const c of to) {
                        const cm = net.cmOf(c, net.rms.material[s]);
                        if (cm >= 0 && !served.slice(servedStart[servedStart.length - 1]).includes(cm)) served.push(cm);
                    }
                } else {
                    for (let i = net.rms.servedStart[s]; i < net.rms.servedStart[s + 1]; i++) served.push(net.rms.served[i]);
                }
                servedStart.push(served.length);
            }
            effects.push({
                kind: 'release',
                reserve,
                cap: a.rate ? perPeriod(a.rate, ctx.calendar.periodDays) : Infinity,
                rmSlots: Int32Array.from(rmSlots),
                servedStart: Int32Array.from(servedStart),
                served: Int32Array.from(served)
            });
        } else if (isSwitch(a)) {
            const draft = switches.get(a);
            if (!draft) continue;
            effects.push({
                kind: 'switch',
                consumer: draft.consumer,
                plant: draft.plant,
                delayPeriods: Math.max(0, Math.ceil(durationDays(a.delay) / ctx.calendar.periodDays - 1e-9)),
                slots: Int32Array.from(draft.materials, m => (draft.plant >= 0 ? net.bufferOf(draft.plant, m) : net.cmOf(draft.consumer, m))),
                suppliers: draft.suppliers,
                lines: Int32Array.from(draft.lines)
            });
        } else if (isRecycle(a)) {
            effects.push({ kind: 'recycle', slots: consumerSlots(ctx, net, ctx.consumer(a.consumer), a.materials), share: fraction(a.share, 0) });
        } else if (isSubstitute(a)) {
            effects.push({ kind: 'substitute', slots: consumerSlots(ctx, net, ctx.consumer(a.consumer), a.materials), share: fraction(a.share, 0) });
        } else if (isAdd(a)) {
            const producers: number[] = [],
                lines: number[] = [];
            for (const ref of a.nodes) {
                const p = ctx.producer(ref);
                if (p >= 0) producers.push(p);
                const f = ctx.flow(ref);
                if (f >= 0) lines.push(...(net.linesOfFlow.get(f) ?? []));
            }
            effects.push({ kind: 'add', producers: Int32Array.from(producers), lines: Int32Array.from(lines) });
        }
    }
    return effects;
}

function embargoLines(ctx: LoweringContext, net: FrozenNetwork, e: Embargo): Int32Array {
    const origin = placeSet(ctx, e.origin),
        destination = placeSet(ctx, e.destination);
    const materials = materialSet(ctx, e.materials);
    const stages = e.stages.length > 0 ? new Set<string>(e.stages) : null;
    const to = e.consumers.length > 0 ? new Set(e.consumers.map(ref => ctx.consumer(ref))) : null;
    const lines: number[] = [];
    const { lines: L } = net;
    for (let l = 0; l < L.count; l++) {
        if (!inPlace(origin, L.sourceRegion[l]) || !inPlace(destination, L.destRegion[l])) continue;
        if (materials && !materials.has(L.material[l])) continue;
        if (stages && !stages.has(ctx.materials[L.material[l]].stage ?? 'oxide')) continue;
        if (to && !(L.destKind[l] === DEST_CONSUMER && to.has(L.destNode[l]))) continue;
        lines.push(l);
    }
    return Int32Array.from(lines);
}

function consumerSlots(ctx: LoweringContext, net: FrozenNetwork, consumer: number, materialRefs: Parameters<typeof materialSet>[1]): Int32Array {
    if (consumer < 0) return new Int32Array(0);
    const materials = materialSet(ctx, materialRefs);
    const slots: number[] = [];
    for (let s = net.consumers.cmStart[consumer]; s < net.consumers.cmStart[consumer + 1]; s++) {
        if (!materials || materials.has(net.cms.material[s])) slots.push(s);
    }
    return Int32Array.from(slots);
}

/** null means every material (nothing listed). */
function materialSet(ctx: LoweringContext, refs: Embargo['materials']): Set<number> | null {
    return refs.length > 0 ? new Set(refs.map(ref => ctx.material(ref))) : null;
}

/** null means anywhere (`*`). */
function placeSet(ctx: LoweringContext, selector: PlaceSelector | undefined): Set<number> | null {
    if (!selector || selector.anywhere) return null;
    return new Set(ctx.placeRegions(selector.place));
}

function inPlace(place: Set<number> | null, region: number): boolean {
    return place === null || place.has(region);
}

/** A share 0-1 (percent as written, clamped); `fallback` when not written. */
function fraction(amount: Parameters<typeof plain>[0], fallback: number): number {
    if (!amount) return fallback;
    return Math.min(1, Math.max(0, plain(amount, fallback)));
}
