/**
 * Step 4: plants, upstream before downstream. Arrivals go to input buffers; a plant makes
 * min(capacity, each input buffer / coefficient, requests) and ships it like a supplier.
 * Each plant also tracks the origin shares of its buffers and output (embedded dependency).
 */
import type { LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import { EPSILON } from './constants.js';
import type { RunState } from './run-state.js';

/** What the plant step needs from the engine: availability and the allocation rule. */
export interface Shipper {
    availability(p: number, t: number): number;
    allocate(o: number, available: number, t: number): number;
}

/** `inMixFrom` of a line from a supplier (one origin, its region) and of one from a plant that does not make what it ships. */
const FROM_SUPPLIER = -1,
    FROM_NOWHERE = -2;

export class PlantStep {
    /** 1 for lines shipped by a plant (they carry its origin mix). */
    readonly fromPlant: Uint8Array;
    /**
     * Per entry i of `plantInLines` (a line into a plant), looked up once rather than every
     * period: its buffer, where that buffer's origin mix starts, and where the origins of what
     * it carries go (see `run`).
     */
    private readonly inBuffer: Int32Array;
    private readonly inMixAt: Int32Array;
    /** Start of the source plant outlet's mix, or FROM_SUPPLIER, or FROM_NOWHERE. */
    private readonly inMixFrom: Int32Array;
    /** From a plant: lineMap[inMapStart .. + inMapCount] maps its origins into the buffer's. From a supplier: the buffer's origin index (or -1) in inMapStart. */
    private readonly inMapStart: Int32Array;
    private readonly inMapCount: Int32Array;

    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState,
        private readonly shipper: Shipper
    ) {
        const { lines, plantInLines } = model;
        this.fromPlant = new Uint8Array(lines.count);
        for (let l = 0; l < lines.count; l++) {
            if (model.producers.isPlant[lines.producer[l]]) this.fromPlant[l] = 1;
        }
        const { lineMapStart, lineMap, bufferOffset, outletOffset, size: originCount } = ws.originSets;
        const n = plantInLines.length;
        this.inBuffer = new Int32Array(n);
        this.inMixAt = new Int32Array(n);
        this.inMixFrom = new Int32Array(n);
        this.inMapStart = new Int32Array(n);
        this.inMapCount = new Int32Array(n);
        for (let i = 0; i < n; i++) {
            const l = plantInLines[i];
            const b = lines.destSlot[l];
            this.inBuffer[i] = b;
            this.inMixAt[i] = bufferOffset[b];
            if (!this.fromPlant[l]) {
                this.inMixFrom[i] = FROM_SUPPLIER;
                this.inMapStart[i] = lineMap[lineMapStart[l]];
            } else if (lines.outlet[l] >= 0) {
                this.inMixFrom[i] = outletOffset[lines.outlet[l]];
                this.inMapStart[i] = lineMapStart[l];
                this.inMapCount[i] = originCount[lines.producer[l]];
            } else {
                this.inMixFrom[i] = FROM_NOWHERE;
            }
        }
    }

    run(t: number): void {
        const { ws, model } = this;
        const { producers, outlets, inputs, plantOrder, plantInStart, plantInLines } = model;
        const { buffer, bufferMix, bufferScale, arrive, outletMix, outage, receivedTotal, usedTotal, shippedTotal, spare, originSets } = ws;
        const { shipper, inBuffer, inMixAt, inMixFrom, inMapStart, inMapCount } = this;
        const { lineMap, bufferOffset, size: originCount } = originSets;
        const tracksOrigins = ws.tracksOrigins;
        for (let n = 0; n < plantOrder.length; n++) {
            const p = plantOrder[n];
            for (let i = plantInStart[p]; i < plantInStart[p + 1]; i++) {
                const a = arrive[plantInLines[i]];
                if (a <= 0) continue;
                const b = inBuffer[i];
                buffer[b] += a;
                receivedTotal[b] += a;
                if (!tracksOrigins) continue;
                // A shipment from a plant carries that plant's current origin mix.
                const scaled = a / bufferScale[b];
                const to = inMixAt[i];
                const from = inMixFrom[i];
                if (from >= 0) {
                    const map = inMapStart[i],
                        k = inMapCount[i];
                    for (let j = 0; j < k; j++) {
                        const d = lineMap[map + j];
                        if (d >= 0) bufferMix[to + d] += scaled * outletMix[from + j];
                    }
                } else if (from === FROM_SUPPLIER) {
                    const d = inMapStart[i];
                    if (d >= 0) bufferMix[to + d] += scaled;
                }
            }
            const a = shipper.availability(p, t);
            const k = originCount[p];
            for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
                const capacity = outlets.capacity[o] * a * outage[o];
                let available = capacity;
                let coefficients = 0,
                    limitedBy = -1;
                for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
                    const coef = inputs.coefficient[i];
                    if (coef > 0) {
                        const fromInput = buffer[inputs.buffer[i]] / coef;
                        if (fromInput < available) {
                            available = fromInput;
                            limitedBy = inputs.buffer[i];
                        }
                        coefficients += coef;
                    }
                }
                // Every outlet's mix, every period: per-period embedded series read them (metrics-v2 §1).
                if (tracksOrigins) this.mixOutput(o, p, coefficients);
                const shipped = shipper.allocate(o, available, t);
                spare[o] = Math.max(0, available - shipped);
                shippedTotal[o] += shipped;
                this.record(o, t, capacity, shipped, limitedBy);
                if (shipped <= 0) continue;
                for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
                    const b = inputs.buffer[i];
                    const used = Math.min(buffer[b], shipped * inputs.coefficient[i]);
                    if (used <= 0) continue;
                    const keep = buffer[b] > 0 ? 1 - used / buffer[b] : 0;
                    buffer[b] -= used;
                    if (buffer[b] < EPSILON) buffer[b] = 0;
                    usedTotal[b] += used;
                    if (!tracksOrigins) continue;
                    // Inputs are used in proportion to their origins: scale the mix lazily.
                    const at = bufferOffset[b];
                    if (buffer[b] === 0 || keep <= 0) {
                        for (let j = at; j < at + k; j++) bufferMix[j] = 0;
                        bufferScale[b] = 1;
                    } else if ((bufferScale[b] *= keep) < 1e-150) {
                        for (let j = 0; j < k; j++) bufferMix[at + j] *= bufferScale[b];
                        bufferScale[b] = 1;
                    }
                }
            }
        }
    }

    /**
     * What the plant lens reads: capacity, orders and output of each outlet this period, and
     * the input that starved it (output below both capacity and orders because of it).
     */
    private record(o: number, t: number, capacity: number, shipped: number, limitedBy: number): void {
        const { ws } = this;
        const classStart = this.model.outlets.classStart;
        const base = o * (PRIORITY_CLASSES + 1);
        let ordered = 0;
        for (let l = classStart[base]; l < classStart[base + PRIORITY_CLASSES]; l++) ordered += ws.nominal[l] * ws.cut[l];
        const at = o * ws.periods + t;
        ws.sOutletCapacity[at] = capacity;
        ws.sOutletOrdered[at] = ordered;
        ws.sOutletProduced[at] = shipped;
        ws.sOutletStarvedBy[at] = limitedBy >= 0 && shipped < Math.min(capacity, ordered) - EPSILON ? limitedBy : -1;
    }

    /**
     * The origin shares of what an outlet makes now: its inputs' origins weighted by the
     * tonnes of each input a tonne of output uses; a plant without inputs is its own origin.
     */
    mixOutput(o: number, p: number, coefficients: number): void {
        const { ws, model } = this;
        const { outlets, inputs } = model;
        const { outletMix, bufferMix, buffer, originSets } = ws;
        const k = originSets.size[p];
        const at = originSets.outletOffset[o];
        if (coefficients <= 0) {
            // Its own region, which is in its origin set.
            const own = model.originSlotOfRegion[model.producers.region[p]] ?? -1;
            outletMix.fill(0, at, at + k);
            for (let j = 0; j < k; j++) if (originSets.plantOrigins[originSets.start[p] + j] === own) outletMix[at + j] = 1;
            return;
        }
        let total = 0;
        for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
            const b = inputs.buffer[i];
            if (buffer[b] > 0 && inputs.coefficient[i] > 0) total += inputs.coefficient[i];
        }
        if (total <= 0) return; // nothing to make: keep the last mix
        outletMix.fill(0, at, at + k);
        for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
            const b = inputs.buffer[i];
            const coef = inputs.coefficient[i];
            if (!(buffer[b] > 0) || coef <= 0) continue;
            const from = originSets.bufferOffset[b];
            let mass = 0;
            for (let j = 0; j < k; j++) mass += bufferMix[from + j];
            if (mass <= 0) continue;
            const w = coef / total / mass;
            for (let j = 0; j < k; j++) outletMix[at + j] += bufferMix[from + j] * w;
        }
    }
}
