/**
 * The period step: the spec's seven steps, in order, over typed arrays. One Engine per
 * model; `begin` starts a scenario, `step(t)` runs period t. Nothing here allocates per
 * period, and nothing depends on anything but the lowered model.
 */
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { PRIORITY_CLASSES } from '../lowering/model.js';
import { Workspace } from './workspace.js';

/** Quantities below this many tonnes are float noise, not stock or shortfall. */
export const EPSILON = 1e-9;

type SwitchEffect = Extract<LoweredEffect, { kind: 'switch' }>;
type ReleaseEffect = Extract<LoweredEffect, { kind: 'release' }>;

export class Engine {
    readonly ws: Workspace;
    private scenarioEvents: number[] = [];
    /** Strength of each event this period (0 inactive, ramp fraction, or 1), to detect changes. */
    private readonly strength: Float64Array;
    private readonly releaseEffects: ReleaseEffect[] = [];
    private readonly activeSwitches: SwitchEffect[] = [];
    private switchConsumers: number[] = [];
    /** Baseline shipments of period 0, filling the pipeline at the start. */
    private readonly prefill: Float64Array;
    private readonly baseLead: Int32Array;
    private prefilling = false;
    // scratch for switch rounds
    private readonly classTotal: Float64Array;
    private readonly classRatio: Float64Array;
    private readonly touched: Int32Array;
    private readonly regionScratch: Float64Array;
    /** Outlets whose output mix is needed every period (they ship to plants); others only at snapshots. */
    private readonly mixEveryPeriod: Uint8Array;
    /** 1 for lines shipped by a plant (they carry its origin mix). */
    private readonly fromPlant: Uint8Array;

    constructor(readonly model: LoweredModel) {
        this.ws = new Workspace(model);
        const { lines, outlets, calendar } = model;
        this.strength = new Float64Array(model.events.length);
        this.classTotal = new Float64Array(outlets.producer.length * PRIORITY_CLASSES);
        this.classRatio = new Float64Array(outlets.producer.length * PRIORITY_CLASSES);
        this.touched = new Int32Array(outlets.producer.length);
        this.regionScratch = new Float64Array(model.regionNames.length);
        this.baseLead = new Int32Array(lines.realCount);
        for (let l = 0; l < lines.realCount; l++) {
            this.baseLead[l] = Math.min(this.ws.ringSize - 1, Math.max(0, Math.ceil(lines.leadDays[l] / calendar.periodDays - 1e-9)));
        }
        this.prefill = new Float64Array(lines.realCount);
        this.mixEveryPeriod = new Uint8Array(outlets.producer.length);
        this.fromPlant = new Uint8Array(lines.count);
        for (let l = 0; l < lines.count; l++) {
            if (model.producers.isPlant[lines.producer[l]]) this.fromPlant[l] = 1;
            if (lines.destKind[l] === 0 && lines.outlet[l] >= 0) this.mixEveryPeriod[lines.outlet[l]] = 1;
        }
        this.computePrefill();
    }

    /**
     * What each line ships in period 0 of the baseline when every shipment arrives at once:
     * the steady flow that fills the pipeline, so nothing looks short at the start.
     */
    private computePrefill(): void {
        this.prefilling = true;
        this.begin([], false);
        this.applyEvents(0);
        this.beginPeriod(0);
        this.shipFromSuppliers(0);
        this.runPlants(0);
        this.prefill.set(this.ws.arrive.subarray(0, this.model.lines.realCount));
        this.prefilling = false;
    }

    /** Starts a scenario: state back to the start, pipeline full of baseline shipments. */
    begin(events: number[], fillPipeline = true): void {
        const { ws, model } = this;
        this.scenarioEvents = events;
        this.strength.fill(NaN);
        ws.reset();
        this.switchConsumers = [...new Set(events.flatMap(e => model.events[e].effects)
            .filter((e): e is SwitchEffect => e.kind === 'switch').map(e => e.consumer))];
        if (!fillPipeline) return;
        const { ring } = ws;
        const lines = model.lines.realCount;
        for (let l = 0; l < lines; l++) {
            const amount = this.prefill[l];
            if (amount <= 0) continue;
            for (let p = 0; p < this.baseLead[l]; p++) ring[p * lines + l] += amount;
        }
    }

