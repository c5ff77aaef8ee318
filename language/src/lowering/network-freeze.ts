/**
 * Freezing a drafted network into the lowered model's typed arrays, one named step per part:
 * producers, plant buffers and their inputs, consumer and reserve slots, the lines in the
 * order they are served, then the compressed rows of what flows into each slot.
 */
import { isPlant, type Online, type Offline } from '../generated/ast.js';
import { dayNumberOf } from '../values/dates.js';
import type { LoweringContext } from './context.js';
import {
    DEST_CONSUMER,
    DEST_PLANT,
    DEST_RESERVE,
    NO_PERIOD_AFTER,
    NO_PERIOD_BEFORE,
    PRIORITY_CLASSES,
    PRIORITY_NORMAL,
    type Buffers,
    type ConsumerMaterials,
    type Consumers,
    type Inputs,
    type Lines,
    type Outlets,
    type Producers,
    type ReserveMaterials,
    type Reserves
} from './model.js';
import { compare, consumerPriority, csr, key, servedConsumers, type FrozenNetwork, type LineDraft, type NetworkBuilder } from './network.js';
import { durationDays, moneyPerTonne, perPeriod } from './units.js';

/**
 * Freezes everything into typed arrays, step by step: producers, plant buffers and their
 * inputs, consumer and reserve slots, then the lines in serving order. Line indices are
 * renumbered by `orderLines`; the builder's `linesOfFlow` follows them.
 */
export function freezeNetwork(builder: NetworkBuilder): FrozenNetwork {
    return new Freezer(builder).freeze();
}

class Freezer {
    private readonly ctx: LoweringContext;

    constructor(private readonly net: NetworkBuilder) {
        this.ctx = net.ctx;
    }

    freeze(): FrozenNetwork {
        const producers = this.freezeProducers();
        const { buffers, bufferOf } = this.freezeBuffers();
        const { inputs, inputStart } = this.freezeInputs(bufferOf);
        const consumerSlots = this.freezeConsumers();
        const reserveSlots = this.freezeReserves(consumerSlots.cmOf, consumerSlots.slots.baseNeed);
        const { order, classStart } = this.orderLines();
        const slotOf: SlotLookups = { cm: consumerSlots.cmOf, rm: reserveSlots.rmOf, buffer: bufferOf };
        const lines = this.freezeLines(order, slotOf, producers, consumerSlots.consumers, reserveSlots.reserves);
        const outlets: Outlets = {
            producer: Int32Array.from(this.net.outlets, o => o.producer),
            material: Int32Array.from(this.net.outlets, o => o.material),
            capacity: Float64Array.from(this.net.outlets, o => o.capacity),
            inputStart,
            classStart
        };
        const ordered = Array.from({ length: lines.count }, (_, l) => l);
        const cms: ConsumerMaterials = {
            ...consumerSlots.slots,
            ...csr(consumerSlots.slots.consumer.length, ordered, l => (lines.destKind[l] === DEST_CONSUMER ? lines.destSlot[l] : -1))
        };
        const rms: ReserveMaterials = {
            ...reserveSlots.slots,
            ...csr(reserveSlots.slots.reserve.length, ordered, l => (lines.destKind[l] === DEST_RESERVE ? lines.destSlot[l] : -1))
        };
        const plantIn = csr(this.ctx.producers.length, ordered, l => (lines.destKind[l] === DEST_PLANT ? lines.destNode[l] : -1));
        const { cmOf } = consumerSlots,
            { rmOf } = reserveSlots;
        return {
            producers,
            outlets,
            inputs,
            buffers,
            consumers: consumerSlots.consumers,
            cms,
            reserves: reserveSlots.reserves,
            rms,
            lines,
            plantInStart: plantIn.inStart,
            plantInLines: plantIn.inLines,
            cmOf: (consumer, material) => cmOf.get(key(consumer, material)) ?? -1,
            rmOf: (reserve, material) => rmOf.get(key(reserve, material)) ?? -1,
            bufferOf: (plant, material) => bufferOf.get(key(plant, material)) ?? -1,
            linesOfFlow: this.net.linesOfFlow
        };
    }

