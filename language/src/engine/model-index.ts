/**
 * Static lookups the metrics need, computed once per model: which lines arrive at a
 * consumer or are imports of a place, which consumers lie in a place, each consumer's
 * share of the reserves serving it, and each plant's input buffers.
 */
import type { LoweredModel } from '../lowering/model.js';

export class ModelIndex {
    /** Lines (regular and switch) arriving at each consumer. */
    readonly consumerLines: number[][];
    /** Lines arriving at nodes in each place from sources outside it. */
    readonly placeImports: number[][];
    /** Consumers located in each place. */
    readonly placeConsumers: number[][];
    /** Per consumer-material slot: the reserve-material slots serving it and its share of each. */
    readonly reserveShares: { rm: number; share: number }[][];
    /** Lines arriving at any consumer. */
    readonly allConsumerLines: number[];
    /** Input buffers of each producer (none for suppliers), in buffer order. */
    readonly producerBuffers: number[][];

    constructor(readonly model: LoweredModel) {
        const { consumers, cms, lines, places, rms } = model;
        this.consumerLines = consumers.names.map((_, c) => {
            const result: number[] = [];
            for (let s = consumers.cmStart[c]; s < consumers.cmStart[c + 1]; s++) {
                for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) result.push(cms.inLines[i]);
            }
            return result;
        });
        this.allConsumerLines = this.consumerLines.flat();
        this.placeImports = places.map(place => {
            const inside = new Set(place.regions);
            const result: number[] = [];
            for (let l = 0; l < lines.count; l++) {
                if (inside.has(lines.destRegion[l]) && !inside.has(lines.sourceRegion[l])) result.push(l);
            }
            return result;
        });
        this.placeConsumers = places.map(place => {
            const inside = new Set(place.regions);
            return consumers.names.map((_, c) => c).filter(c => inside.has(consumers.region[c]));
        });
        this.producerBuffers = model.producers.names.map(() => []);
        for (let b = 0; b < model.buffers.plant.length; b++) this.producerBuffers[model.buffers.plant[b]].push(b);
        this.reserveShares = Array.from(cms.consumer, () => []);
        for (let rm = 0; rm < rms.reserve.length; rm++) {
            const first = rms.servedStart[rm],
                end = rms.servedStart[rm + 1];
            let total = 0;
            for (let i = first; i < end; i++) total += cms.baseNeed[rms.served[i]];
            for (let i = first; i < end; i++) {
                const cm = rms.served[i];
                this.reserveShares[cm].push({ rm, share: total > 0 ? cms.baseNeed[cm] / total : 1 / (end - first) });
            }
        }
    }
}