    /** One period: the spec's steps 1-7. */
    step(t: number): void {
        this.applyEvents(t);
        this.beginPeriod(t);
        this.shipFromSuppliers(t);
        this.drawSwitches(t);
        this.runPlants(t);
        this.meetNeeds(t);
        this.releaseReserves(t);
        this.recordUnmet(t);
    }

    // ---------------------------------------------------------------- step 1: shocks and measures

    private applyEvents(t: number): void {
        const { events } = this.model;
        let dirty = false;
        for (const e of this.scenarioEvents) {
            const w = events[e].window;
            let s = 0;
            if (t >= w.fromPeriod && t < w.toPeriod) s = w.rampPeriods > 0 ? Math.min(1, (t - w.fromPeriod + 1) / w.rampPeriods) : 1;
            if (s !== this.strength[e]) { this.strength[e] = s; dirty = true; }
        }
        if (dirty || t === 0) this.recompute(t);
    }

    /** Rebuilds every factor from the events active now (only when one changed). */
    private recompute(t: number): void {
        const { ws, model } = this;
        const { lines, producers, calendar } = model;
        ws.cut.fill(1); ws.outage.fill(1); ws.demand.fill(0); ws.recycle.fill(0); ws.substitute.fill(0);
        ws.extraLeadDays.fill(0); ws.producerAdded.fill(0); ws.lineAdded.fill(0); ws.releaseOverride.fill(-1);
        this.releaseEffects.length = 0;
        this.activeSwitches.length = 0;
        for (const e of this.scenarioEvents) {
            const s = this.strength[e];
            if (!(s > 0)) continue;
            for (const effect of model.events[e].effects) {
                switch (effect.kind) {
                    case 'embargo': { const keep = 1 - effect.cut * s; for (const l of effect.lines) ws.cut[l] *= keep; break; }
                    case 'outage': { const keep = 1 - effect.cut * s; for (const o of effect.outlets) ws.outage[o] *= keep; break; }
                    case 'demand': for (const c of effect.slots) ws.demand[c] += effect.change * s; break;
                    case 'recycle': for (const c of effect.slots) ws.recycle[c] += effect.share * s; break;
                    case 'substitute': for (const c of effect.slots) ws.substitute[c] += effect.share * s; break;
                    case 'delay': for (const l of effect.lines) ws.extraLeadDays[l] += effect.extraDays; break;
                    case 'add':
                        for (const p of effect.producers) ws.producerAdded[p] = 1;
                        for (const l of effect.lines) ws.lineAdded[l] = 1;
                        break;
                    case 'release':
                        if (ws.releaseOverride[effect.reserve] < 0) {
                            ws.releaseOverride[effect.reserve] = this.releaseEffects.length;
                            this.releaseEffects.push(effect);
                        }
                        break;
                    case 'switch': this.activeSwitches.push(effect); break;
                }
            }
        }
        const maxLead = ws.ringSize - 1;
        for (let l = 0; l < lines.realCount; l++) {
            const p = lines.producer[l];
            const dest = lines.destNode[l];
            const active = (!lines.planned[l] || ws.lineAdded[l]) && (!producers.planned[p] || ws.producerAdded[p])
                && (lines.destKind[l] !== 0 || !producers.planned[dest] || ws.producerAdded[dest]);
            ws.nominal[l] = active ? lines.volume[l] : 0;
            ws.request[l] = ws.nominal[l] * ws.cut[l];
            const lead = Math.ceil((lines.leadDays[l] + ws.extraLeadDays[l]) / calendar.periodDays - 1e-9);
            ws.leadPeriods[l] = Math.min(maxLead, Math.max(0, lead));
        }
        // The switch delay counts from the first period a shock cuts any flow into the consumer.
        const { cms, consumers } = model;
        for (const c of this.switchConsumers) {
            if (ws.firstCut[c] >= 0) continue;
            for (let s = consumers.cmStart[c]; s < consumers.cmStart[c + 1] && ws.firstCut[c] < 0; s++) {
                for (let i = cms.inStart[s]; i < cms.inStart[s + 1]; i++) {
                    const l = cms.inLines[i];
                    if (l < lines.realCount && ws.nominal[l] > 0 && ws.cut[l] < 1) { ws.firstCut[c] = t; break; }
                }
            }
        }
    }