    /** Producers with their lifecycle in periods; outlets are drafted producer by producer, so already grouped. */
    private freezeProducers(): Producers {
        const { ctx } = this;
        const producerCount = ctx.producers.length;
        const producers: Producers = {
            names: ctx.producers.map(p => p.name),
            isPlant: ctx.producers.map(p => isPlant(p)),
            region: Int32Array.from(ctx.producers, p => ctx.region(p.region)),
            planned: Uint8Array.from(ctx.producers, p => (p.planned ? 1 : 0)),
            onlinePeriod: new Int32Array(producerCount),
            rampPeriods: new Float64Array(producerCount),
            offlinePeriod: new Int32Array(producerCount),
            outletStart: new Int32Array(producerCount + 1)
        };
        ctx.producers.forEach((p, i) => {
            const online = p.lifecycle.find((l): l is Online => l.$type === 'Online');
            const offline = p.lifecycle.find((l): l is Offline => l.$type === 'Offline');
            const onlineDay = dayNumberOf(online?.date);
            const offlineDay = dayNumberOf(offline?.date);
            producers.onlinePeriod[i] = onlineDay === undefined ? NO_PERIOD_BEFORE : ctx.clock.containing(onlineDay);
            producers.rampPeriods[i] = onlineDay === undefined ? 0 : durationDays(online?.ramp) / ctx.calendar.periodDays;
            producers.offlinePeriod[i] = offlineDay === undefined ? NO_PERIOD_AFTER : ctx.clock.containing(offlineDay);
        });
        for (const o of this.net.outlets) producers.outletStart[o.producer + 1]++;
        for (let p = 0; p < producerCount; p++) producers.outletStart[p + 1] += producers.outletStart[p];
        return producers;
    }

    /** Plant buffers, grouped by plant. */
    private freezeBuffers(): { buffers: Buffers; bufferOf: Map<string, number> } {
        const bufferPlant: number[] = [],
            bufferMaterial: number[] = [];
        const bufferOf = new Map<string, number>();
        this.net.bufferDrafts.forEach((materials, plant) => {
            for (const material of materials.keys()) {
                bufferOf.set(key(plant, material), bufferPlant.length);
                bufferPlant.push(plant);
                bufferMaterial.push(material);
            }
        });
        return { buffers: { plant: Int32Array.from(bufferPlant), material: Int32Array.from(bufferMaterial) }, bufferOf };
    }

    /** Each outlet's inputs: the plant buffer it draws on and how much per tonne made. */
    private freezeInputs(bufferOf: Map<string, number>): { inputs: Inputs; inputStart: Int32Array } {
        const inputBuffer: number[] = [],
            inputCoefficient: number[] = [];
        const inputStart = new Int32Array(this.net.outlets.length + 1);
        this.net.outlets.forEach((o, i) => {
            for (const input of o.inputs) {
                inputBuffer.push(bufferOf.get(key(o.producer, input.material))!);
                inputCoefficient.push(input.coefficient);
            }
            inputStart[i + 1] = inputBuffer.length;
        });
        return { inputs: { buffer: Int32Array.from(inputBuffer), coefficient: Float64Array.from(inputCoefficient) }, inputStart };
    }

    /** Consumers and their material slots, grouped by consumer. */
    private freezeConsumers(): { consumers: Consumers; slots: Omit<ConsumerMaterials, 'inStart' | 'inLines'>; cmOf: Map<string, number> } {
        const { ctx } = this;
        const cmConsumer: number[] = [],
            cmMaterial: number[] = [],
            cmNeed: number[] = [],
            cmStock: number[] = [];
        const cmOf = new Map<string, number>();
        const cmStart = new Int32Array(ctx.consumers.length + 1);
        this.net.cmDrafts.forEach((slots, consumer) => {
            for (const [material, draft] of slots) {
                cmOf.set(key(consumer, material), cmConsumer.length);
                cmConsumer.push(consumer);
                cmMaterial.push(material);
                cmNeed.push(draft.need);
                cmStock.push(draft.stock);
            }
            cmStart[consumer + 1] = cmConsumer.length;
        });
        const consumers: Consumers = {
            names: ctx.consumers.map(c => c.name),
            region: Int32Array.from(ctx.consumers, c => ctx.region(c.region)),
            priority: Uint8Array.from(ctx.consumers, (_, i) => consumerPriority(ctx, i)),
            currency: ctx.consumers.map(c => c.losses[0]?.money?.currency ?? null),
            lossPerTonne: Float64Array.from(ctx.consumers, c =>
                c.losses[0]?.money ? moneyPerTonne(c.losses[0].value, c.losses[0].money, c.losses[0].per) : 0
            ),
            cmStart
        };
        const slots = {
            consumer: Int32Array.from(cmConsumer),
            material: Int32Array.from(cmMaterial),
            baseNeed: Float64Array.from(cmNeed),
            initialStock: Float64Array.from(cmStock)
        };
        return { consumers, slots, cmOf };
    }

