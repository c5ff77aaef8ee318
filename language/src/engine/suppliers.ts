/**
 * Step 2: suppliers ship. Each outlet's available capacity (availability × outage) serves its
 * lines' requests by destination priority class, pro rata within a class; what is shipped
 * arrives now or enters the pipeline at the line's lead. Plants ship by the same rule (plants.ts).
 */
import type { LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import type { Shipper } from './plants.js';
import type { RunState } from './run-state.js';

export class SupplierStep implements Shipper {
    /** While the engine computes the pipeline's prefill: every shipment arrives at once. */
    prefilling = false;

    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState
    ) {}

    /** Share of capacity a producer has in period t: planned, online, ramp, offline. */
    availability(p: number, t: number): number {
        const { producers } = this.model;
        if (producers.planned[p] && !this.ws.producerAdded[p]) return 0;
        const online = producers.onlinePeriod[p];
        if (t < online || t >= producers.offlinePeriod[p]) return 0;
        const ramp = producers.rampPeriods[p];
        return ramp > 0 ? Math.min(1, (t - online + 1) / ramp) : 1;
    }

    run(t: number): void {
        const { producers, outlets } = this.model;
        const { spare, outage, shippedTotal } = this.ws;
        for (let p = 0; p < producers.names.length; p++) {
            if (producers.isPlant[p]) continue;
            const a = this.availability(p, t);
            for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
                const available = outlets.capacity[o] * a * outage[o];
                const shipped = this.allocate(o, available, t);
                spare[o] = Math.max(0, available - shipped);
                shippedTotal[o] += shipped;
            }
        }
    }

    /**
     * Serves an outlet's line requests from `available`: by destination priority class, pro
     * rata within a class. Returns what it shipped. (Lines are numbered so that an outlet's
     * lines, class by class, are consecutive.)
     */
    allocate(o: number, available: number, t: number): number {
        const classStart = this.model.outlets.classStart;
        const request = this.ws.request;
        const base = o * (PRIORITY_CLASSES + 1);
        const first = classStart[base],
            end = classStart[base + PRIORITY_CLASSES];
        let total = 0;
        for (let l = first; l < end; l++) total += request[l];
        if (total <= 0 || available <= 0) return 0;
        if (total <= available) {
            this.ship(first, end, 1, t);
            return total;
        }
        let left = available;
        for (let c = 0; c < PRIORITY_CLASSES && left > 0; c++) {
            const a = classStart[base + c],
                b = classStart[base + c + 1];
            let classTotal = 0;
            for (let l = a; l < b; l++) classTotal += request[l];
            if (classTotal <= 0) continue;
            const ratio = classTotal <= left ? 1 : left / classTotal;
            this.ship(a, b, ratio, t);
            left = classTotal <= left ? left - classTotal : 0;
        }
        return available - left;
    }

    /**
     * Ships `ratio` of the requests of lines [first, end): arriving now (no lead) or placed in
     * the pipeline, which is laid out period by period ([slot * lines + line]).
     */
    private ship(first: number, end: number, ratio: number, t: number): void {
        const ws = this.ws;
        const { request, arrive, ring, leadPeriods } = ws;
        const size = ws.ringSize,
            lines = this.model.lines.realCount;
        const now = t % size;
        for (let l = first; l < end; l++) {
            const amount = request[l] * ratio;
            if (amount <= 0) continue;
            ws.lineShipped[l] += amount;
            const lead = this.prefilling ? 0 : leadPeriods[l];
            if (lead === 0) {
                arrive[l] += amount;
                continue;
            }
            let slot = now + lead; // lead < size: one wrap at most
            if (slot >= size) slot -= size;
            ring[slot * lines + l] += amount;
        }
    }
}
