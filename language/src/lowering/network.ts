/**
 * The physical network: producers and their outlets, plant buffers, consumers and reserves
 * with their material slots, and flow lines. Built in plain arrays first (switch measures
 * append lines later), then frozen into typed arrays by `freeze`.
 */
import { isPlant, isSupplier, type Flow, type Online, type Offline } from '../generated/ast.js';
import { dayNumberOf } from '../values/dates.js';
import type { LoweringContext } from './context.js';
import {
    DEST_CONSUMER, DEST_PLANT, DEST_RESERVE, NO_PERIOD_AFTER, NO_PERIOD_BEFORE, PRIORITY_CLASSES, PRIORITY_NORMAL,
    type Buffers, type ConsumerMaterials, type Consumers, type Inputs, type Lines, type Outlets, type Producers,
    type ReserveMaterials, type Reserves
} from './model.js';
import { durationDays, moneyPerTonne, perPeriod, plain, stockTonnes } from './units.js';

const PRIORITY_OF: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

interface OutletDraft { producer: number, material: number, capacity: number, inputs: { material: number, coefficient: number }[] }
interface LineDraft {
    producer: number, material: number, volume: number, leadDays: number, destKind: number, destNode: number,
    priority: number, planned: boolean, flow: number, flowName: string, order: number
}

/** A key for (node, material) slot maps. */
const key = (node: number, material: number) => `${node}:${material}`;

export class NetworkBuilder {
    readonly outlets: OutletDraft[] = [];
    private readonly outletOf = new Map<string, number>();
    readonly lines: LineDraft[] = [];
    /** Per consumer: material -> base need and initial stock, in first-seen order. */
    private readonly cmDrafts: Map<number, { need: number, stock: number }>[];
    private readonly rmDrafts: Map<number, { initial: number }>[];
    private readonly bufferDrafts: Map<number, true>[];
    /** Lines of each flow, for `add FLOW`. */
    readonly linesOfFlow = new Map<number, number[]>();
    /** Switch lines, appended after the real lines: [producer, outlet, consumer, material]. */
    readonly switchLines: { producer: number, material: number, consumer: number }[] = [];

    constructor(readonly ctx: LoweringContext) {
        this.cmDrafts = ctx.consumers.map(() => new Map());
        this.rmDrafts = ctx.reserves.map(() => new Map());
        this.bufferDrafts = ctx.producers.map(() => new Map());
        this.lowerOutlets();
        this.lowerNeeds();
        for (let f = 0; f < ctx.flows.length; f++) this.lowerFlow(ctx.flows[f], f);
        this.lowerHoldings();
    }

    outlet(producer: number, material: number): number {
        return this.outletOf.get(key(producer, material)) ?? -1;
    }

    /** Materials a consumer has a slot for (needs, stock or incoming flows), in first-seen order. */
    neededMaterials(consumer: number): number[] {
        return [...this.cmDrafts[consumer].keys()];
    }

    /** Registers a switch line (a consumer drawing on a supplier's spare capacity); returns its index. */
    addSwitchLine(producer: number, material: number, consumer: number): number {
        this.slot(this.cmDrafts[consumer], material, { need: 0, stock: 0 });
        this.switchLines.push({ producer, material, consumer });
        return this.lines.length + this.switchLines.length - 1;
    }

    private lowerOutlets(): void {
        const { ctx } = this;
        ctx.producers.forEach((p, index) => {
            const entries = isSupplier(p) ? p.capacities.map(c => ({ material: c.material, rate: c.rate, inputs: [] as const }))
                : isPlant(p) ? p.recipes.map(r => ({ material: r.material, rate: r.rate, inputs: r.inputs })) : [];
            for (const entry of entries) {
                const material = ctx.material(entry.material);
                if (material < 0) continue;
                const capacity = perPeriod(entry.rate, ctx.calendar.periodDays);
                const existing = this.outletOf.get(key(index, material));
                // A material listed twice: capacities add up, the first recipe's inputs count.
                if (existing !== undefined) { this.outlets[existing].capacity += capacity; continue; }
                const inputs = [];
                for (const input of entry.inputs) {
                    const inputMaterial = ctx.material(input.material);
                    if (inputMaterial < 0) continue;
                    inputs.push({ material: inputMaterial, coefficient: Math.max(0, plain(input.coefficient)) });
                    this.bufferDrafts[index].set(inputMaterial, true);
                }
                this.outletOf.set(key(index, material), this.outlets.length);
                this.outlets.push({ producer: index, material, capacity, inputs });
            }
        });
    }

