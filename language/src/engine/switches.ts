/**
 * Step 3: consumers past their switch delay draw their contract shortfall on the spare
 * capacity of their qualified suppliers, with no lead. Round k asks every switching consumer's
 * k-th listed supplier; a supplier serves a round's requests by priority, pro rata within one.
 * The contract shortfall (metrics-v2 §4) is Σ over the consumer's flows of contracted volume
 * minus what the source shipped, whatever the cause (embargo, outage, ramp, priority): this
 * period's for flows from suppliers (known after step 2), the previous period's for flows from
 * plants (known only after step 4). The delay counts from the first period with a shortfall.
 * A source's own life (planned, before its online date, its ramp-up, offline) sets what is
 * contracted (volume × its availability), so a supplier not yet built is not a shortfall.
 */
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import { EPSILON } from './constants.js';
import type { RunState } from './run-state.js';

export type SwitchEffect = Extract<LoweredEffect, { kind: 'switch' }>;

export class SwitchStep {
    private readonly classTotal: Float64Array;
    private readonly classRatio: Float64Array;
    private readonly touched: Int32Array;

    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState
    ) {
        const outlets = model.outlets.producer.length;
        this.classTotal = new Float64Array(outlets * PRIORITY_CLASSES);
        this.classRatio = new Float64Array(outlets * PRIORITY_CLASSES);
        this.touched = new Int32Array(outlets);
    }

    /** Each switcher's contract shortfall this period, slot by slot, and the first period with one. */
    trackShortfall(t: number, switchers: readonly number[], availability: (p: number, t: number) => number): void {
        const { ws, model } = this;
        const { cms, lines, consumers, producers } = model;
        const { switchWanted, nominal, lineShipped, plantLineShort } = ws;
        for (const c of switchers) {
            let total = 0;
            for (let s = consumers.cmStart[c]; s < consumers.cmStart[c + 1]; s++) {
                let short = 0;
                for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                    const l = cms.inLines[i];
                    if (l >= lines.realCount) continue;
                    const p = lines.producer[l];
                    short += producers.isPlant[p] ? plantLineShort[l] : Math.max(0, nominal[l] * availability(p, t) - lineShipped[l]);
                }
                switchWanted[s] = short > EPSILON ? short : 0;
                total += switchWanted[s];
            }
            ws.sShortfall[c * ws.periods + t] = total;
            if (total > 0 && ws.firstCut[c] < 0) ws.firstCut[c] = t;
        }
    }

    /** The same for plants that switch: per input buffer, over the regular flows into it. */
    trackPlantShortfall(t: number, plants: readonly number[], availability: (p: number, t: number) => number): void {
        const { ws, model } = this;
        const { lines, producers, plantInStart, plantInLines } = model;
        const { bufferWanted, nominal, lineShipped, plantLineShort } = ws;
        for (const plant of plants) {
            for (let i = plantInStart[plant]; i < plantInStart[plant + 1]; i++) bufferWanted[lines.destSlot[plantInLines[i]]] = 0;
            let total = 0;
            for (let i = plantInStart[plant]; i < plantInStart[plant + 1]; i++) {
                const l = plantInLines[i];
                if (l >= lines.realCount) continue;
                const p = lines.producer[l];
                const short = producers.isPlant[p] ? plantLineShort[l] : Math.max(0, nominal[l] * availability(p, t) - lineShipped[l]);
                if (short > EPSILON) {
                    bufferWanted[lines.destSlot[l]] += short;
                    total += short;
                }
            }
            ws.sPlantShortfall[plant * ws.periods + t] = total;
            if (total > 0 && ws.plantFirstCut[plant] < 0) ws.plantFirstCut[plant] = t;
        }
    }

    /** After step 4: what each flow from a plant fell short of its contract, for the next period. */
    recordPlantShortfall(t: number, availability: (p: number, t: number) => number): void {
        const { ws, model } = this;
        const { lines, producers } = model;
        for (let l = 0; l < lines.realCount; l++) {
            const p = lines.producer[l];
            if (producers.isPlant[p]) ws.plantLineShort[l] = Math.max(0, ws.nominal[l] * availability(p, t) - ws.lineShipped[l]);
        }
    }

    draw(t: number, active: SwitchEffect[]): void {
        if (active.length === 0) return;
        const { ws, model } = this;
        const { lines } = model;
        const { switchWanted, firstCut, request, cut, spare, arrive } = ws;
        const first = (e: SwitchEffect) => (e.plant >= 0 ? ws.plantFirstCut[e.plant] : firstCut[e.consumer]);
        const eligible = active.filter(e => first(e) >= 0 && t >= first(e) + e.delayPeriods);
        if (eligible.length === 0) return;
        const rounds = Math.max(...eligible.map(e => e.suppliers));
        const { classTotal, classRatio, touched } = this;
        for (let k = 0; k < rounds; k++) {
            let touchedCount = 0;
            for (const e of eligible) {
                if (k >= e.suppliers) continue;
                e.slots.forEach((s, i) => {
                    const l = e.lines[i * e.suppliers + k];
                    if (l < 0) return;
                    const want = Math.max(0, (e.plant >= 0 ? ws.bufferWanted : switchWanted)[s]) * cut[l];
                    request[l] = want;
                    if (want <= 0) return;
                    const o = lines.outlet[l];
                    const at = o * PRIORITY_CLASSES + lines.priority[l];
                    if (classTotal.subarray(o * PRIORITY_CLASSES, (o + 1) * PRIORITY_CLASSES).every(x => x === 0)) touched[touchedCount++] = o;
                    classTotal[at] += want;
                });
            }
            for (let i = 0; i < touchedCount; i++) {
                const o = touched[i];
                let left = spare[o];
                for (let c = 0; c < PRIORITY_CLASSES; c++) {
                    const total = classTotal[o * PRIORITY_CLASSES + c];
                    classRatio[o * PRIORITY_CLASSES + c] = total <= left ? 1 : total > 0 ? left / total : 0;
                    left = Math.max(0, left - total);
                }
            }
            for (const e of eligible) {
                if (k >= e.suppliers) continue;
                e.slots.forEach((s, i) => {
                    const l = e.lines[i * e.suppliers + k];
                    if (l < 0 || request[l] <= 0) return;
                    const o = lines.outlet[l];
                    const amount = Math.min(spare[o], request[l] * classRatio[o * PRIORITY_CLASSES + lines.priority[l]]);
                    spare[o] -= amount;
                    ws.shippedTotal[o] += amount;
                    arrive[l] += amount;
                    (e.plant >= 0 ? ws.bufferWanted : switchWanted)[s] -= amount;
                    request[l] = 0;
                });
            }
            for (let i = 0; i < touchedCount; i++) classTotal.fill(0, touched[i] * PRIORITY_CLASSES, (touched[i] + 1) * PRIORITY_CLASSES);
        }
    }
}
