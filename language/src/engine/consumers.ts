/**
 * Step 5: consumers meet need from recycling, then arrivals, then their own stock; surplus
 * refills the stock up to its initial level, the rest is excess. Also keeps what the metrics
 * need from arrivals: the top origin's share each period, and per-line and embedded
 * arrivals in the snapshot periods.
 */
import type { LoweredModel } from '../lowering/model.js';
import { EPSILON } from './constants.js';
import type { RunState } from './run-state.js';

export class ConsumerStep {
    private readonly regionScratch: Float64Array;

    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState,
        private readonly fromPlant: Uint8Array
    ) {
        this.regionScratch = new Float64Array(model.regionNames.length);
    }

    run(t: number): void {
        const { ws, model } = this;
        const { cms, lines } = model;
        const T = ws.periods;
        const { arrive, stock, remaining, demand, recycle, substitute } = ws;
        if (t === 0) this.pickTopOrigins();
        const { topRegion, sTopOrigin } = ws;
        const sourceRegion = lines.sourceRegion;
        for (let s = 0; s < cms.consumer.length; s++) {
            // Arrivals, and the share of them from the first period's top origin.
            let arrivals = 0,
                fromTop = 0;
            const top = topRegion[s];
            for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                const l = cms.inLines[i];
                arrivals += arrive[l];
                if (sourceRegion[l] === top) fromTop += arrive[l];
            }
            sTopOrigin[s * T + t] = arrivals > 0 && top >= 0 ? fromTop / arrivals : 0;
            const need = cms.baseNeed[s] * Math.max(0, 1 + demand[s]) * Math.max(0, 1 - Math.min(1, substitute[s]));
            const recycled = need * Math.min(1, Math.max(0, recycle[s]));
            let short = need - recycled;
            const delivered = Math.min(arrivals, short);
            short -= delivered;
            const surplus = arrivals - delivered;
            const drawn = Math.min(stock[s], short);
            stock[s] -= drawn;
            short -= drawn;
            const refill = Math.min(surplus, Math.max(0, cms.initialStock[s] - stock[s]));
            stock[s] += refill;
            remaining[s] = short < EPSILON ? 0 : short;
            const at = s * T + t;
            ws.sNeed[at] = need;
            ws.sRecycled[at] = recycled;
            ws.sArrivals[at] = arrivals;
            ws.sDelivered[at] = delivered;
            ws.sDrawn[at] = drawn;
            ws.sRefill[at] = refill;
            ws.sExcess[at] = surplus - refill;
            ws.sReleased[at] = 0;
        }
        if (!ws.tracksOrigins) return;
        const snap = ws.snapshotOf[t];
        if (snap >= 0) ws.lineSnap.set(arrive, snap * lines.count);
        const mixLength = ws.originSets.outletMixLength;
        ws.outletMixSnap.set(ws.outletMix, t * mixLength);
        if (t === 0) this.snapEmbedded(0);
        if (t === T - 1) this.snapEmbedded(1);
    }

    /** The region each slot received most from in the first period (ties: lowest region index). */
    private pickTopOrigins(): void {
        const { ws, model } = this;
        const { cms, lines } = model;
        const scratch = this.regionScratch;
        for (let s = 0; s < cms.consumer.length; s++) {
            let best = -1;
            for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) scratch[lines.sourceRegion[cms.inLines[i]]] = 0;
            for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                const l = cms.inLines[i];
                const r = lines.sourceRegion[l];
                if (r < 0) continue;
                scratch[r] += ws.arrive[l];
                if (scratch[r] > 0 && (best < 0 || scratch[r] > scratch[best] || (scratch[r] === scratch[best] && r < best))) best = r;
            }
            ws.topRegion[s] = best;
        }
    }

    private snapEmbedded(k: number): void {
        const { ws, model } = this;
        const { cms, lines, originSlotOfRegion } = model;
        const R = ws.origins;
        const C = cms.consumer.length;
        for (let s = 0; s < C; s++) {
            const at = (k * C + s) * R;
            for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                const l = cms.inLines[i];
                const a = ws.arrive[l];
                if (a <= 0) continue;
                if (this.fromPlant[l]) {
                    if (lines.outlet[l] < 0) continue;
                    const { originSets } = ws;
                    const source = lines.producer[l];
                    const from = originSets.outletOffset[lines.outlet[l]];
                    for (let j = 0; j < originSets.size[source]; j++) {
                        ws.embeddedSnap[at + originSets.plantOrigins[originSets.start[source] + j]] += a * ws.outletMix[from + j];
                    }
                } else {
                    const j = originSlotOfRegion[lines.sourceRegion[l]] ?? -1;
                    if (j >= 0) ws.embeddedSnap[at + j] += a;
                }
            }
        }
    }
}
