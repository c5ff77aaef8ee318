/**
 * The physical network: producers and their outlets, plant buffers, consumers and reserves
 * with their material slots, and flow lines. Built in plain arrays first (switch measures
 * append lines later), then frozen into typed arrays by `freezeNetwork` (network-freeze.ts).
 */
import { isPlant, isSupplier, type Flow } from '../generated/ast.js';
import type { LoweringContext } from './context.js';
import {
    DEST_CONSUMER,
    DEST_PLANT,
    DEST_RESERVE,
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
import { durationDays, perPeriod, plain, stockTonnes } from './units.js';

const PRIORITY_OF: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

export interface OutletDraft {
    producer: number;
    material: number;
    capacity: number;
    inputs: { material: number; coefficient: number }[];
}
export interface LineDraft {
    producer: number;
    material: number;
    volume: number;
    leadDays: number;
    destKind: number;
    destNode: number;
    priority: number;
    planned: boolean;
    flow: number;
    flowName: string;
    order: number;
}

/** A key for (node, material) slot maps. */
export const key = (node: number, material: number) => `${node}:${material}`;

export class NetworkBuilder {
    readonly outlets: OutletDraft[] = [];
    private readonly outletOf = new Map<string, number>();
    readonly lines: LineDraft[] = [];
    /** Per consumer: material -> base need and initial stock, in first-seen order. */
    readonly cmDrafts: Map<number, { need: number; stock: number }>[];
    /** Per reserve: material -> initial stock, in first-seen order. */
    readonly rmDrafts: Map<number, { initial: number }>[];
    /** Per plant: the materials it holds a buffer of, in first-seen order. */
    readonly bufferDrafts: Map<number, true>[];
    /** Lines of each flow, for `add FLOW`. */
    readonly linesOfFlow = new Map<number, number[]>();
    /** Switch lines, appended after the real lines: [producer, outlet, consumer, material]. */
    /** Switch lines: a consumer (or, with `plant`, a plant's input buffer) drawing on a supplier's spare capacity. */
    readonly switchLines: { producer: number; material: number; consumer: number; plant?: boolean }[] = [];

    constructor(readonly ctx: LoweringContext) {
        this.cmDrafts = ctx.consumers.map(() => new Map<number, { need: number; stock: number }>());
        this.rmDrafts = ctx.reserves.map(() => new Map<number, { initial: number }>());
        this.bufferDrafts = ctx.producers.map(() => new Map<number, true>());
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

    /** Input materials of a plant's recipes (its buffers), for a plant that switches. */
    plantInputs(plant: number): number[] {
        return [...(this.bufferDrafts[plant]?.keys() ?? [])];
    }

    /** Registers a switch line into a plant's input buffer; returns its index. */
    addPlantSwitchLine(producer: number, material: number, plant: number): number {
        this.switchLines.push({ producer, material, consumer: plant, plant: true });
        return this.lines.length + this.switchLines.length - 1;
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
            const entries = isSupplier(p)
                ? p.capacities.map(c => ({ material: c.material, rate: c.rate, inputs: [] as const }))
                : isPlant(p)
                  ? p.recipes.map(r => ({ material: r.material, rate: r.rate, inputs: r.inputs }))
                  : [];
            for (const entry of entries) {
                const material = ctx.material(entry.material);
                if (material < 0) continue;
                const capacity = perPeriod(entry.rate, ctx.calendar.periodDays);
                const existing = this.outletOf.get(key(index, material));
                // A material listed twice: capacities add up, the first recipe's inputs count.
                if (existing !== undefined) {
                    this.outlets[existing].capacity += capacity;
                    continue;
                }
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
                producer,
                material,
                volume: perPeriod(volume.rate, ctx.calendar.periodDays),
                leadDays: durationDays(volume.lead),
                destKind,
                destNode,
                priority,
                planned: flow.planned,
                flow: flowIndex,
                flowName,
                order: this.lines.length
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
        if (!slot) {
            slot = fresh;
            map.set(material, slot);
        }
        return slot;
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
    bufferOf(plant: number, material: number): number;
    linesOfFlow: Map<number, number[]>;
}

/** Compressed rows: for each of `rows` groups, the lines (in `ordered` order) whose group is `groupOf(line)`. */
export function csr(rows: number, ordered: number[], groupOf: (line: number) => number): { inStart: Int32Array; inLines: Int32Array } {
    const inStart = new Int32Array(rows + 1);
    for (const l of ordered) {
        const g = groupOf(l);
        if (g >= 0) inStart[g + 1]++;
    }
    for (let r = 0; r < rows; r++) inStart[r + 1] += inStart[r];
    const fill = inStart.slice(0, rows);
    const inLines = new Int32Array(inStart[rows]);
    for (const l of ordered) {
        const g = groupOf(l);
        if (g >= 0) inLines[fill[g]++] = l;
    }
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

export function consumerPriority(ctx: LoweringContext, consumer: number): number {
    return PRIORITY_OF[ctx.consumers[consumer].priorities[0]?.level ?? 'normal'] ?? PRIORITY_NORMAL;
}

export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
