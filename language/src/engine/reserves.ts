/**
 * Step 6: reserves. Purchases arrive first; then each reserve releases, up to its cap and by
 * consumer priority class (pro rata within one), what its served consumers still lack; a
 * `release` measure may change whom it serves and its cap. Records the day it runs dry.
 */
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import { EPSILON } from './constants.js';
import type { RunState } from './run-state.js';

export type ReleaseEffect = Extract<LoweredEffect, { kind: 'release' }>;

export class ReserveStep {
    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState
    ) {}

    run(t: number, releaseEffects: readonly ReleaseEffect[]): void {
        const { ws, model } = this;
        const { rms, reserves, cms, consumers, calendar } = model;
        const T = ws.periods;
        const { rmStock, remaining, arrive } = ws;
        for (let r = 0; r < reserves.names.length; r++) {
            const override = ws.releaseOverride[r];
            const effect = override >= 0 ? releaseEffects[override] : undefined;
            for (let s = reserves.rmStart[r]; s < reserves.rmStart[r + 1]; s++) {
                // Purchases arrive first, so what is bought this period can be released.
                let purchased = 0;
                for (let i = rms.inStart[s]; i < rms.inStart[s + 1]; i++) purchased += arrive[rms.inLines[i]];
                rmStock[s] += purchased;
                let served = rms.served,
                    first = rms.servedStart[s],
                    end = rms.servedStart[s + 1];
                let cap = reserves.releaseCap[r];
                if (effect) {
                    const e = effect.rmSlots.indexOf(s);
                    served = effect.served;
                    first = e >= 0 ? effect.servedStart[e] : 0;
                    end = e >= 0 ? effect.servedStart[e + 1] : 0;
                    cap = effect.cap;
                }
                let wanted = 0;
                for (let i = first; i < end; i++) wanted += remaining[served[i]];
                const before = rmStock[s];
                let left = Math.min(before, cap);
                let released = 0;
                if (wanted > EPSILON && left > EPSILON) {
                    for (let c = 0; c < PRIORITY_CLASSES && left > 0; c++) {
                        let classWanted = 0;
                        for (let i = first; i < end; i++) {
                            const cm = served[i];
                            if (consumers.priority[cms.consumer[cm]] === c) classWanted += remaining[cm];
                        }
                        if (classWanted <= 0) continue;
                        const give = Math.min(left, classWanted);
                        const ratio = give / classWanted;
                        for (let i = first; i < end; i++) {
                            const cm = served[i];
                            if (consumers.priority[cms.consumer[cm]] !== c) continue;
                            const amount = remaining[cm] * ratio;
                            remaining[cm] -= amount;
                            ws.sReleased[cm * T + t] += amount;
                        }
                        left -= give;
                        released += give;
                    }
                    rmStock[s] = Math.max(0, before - released);
                    if (rmStock[s] < EPSILON) rmStock[s] = 0;
                }
                // Runs dry: its stock cannot cover what is asked of it this period; within the
                // period it releases at an even rate, so it lasts stock ÷ rate of the period.
                const asked = Math.min(cap, wanted);
                if (ws.rmDryDay[s] < 0 && before > EPSILON && asked > EPSILON && before <= asked + EPSILON) {
                    const f = Math.min(1, before / asked);
                    ws.rmDryDay[s] = calendar.periodStart[t] + Math.floor(f * (calendar.periodStart[t + 1] - calendar.periodStart[t]));
                }
                // The cap binds when it, not the stock, held the release below what was asked.
                ws.sRmCapAsked[s * T + t] = wanted > cap + EPSILON && before > cap + EPSILON ? Math.min(wanted, before) - cap : 0;
                ws.sRmCap[s * T + t] = cap;
                ws.sRmStock[s * T + t] = rmStock[s];
                ws.sRmReleased[s * T + t] = released;
                ws.sRmPurchased[s * T + t] = purchased;
            }
        }
    }
}