    /** Reserves and their material slots, grouped by reserve, with the consumer slots each serves. */
    private freezeReserves(
        cmOf: Map<string, number>,
        baseNeed: Float64Array
    ): { reserves: Reserves; slots: Omit<ReserveMaterials, 'inStart' | 'inLines'>; rmOf: Map<string, number> } {
        const { ctx } = this;
        const rmReserve: number[] = [],
            rmMaterial: number[] = [],
            rmInitial: number[] = [];
        const rmOf = new Map<string, number>();
        const rmStart = new Int32Array(ctx.reserves.length + 1);
        this.net.rmDrafts.forEach((slots, reserve) => {
            for (const [material, draft] of slots) {
                rmOf.set(key(reserve, material), rmReserve.length);
                rmReserve.push(reserve);
                rmMaterial.push(material);
                rmInitial.push(draft.initial);
            }
            rmStart[reserve + 1] = rmReserve.length;
        });
        const servedLists = rmReserve.map((reserve, s) =>
            servedConsumers(ctx, reserve)
                .map(c => cmOf.get(key(c, rmMaterial[s])))
                .filter((x): x is number => x !== undefined)
        );
        const reserves: Reserves = {
            names: ctx.reserves.map(r => r.name),
            region: Int32Array.from(ctx.reserves, r => ctx.region(r.region)),
            releaseCap: Float64Array.from(ctx.reserves, r => (r.releases[0] ? perPeriod(r.releases[0].rate, ctx.calendar.periodDays) : Infinity)),
            rmStart
        };
        const servedStart = new Int32Array(rmReserve.length + 1);
        servedLists.forEach((list, s) => {
            servedStart[s + 1] = servedStart[s] + list.length;
        });
        const slots = {
            reserve: Int32Array.from(rmReserve),
            material: Int32Array.from(rmMaterial),
            initialStock: Float64Array.from(rmInitial),
            servedStart,
            served: Int32Array.from(servedLists.flat()),
            servedDailyNeed: Float64Array.from(servedLists, list => list.reduce((sum, s) => sum + baseNeed[s], 0) / ctx.calendar.periodDays)
        };
        return { reserves, slots, rmOf };
    }

    /**
     * Real lines are numbered in the order suppliers and plants serve them: by outlet, then
     * priority class, then a canonical order (source, destination, material names, text
     * order). So the period loop walks memory in order, and sums, hence results, do not
     * depend on where flows are declared. Lines of no outlet come next (switch lines, last,
     * are numbered by `freezeLines`). Returns the drafts in that order and each outlet's
     * class boundaries, and renumbers `linesOfFlow`.
     */
    private orderLines(): { order: number[]; classStart: Int32Array } {
        const { ctx } = this;
        const nameOfDest = (d: LineDraft) =>
            d.destKind === DEST_CONSUMER
                ? ctx.consumers[d.destNode].name
                : d.destKind === DEST_RESERVE
                  ? ctx.reserves[d.destNode].name
                  : ctx.producers[d.destNode].name;
        const canonical = this.net.lines
            .map((_, i) => i)
            .sort((a, b) => {
                const x = this.net.lines[a],
                    y = this.net.lines[b];
                return (
                    compare(ctx.producers[x.producer].name, ctx.producers[y.producer].name) ||
                    compare(nameOfDest(x), nameOfDest(y)) ||
                    compare(ctx.materials[x.material].name, ctx.materials[y.material].name) ||
                    x.order - y.order
                );
            });
        const classStart = new Int32Array(this.net.outlets.length * (PRIORITY_CLASSES + 1));
        const served: number[] = [];
        const byOutlet: number[][] = this.net.outlets.map(() => []);
        const unserved: number[] = [];
        for (const d of canonical) {
            const o = this.net.outlet(this.net.lines[d].producer, this.net.lines[d].material);
            if (o >= 0) byOutlet[o].push(d);
            else unserved.push(d);
        }
        byOutlet.forEach((list, o) => {
            for (let c = 0; c < PRIORITY_CLASSES; c++) {
                classStart[o * (PRIORITY_CLASSES + 1) + c] = served.length;
                for (const d of list) if (this.net.lines[d].priority === c) served.push(d);
            }
            classStart[o * (PRIORITY_CLASSES + 1) + PRIORITY_CLASSES] = served.length;
        });
        const order = [...served, ...unserved];
        const indexOfDraft = new Int32Array(this.net.lines.length);
        order.forEach((d, l) => {
            indexOfDraft[d] = l;
        });
        for (const [flow, list] of this.net.linesOfFlow)
            this.net.linesOfFlow.set(
                flow,
                list.map(d => indexOfDraft[d])
            );
        return { order, classStart };
    }