    /** Share of capacity a producer has in period t: planned, online, ramp, offline. */
    private availability(p: number, t: number): number {
        const { producers } = this.model;
        if (producers.planned[p] && !this.ws.producerAdded[p]) return 0;
        const online = producers.onlinePeriod[p];
        if (t < online || t >= producers.offlinePeriod[p]) return 0;
        const ramp = producers.rampPeriods[p];
        return ramp > 0 ? Math.min(1, (t - online + 1) / ramp) : 1;
    }

    /** Arrivals of shipments made earlier; switch lines start at nothing. */
    private beginPeriod(t: number): void {
        const { ws } = this;
        const { ring, arrive, ringSize } = ws;
        const real = this.model.lines.realCount;
        const from = (t % ringSize) * real;
        arrive.set(ring.subarray(from, from + real));
        ring.fill(0, from, from + real);
        arrive.fill(0, real);
    }

    // ---------------------------------------------------------------- step 2: suppliers ship

    private shipFromSuppliers(t: number): void {
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
    private allocate(o: number, available: number, t: number): number {
        const classStart = this.model.outlets.classStart;
        const request = this.ws.request;
        const base = o * (PRIORITY_CLASSES + 1);
        const first = classStart[base], end = classStart[base + PRIORITY_CLASSES];
        let total = 0;
        for (let l = first; l < end; l++) total += request[l];
        if (total <= 0 || available <= 0) return 0;
        if (total <= available) {
            this.ship(first, end, 1, t);
            return total;
        }
        let left = available;
        for (let c = 0; c < PRIORITY_CLASSES && left > 0; c++) {
            const a = classStart[base + c], b = classStart[base + c + 1];
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
        const size = ws.ringSize, lines = this.model.lines.realCount;
        const now = t % size;
        for (let l = first; l < end; l++) {
            const amount = request[l] * ratio;
            if (amount <= 0) continue;
            const lead = this.prefilling ? 0 : leadPeriods[l];
            if (lead === 0) { arrive[l] += amount; continue; }
            let slot = now + lead; // lead < size: one wrap at most
            if (slot >= size) slot -= size;
            ring[slot * lines + l] += amount;
        }
    }

    // ---------------------------------------------------------------- step 3: switches

    private drawSwitches(t: number): void {
        if (this.activeSwitches.length === 0) return;
        const { ws, model } = this;
        const { cms, lines } = model;
        const { switchWanted, firstCut, nominal, request, cut, spare, arrive } = ws;
        const eligible = this.activeSwitches.filter(e => firstCut[e.consumer] >= 0 && t >= firstCut[e.consumer] + e.delayPeriods);
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
        // Round k asks every switching consumer's k-th supplier; each supplier serves the
        // requests by priority, pro rata within a priority, from its spare capacity.
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

    // ---------------------------------------------------------------- step 4: plants

    private runPlants(t: number): void {
        const { ws, model } = this;
        const { producers, outlets, inputs, lines, plantOrder, plantInStart, plantInLines } = model;
        const { buffer, bufferMix, bufferScale, arrive, outletMix, outage, receivedTotal, usedTotal, shippedTotal, spare, originSets } = ws;
        const { fromPlant, mixEveryPeriod } = this;
        const { lineMapStart, lineMap, bufferOffset, outletOffset, size: originCount } = originSets;
        const destSlot = lines.destSlot, lineOutlet = lines.outlet, lineProducer = lines.producer;
        const snapshot = t === 0 || t === ws.periods - 1;
        for (let n = 0; n < plantOrder.length; n++) {
            const p = plantOrder[n];
            for (let i = plantInStart[p]; i < plantInStart[p + 1]; i++) {
                const l = plantInLines[i];
                const a = arrive[l];
                if (a <= 0) continue;
                const b = destSlot[l];
                buffer[b] += a;
                receivedTotal[b] += a;
                // A shipment from a plant carries that plant's current origin mix.
                const scaled = a / bufferScale[b];
                const to = bufferOffset[b];
                const map = lineMapStart[l];
                if (fromPlant[l]) {
                    const from = lineOutlet[l] >= 0 ? outletOffset[lineOutlet[l]] : -1;
                    const k = originCount[lineProducer[l]];
                    if (from >= 0) {
                        for (let j = 0; j < k; j++) {
                            const d = lineMap[map + j];
                            if (d >= 0) bufferMix[to + d] += scaled * outletMix[from + j];
                        }
                    }
                } else if (lineMap[map] >= 0) {
                    bufferMix[to + lineMap[map]] += scaled;
                }
            }
            const a = this.availability(p, t);
            const k = originCount[p];
            for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) {
                let available = outlets.capacity[o] * a * outage[o];
                let coefficients = 0;
                for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
                    const coef = inputs.coefficient[i];
                    if (coef > 0) { available = Math.min(available, buffer[inputs.buffer[i]] / coef); coefficients += coef; }
                }
                if (mixEveryPeriod[o] || snapshot) this.mixOutput(o, p, coefficients);
                const shipped = this.allocate(o, available, t);
                spare[o] = Math.max(0, available - shipped);
                shippedTotal[o] += shipped;
                if (shipped <= 0) continue;
                for (let i = outlets.inputStart[o]; i < outlets.inputStart[o + 1]; i++) {
                    const b = inputs.buffer[i];
                    const used = Math.min(buffer[b], shipped * inputs.coefficient[i]);
                    if (used <= 0) continue;
                    const keep = buffer[b] > 0 ? 1 - used / buffer[b] : 0;
                    buffer[b] -= used;
                    if (buffer[b] < EPSILON) buffer[b] = 0;
                    usedTotal[b] += used;
                    // Inputs are used in proportion to their origins: scale the mix lazily.
                    const at = bufferOffset[b];
                    if (buffer[b] === 0 || keep <= 0) {
                        bufferMix.fill(0, at, at + k);
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
     * The origin shares of what an outlet makes now: its inputs' origins weighted by the
     * tonnes of each input a tonne of output uses; a plant without inputs is its own origin.
     */
    private mixOutput(o: number, p: number, coefficients: number): void {
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

    // ---------------------------------------------------------------- step 5: consumers

    private meetNeeds(t: number): void {
        const { ws, model } = this;
        const { cms, lines } = model;
        const T = ws.periods;
        const { arrive, stock, remaining, demand, recycle, substitute } = ws;
        if (t === 0) this.pickTopOrigins();
        const { topRegion, sTopOrigin } = ws;
        const sourceRegion = lines.sourceRegion;
        for (let s = 0; s < cms.consumer.length; s++) {
            // Arrivals, and the share of them from the first period's top origin.
            let arrivals = 0, fromTop = 0;
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
            ws.sNeed[at] = need; ws.sRecycled[at] = recycled; ws.sArrivals[at] = arrivals; ws.sDelivered[at] = delivered;
            ws.sDrawn[at] = drawn; ws.sRefill[at] = refill; ws.sExcess[at] = surplus - refill; ws.sReleased[at] = 0;
        }
        const snap = ws.snapshotOf[t];
        if (snap >= 0) ws.lineSnap.set(arrive, snap * lines.count);
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

    // ---------------------------------------------------------------- step 6: reserves

    private releaseReserves(t: number): void {
        const { ws, model } = this;
        const { rms, reserves, cms, consumers, calendar } = model;
        const T = ws.periods;
        const { rmStock, remaining, arrive } = ws;
        for (let r = 0; r < reserves.names.length; r++) {
            const override = ws.releaseOverride[r];
            const effect = override >= 0 ? this.releaseEffects[override] : undefined;
            for (let s = reserves.rmStart[r]; s < reserves.rmStart[r + 1]; s++) {
                // Purchases arrive first, so what is bought this period can be released.
                let purchased = 0;
                for (let i = rms.inStart[s]; i < rms.inStart[s + 1]; i++) purchased += arrive[rms.inLines[i]];
                rmStock[s] += purchased;
                let served = rms.served, first = rms.servedStart[s], end = rms.servedStart[s + 1];
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
                ws.sRmStock[s * T + t] = rmStock[s];
                ws.sRmReleased[s * T + t] = released;
                ws.sRmPurchased[s * T + t] = purchased;
            }
        }
    }

    // ---------------------------------------------------------------- step 7: unmet

    private recordUnmet(t: number): void {
        const { ws } = this;
        const T = ws.periods;
        const { remaining, stock } = ws;
        for (let s = 0; s < remaining.length; s++) {
            const unmet = remaining[s] < EPSILON ? 0 : remaining[s];
            ws.sUnmet[s * T + t] = unmet;
            ws.sStock[s * T + t] = stock[s];
        }
    }
}