    private lowerNeeds(): void {
        const { ctx } = this;
        const periodDays = ctx.calendar.periodDays;
        ctx.consumers.forEach((c, index) => {
            const slots = this.cmDrafts[index];
            for (const needs of c.needs) {
                const material = ctx.material(needs.material);
                if (material < 0) continue;
                this.slot(slots, material, { need: 0, stock: 0 }).need += perPeriod(needs.rate, periodDays);
            }
            for (const stock of c.stocks) {
                const material = ctx.material(stock.material);
                if (material < 0) continue;
                const slot = this.slot(slots, material, { need: 0, stock: 0 });
                slot.stock += stockTonnes(stock.amount, slot.need / periodDays);
            }
        });
    }

    private lowerFlow(flow: Flow, flowIndex: number): void {
        const { ctx } = this;
        const producer = ctx.producer(flow.source);
        if (producer < 0) return;
        const plant = ctx.producer(flow.destination);
        const consumer = ctx.consumer(flow.destination);
        const reserve = ctx.reserve(flow.destination);
        const destKind = consumer >= 0 ? DEST_CONSUMER : reserve >= 0 ? DEST_RESERVE : plant >= 0 && isPlant(ctx.producers[plant]) ? DEST_PLANT : -1;
        if (destKind < 0) return;
        const destNode = destKind === DEST_CONSUMER ? consumer : destKind === DEST_RESERVE ? reserve : plant;
        const priority = destKind === DEST_CONSUMER ? consumerPriority(ctx, consumer) : PRIORITY_NORMAL;
        const flowName = flow.name ?? `${ctx.producers[producer].name}->${flow.destination.$refText}`;
        const lines: number[] = [];
        for (const volume of flow.volumes) {
            const material = ctx.material(volume.material);
            if (material < 0) continue;
            if (destKind === DEST_CONSUMER) this.slot(this.cmDrafts[consumer], material, { need: 0, stock: 0 });
            else if (destKind === DEST_RESERVE) this.slot(this.rmDrafts[reserve], material, { initial: 0 });
            else this.bufferDrafts[plant].set(material, true);
            lines.push(this.lines.length);
            this.lines.push({
                producer, material, volume: perPeriod(volume.rate, ctx.calendar.periodDays), leadDays: durationDays(volume.lead),
                destKind, destNode, priority, planned: flow.planned, flow: flowIndex, flowName, order: this.lines.length
            });
        }
        this.linesOfFlow.set(flowIndex, lines);
    }

    private lowerHoldings(): void {
        const { ctx } = this;
        ctx.reserves.forEach((r, index) => {
            const served = servedConsumers(ctx, index);
            for (const holds of r.holdings) {
                const material = ctx.material(holds.material);
                if (material < 0) continue;
                const dailyNeed = served.reduce((sum, c) => sum + (this.cmDrafts[c].get(material)?.need ?? 0), 0) / ctx.calendar.periodDays;
                this.slot(this.rmDrafts[index], material, { initial: 0 }).initial += stockTonnes(holds.amount, dailyNeed);
            }
        });
    }

    private slot<T>(map: Map<number, T>, material: number, fresh: T): T {
        let slot = map.get(material);
        if (!slot) { slot = fresh; map.set(material, slot); }
        return slot;
    }