    /** The lines as typed arrays: the real ones in `order`, then the switch lines. */
    private freezeLines(order: number[], slotOf: SlotLookups, producers: Producers, consumers: Consumers, reserves: Reserves): Lines {
        const { ctx } = this;
        const realCount = this.net.lines.length;
        const count = realCount + this.net.switchLines.length;
        const drafts: LineDraft[] = order.map(d => this.net.lines[d]);
        drafts.push(
            ...this.net.switchLines.map((s, i) =>
                s.plant
                    ? {
                          // A plant re-sourcing its inputs: into its buffer, as a normal-priority destination.
                          producer: s.producer,
                          material: s.material,
                          volume: 0,
                          leadDays: 0,
                          destKind: DEST_PLANT,
                          destNode: s.consumer,
                          priority: PRIORITY_NORMAL,
                          planned: false,
                          flow: -1,
                          flowName: `switch ${ctx.producers[s.consumer].name} to ${ctx.producers[s.producer].name}`,
                          order: realCount + i
                      }
                    : {
                          producer: s.producer,
                          material: s.material,
                          volume: 0,
                          leadDays: 0,
                          destKind: DEST_CONSUMER,
                          destNode: s.consumer,
                          priority: consumerPriority(ctx, s.consumer),
                          planned: false,
                          flow: -1,
                          flowName: `switch ${ctx.consumers[s.consumer].name} to ${ctx.producers[s.producer].name}`,
                          order: realCount + i
                      }
            )
        );
        const lines: Lines = {
            realCount,
            count,
            producer: new Int32Array(count),
            outlet: new Int32Array(count),
            material: new Int32Array(count),
            volume: new Float64Array(count),
            leadDays: new Float64Array(count),
            destKind: new Uint8Array(count),
            destNode: new Int32Array(count),
            destSlot: new Int32Array(count),
            priority: new Uint8Array(count),
            planned: new Uint8Array(count),
            sourceRegion: new Int32Array(count),
            destRegion: new Int32Array(count),
            flowName: new Array<string>(count)
        };
        drafts.forEach((d, l) => {
            lines.producer[l] = d.producer;
            lines.outlet[l] = this.net.outlet(d.producer, d.material);
            lines.material[l] = d.material;
            lines.volume[l] = d.volume;
            lines.leadDays[l] = d.leadDays;
            lines.destKind[l] = d.destKind;
            lines.destNode[l] = d.destNode;
            lines.destSlot[l] =
                d.destKind === DEST_CONSUMER
                    ? slotOf.cm.get(key(d.destNode, d.material))!
                    : d.destKind === DEST_RESERVE
                      ? slotOf.rm.get(key(d.destNode, d.material))!
                      : slotOf.buffer.get(key(d.destNode, d.material))!;
            lines.priority[l] = d.priority;
            lines.planned[l] = d.planned ? 1 : 0;
            lines.sourceRegion[l] = producers.region[d.producer];
            lines.destRegion[l] =
                d.destKind === DEST_CONSUMER
                    ? consumers.region[d.destNode]
                    : d.destKind === DEST_RESERVE
                      ? reserves.region[d.destNode]
                      : producers.region[d.destNode];
            lines.flowName[l] = d.flowName;
        });
        return lines;
    }
}

/** Slot index by `key(node, material)`: consumer slots, reserve slots, plant buffers. */
interface SlotLookups {
    cm: Map<string, number>;
    rm: Map<string, number>;
    buffer: Map<string, number>;
}
