/**
 * Where a plant's inputs can come from. Each plant tracks origin shares only over the origin
 * regions upstream of it (usually a handful), not over every origin region of the model, so
 * tracing embedded dependency costs a few operations per plant-to-plant shipment.
 */
import { DEST_PLANT, type LoweredModel } from '../lowering/model.js';

export class OriginSets {
    /** Per producer: its origins are plantOrigins[start[p] .. start[p] + size[p]) (global origin slots). */
    readonly start: Int32Array;
    readonly size: Int32Array;
    readonly plantOrigins: Int32Array;
    /** Offsets of each buffer's and each outlet's mix (size of its plant's set) in the flat mix arrays. */
    readonly bufferOffset: Int32Array;
    readonly outletOffset: Int32Array;
    readonly bufferMixLength: number;
    readonly outletMixLength: number;
    /**
     * Per real line into a plant: lineMap[lineMapStart[l] ..] maps each origin of its source
     * (one entry, the source's region, for a supplier) to an index in the destination plant's set.
     */
    readonly lineMapStart: Int32Array;
    readonly lineMap: Int32Array;

    constructor(model: LoweredModel) {
        const { producers, lines, buffers, outlets, originSlotOfRegion, plantOrder } = model;
        const count = producers.names.length;
        const sets: Set<number>[] = producers.names.map(() => new Set());
        const own = (p: number) => originSlotOfRegion[producers.region[p]] ?? -1;
        for (let p = 0; p < count; p++) {
            if (!producers.isPlant[p]) {
                if (own(p) >= 0) sets[p].add(own(p));
                continue;
            }
            // A recipe without inputs makes the plant an origin itself.
            for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
                if (outlets.inputStart[o] === outlets.inputStart[o + 1] && own(p) >= 0) sets[p].add(own(p));
            }
        }
        // Upstream first; a few more passes settle plants on cycles (which validation rejects).
        for (let pass = 0, changed = true; changed && pass < 8; pass++) {
            changed = false;
            for (const p of plantOrder) {
                for (let i = model.plantInStart[p]; i < model.plantInStart[p + 1]; i++) {
                    const l = model.plantInLines[i];
                    for (const j of sets[lines.producer[l]]) {
                        if (!sets[p].has(j)) {
                            sets[p].add(j);
                            changed = true;
                        }
                    }
                }
            }
        }
        this.start = new Int32Array(count);
        this.size = new Int32Array(count);
        const flat: number[] = [];
        const localIndex: Map<number, number>[] = [];
        for (let p = 0; p < count; p++) {
            const sorted = [...sets[p]].sort((a, b) => a - b);
            this.start[p] = flat.length;
            this.size[p] = sorted.length;
            flat.push(...sorted);
            localIndex.push(new Map(sorted.map((j, i) => [j, i])));
        }
        this.plantOrigins = Int32Array.from(flat);

        this.bufferOffset = new Int32Array(buffers.plant.length);
        let offset = 0;
        for (let b = 0; b < buffers.plant.length; b++) {
            this.bufferOffset[b] = offset;
            offset += this.size[buffers.plant[b]];
        }
        this.bufferMixLength = offset;
        this.outletOffset = new Int32Array(outlets.producer.length);
        offset = 0;
        for (let o = 0; o < outlets.producer.length; o++) {
            this.outletOffset[o] = offset;
            offset += this.size[outlets.producer[o]];
        }
        this.outletMixLength = offset;

        // Every line, switch lines into plants included.
        this.lineMapStart = new Int32Array(lines.count + 1);
        const map: number[] = [];
        for (let l = 0; l < lines.count; l++) {
            this.lineMapStart[l] = map.length;
            if (lines.destKind[l] !== DEST_PLANT) continue;
            const source = lines.producer[l];
            const dest = localIndex[lines.destNode[l]];
            if (producers.isPlant[source]) {
                for (let i = 0; i < this.size[source]; i++) map.push(dest.get(this.plantOrigins[this.start[source] + i]) ?? -1);
            } else {
                const j = originSlotOfRegion[lines.sourceRegion[l]] ?? -1;
                map.push(j >= 0 ? (dest.get(j) ?? -1) : -1);
            }
        }
        this.lineMapStart[lines.count] = map.length;
        this.lineMap = Int32Array.from(map);
    }
}