    /** Freezes everything into typed arrays. Line indices stay as drafted (order by creation). */
    freeze(): FrozenNetwork {
        const { ctx } = this;
        const producerCount = ctx.producers.length;
        const producers: Producers = {
            names: ctx.producers.map(p => p.name),
            isPlant: ctx.producers.map(p => isPlant(p)),
            region: Int32Array.from(ctx.producers, p => ctx.region(p.region)),
            planned: Uint8Array.from(ctx.producers, p => p.planned ? 1 : 0),
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

        // Outlets are drafted producer by producer, so they are already grouped.
        const outletCount = this.outlets.length;
        for (const o of this.outlets) producers.outletStart[o.producer + 1]++;
        for (let p = 0; p < producerCount; p++) producers.outletStart[p + 1] += producers.outletStart[p];

        // Buffers, grouped by plant.
        const bufferPlant: number[] = [], bufferMaterial: number[] = [];
        const bufferOf = new Map<string, number>();
        this.bufferDrafts.forEach((materials, plant) => {
            for (const material of materials.keys()) {
                bufferOf.set(key(plant, material), bufferPlant.length);
                bufferPlant.push(plant);
                bufferMaterial.push(material);
            }
        });
        const buffers: Buffers = { plant: Int32Array.from(bufferPlant), material: Int32Array.from(bufferMaterial) };

        const inputBuffer: number[] = [], inputCoefficient: number[] = [];
        const inputStart = new Int32Array(outletCount + 1);
        this.outlets.forEach((o, i) => {
            for (const input of o.inputs) {
                inputBuffer.push(bufferOf.get(key(o.producer, input.material))!);
                inputCoefficient.push(input.coefficient);
            }
            inputStart[i + 1] = inputBuffer.length;
        });
        const inputs: Inputs = { buffer: Int32Array.from(inputBuffer), coefficient: Float64Array.from(inputCoefficient) };

        // Consumer-material slots, grouped by consumer.
        const cmConsumer: number[] = [], cmMaterial: number[] = [], cmNeed: number[] = [], cmStock: number[] = [];
        const cmOf = new Map<string, number>();
        const cmStart = new Int32Array(ctx.consumers.length + 1);
        this.cmDrafts.forEach((slots, consumer) => {
            for (const [material, draft] of slots) {
                cmOf.set(key(consumer, material), cmConsumer.length);
                cmConsumer.push(consumer); cmMaterial.push(material); cmNeed.push(draft.need); cmStock.push(draft.stock);
            }
            cmStart[consumer + 1] = cmConsumer.length;
        });
        const consumers: Consumers = {
            names: ctx.consumers.map(c => c.name),
            region: Int32Array.from(ctx.consumers, c => ctx.region(c.region)),
            priority: Uint8Array.from(ctx.consumers, (_, i) => consumerPriority(ctx, i)),
            currency: ctx.consumers.map(c => c.losses[0]?.money?.currency ?? null),
            lossPerTonne: Float64Array.from(ctx.consumers, c => c.losses[0]?.money ? moneyPerTonne(c.losses[0].value, c.losses[0].money, c.losses[0].per) : 0),
            cmStart
        };

        // Reserve-material slots, grouped by reserve.
        const rmReserve: number[] = [], rmMaterial: number[] = [], rmInitial: number[] = [];
        const rmOf = new Map<string, number>();
        const rmStart = new Int32Array(ctx.reserves.length + 1);
        this.rmDrafts.forEach((slots, reserve) => {
            for (const [material, draft] of slots) {
                rmOf.set(key(reserve, material), rmReserve.length);
                rmReserve.push(reserve); rmMaterial.push(material); rmInitial.push(draft.initial);
            }
            rmStart[reserve + 1] = rmReserve.length;
        });
        const servedLists = rmReserve.map((reserve, s) => servedConsumers(ctx, reserve)
            .map(c => cmOf.get(key(c, rmMaterial[s]))).filter((x): x is number => x !== undefined));
        const reserves: Reserves = {
            names: ctx.reserves.map(r => r.name),
            region: Int32Array.from(ctx.reserves, r => ctx.region(r.region)),
            releaseCap: Float64Array.from(ctx.reserves, r => r.releases[0] ? perPeriod(r.releases[0].rate, ctx.calendar.periodDays) : Infinity),
            rmStart
        };

        // Real lines are numbered in the order suppliers and plants serve them: by outlet, then
        // priority class, then a canonical order (source, destination, material names, text
        // order). So the period loop walks memory in order, and sums, hence results, do not
        // depend on where flows are declared. Lines of no outlet come next; switch lines last.
        const nameOfDest = (d: LineDraft) => d.destKind === DEST_CONSUMER ? ctx.consumers[d.destNode].name
            : d.destKind === DEST_RESERVE ? ctx.reserves[d.destNode].name : ctx.producers[d.destNode].name;
        const canonical = this.lines.map((_, i) => i).sort((a, b) => {
            const x = this.lines[a], y = this.lines[b];
            return compare(ctx.producers[x.producer].name, ctx.producers[y.producer].name)
                || compare(nameOfDest(x), nameOfDest(y))
                || compare(ctx.materials[x.material].name, ctx.materials[y.material].name)
                || x.order - y.order;
        });
        const classStart = new Int32Array(outletCount * (PRIORITY_CLASSES + 1));
        const served: number[] = [];
        const byOutlet: number[][] = this.outlets.map(() => []);
        const unserved: number[] = [];
        for (const d of canonical) {
            const o = this.outlet(this.lines[d].producer, this.lines[d].material);
            if (o >= 0) byOutlet[o].push(d); else unserved.push(d);
        }
        byOutlet.forEach((list, o) => {
            for (let c = 0; c < PRIORITY_CLASSES; c++) {
                classStart[o * (PRIORITY_CLASSES + 1) + c] = served.length;
                for (const d of list) if (this.lines[d].priority === c) served.push(d);
            }
            classStart[o * (PRIORITY_CLASSES + 1) + PRIORITY_CLASSES] = served.length;
        });
        const realCount = this.lines.length;
        const count = realCount + this.switchLines.length;
        const drafts: LineDraft[] = [...served, ...unserved].map(d => this.lines[d]);
        const indexOfDraft = new Int32Array(realCount);
        [...served, ...unserved].forEach((d, l) => { indexOfDraft[d] = l; });
        for (const [flow, list] of this.linesOfFlow) this.linesOfFlow.set(flow, list.map(d => indexOfDraft[d]));
        drafts.push(...this.switchLines.map((s, i) => ({
            producer: s.producer, material: s.material, volume: 0, leadDays: 0, destKind: DEST_CONSUMER, destNode: s.consumer,
            priority: consumerPriority(ctx, s.consumer), planned: false, flow: -1,
            flowName: `switch ${ctx.consumers[s.consumer].name} to ${ctx.producers[s.producer].name}`, order: realCount + i
        })));
        const lines: Lines = {
            realCount, count,
            producer: new Int32Array(count), outlet: new Int32Array(count), material: new Int32Array(count),
            volume: new Float64Array(count), leadDays: new Float64Array(count), destKind: new Uint8Array(count),
            destNode: new Int32Array(count), destSlot: new Int32Array(count), priority: new Uint8Array(count),
            planned: new Uint8Array(count), sourceRegion: new Int32Array(count), destRegion: new Int32Array(count),
            flowName: new Array<string>(count)
        };
        drafts.forEach((d, l) => {
            lines.producer[l] = d.producer;
            lines.outlet[l] = this.outlet(d.producer, d.material);
            lines.material[l] = d.material;
            lines.volume[l] = d.volume;
            lines.leadDays[l] = d.leadDays;
            lines.destKind[l] = d.destKind;
            lines.destNode[l] = d.destNode;
            lines.destSlot[l] = d.destKind === DEST_CONSUMER ? cmOf.get(key(d.destNode, d.material))!
                : d.destKind === DEST_RESERVE ? rmOf.get(key(d.destNode, d.material))! : bufferOf.get(key(d.destNode, d.material))!;
            lines.priority[l] = d.priority;
            lines.planned[l] = d.planned ? 1 : 0;
            lines.sourceRegion[l] = producers.region[d.producer];
            lines.destRegion[l] = d.destKind === DEST_CONSUMER ? consumers.region[d.destNode]
                : d.destKind === DEST_RESERVE ? reserves.region[d.destNode] : producers.region[d.destNode];
            lines.flowName[l] = d.flowName;
        });
        const ordered = Array.from({ length: count }, (_, l) => l);
        const outlets: Outlets = {
            producer: Int32Array.from(this.outlets, o => o.producer),
            material: Int32Array.from(this.outlets, o => o.material),
            capacity: Float64Array.from(this.outlets, o => o.capacity),
            inputStart, classStart
        };

        const cms: ConsumerMaterials = {
            consumer: Int32Array.from(cmConsumer), material: Int32Array.from(cmMaterial),
            baseNeed: Float64Array.from(cmNeed), initialStock: Float64Array.from(cmStock),
            ...csr(cmConsumer.length, ordered, l => lines.destKind[l] === DEST_CONSUMER ? lines.destSlot[l] : -1)
        };
        const servedStart = new Int32Array(rmReserve.length + 1);
        servedLists.forEach((list, s) => { servedStart[s + 1] = servedStart[s] + list.length; });
        const rms: ReserveMaterials = {
            reserve: Int32Array.from(rmReserve), material: Int32Array.from(rmMaterial), initialStock: Float64Array.from(rmInitial),
            servedStart, served: Int32Array.from(servedLists.flat()),
            servedDailyNeed: Float64Array.from(servedLists, list => list.reduce((sum, s) => sum + cmNeed[s], 0) / ctx.calendar.periodDays),
            ...csr(rmReserve.length, ordered, l => lines.destKind[l] === DEST_RESERVE ? lines.destSlot[l] : -1)
        };
        const plantIn = csr(producerCount, ordered, l => lines.destKind[l] === DEST_PLANT ? lines.destNode[l] : -1);
        return {
            producers, outlets, inputs, buffers, consumers, cms, reserves, rms, lines,
            plantInStart: plantIn.inStart, plantInLines: plantIn.inLines,
            cmOf: (consumer, material) => cmOf.get(key(consumer, material)) ?? -1,
            rmOf: (reserve, material) => rmOf.get(key(reserve, material)) ?? -1,
            linesOfFlow: this.linesOfFlow
        };
    }
}

export interface FrozenNetwork {
    producers: Producers;
    outlets: Outlets;
    inputs: Inputs;
    buffers: Buffers;
    consumers: Consumers;
    cms: ConsumerMaterials;
    reserves: Reserves;
    rms: ReserveMaterials;
    lines: Lines;
    plantInStart: Int32Array;
    plantInLines: Int32Array;
    cmOf(consumer: number, material: number): number;
    rmOf(reserve: number, material: number): number;
    linesOfFlow: Map<number, number[]>;
}

/** Compressed rows: for each of `rows` groups, the lines (in `ordered` order) whose group is `groupOf(line)`. */
function csr(rows: number, ordered: number[], groupOf: (line: number) => number): { inStart: Int32Array, inLines: Int32Array } {
    const inStart = new Int32Array(rows + 1);
    for (const l of ordered) { const g = groupOf(l); if (g >= 0) inStart[g + 1]++; }
    for (let r = 0; r < rows; r++) inStart[r + 1] += inStart[r];
    const fill = inStart.slice(0, rows);
    const inLines = new Int32Array(inStart[rows]);
    for (const l of ordered) { const g = groupOf(l); if (g >= 0) inLines[fill[g]++] = l; }
    return { inStart, inLines };
}

export function servedConsumers(ctx: LoweringContext, reserve: number): number[] {
    const result: number[] = [];
    for (const serves of ctx.reserves[reserve].serves) {
        for (const ref of serves.consumers) {
            const c = ctx.consumer(ref);
            if (c >= 0 && !result.includes(c)) result.push(c);
        }
    }
    return result;
}

function consumerPriority(ctx: LoweringContext, consumer: number): number {
    return PRIORITY_OF[ctx.consumers[consumer].priorities[0]?.level ?? 'normal'] ?? PRIORITY_NORMAL;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
