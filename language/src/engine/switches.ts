/**
 * Step 3: consumers past their switch delay draw the volume cut from their flows on the spare
 * capacity of their qualified suppliers, with no lead. Round k asks every switching consumer's
 * k-th listed supplier; a supplier serves a round's requests by priority, pro rata within one.
 */
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import type { RunState } from './run-state.js';

export type SwitchEffect = Extract<LoweredEffect, { kind: 'switch' }>;

export class SwitchStep {
    private readonly classTotal: Float64Array;
    private readonly classRatio: Float64Array;
    private readonly touched: Int32Array;

    constructor(private readonly model: LoweredModel, private readonly ws: RunState) {
        const outlets = model.outlets.producer.length;
        this.classTotal = new Float64Array(outlets * PRIORITY_CLASSES);
        this.classRatio = new Float64Array(outlets * PRIORITY_CLASSES);
        this.touched = new Int32Array(outlets);
    }

    draw(t: number, active: SwitchEffect[]): void {
        if (active.length === 0) return;
        const { ws, model } = this;
        const { cms, lines } = model;
        const { switchWanted, firstCut, nominal, request, cut, spare, arrive } = ws;
        const eligible = active.filter(e => firstCut[e.consumer] >= 0 && t >= firstCut[e.consumer] + e.delayPeriods);
        if (eligible.length === 0) return;
        // The volume cut from each slot's regular flows this period.
        for (const e of eligible) {
            for (const s of e.slots) {
                let wanted = 0;
                for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                    const l = cms.inLines[i];
                    if (l < lines.realCount) wanted += nominal[l] - request[l];
                }
                switchWanted[s] = wanted;
            }
        }
        const rounds = Math.max(...eligible.map(e => e.suppliers));
        const { classTotal, classRatio, touched } = this;
        for (let k = 0; k < rounds; k++) {
            let touchedCount = 0;
            for (const e of eligible) {
                if (k >= e.suppliers) continue;
                e.slots.forEach((s, i) => {
                    const l = e.lines[i * e.suppliers + k];
                    if (l < 0) return;
                    const want = Math.max(0, switchWanted[s]) * cut[l];
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
                    switchWanted[s] -= amount;
                    request[l] = 0;
                });
            }
            for (let i = 0; i < touchedCount; i++) classTotal.fill(0, touched[i] * PRIORITY_CLASSES, (touched[i] + 1) * PRIORITY_CLASSES);
        }
    }
}
