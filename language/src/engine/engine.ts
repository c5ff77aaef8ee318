/**
 * The period step: the spec's seven steps, in order, over typed arrays. One Engine per
 * model; `begin` starts a scenario, `step(t)` runs period t. Nothing here allocates per
 * period, and nothing depends on anything but the lowered model.
 */
import type { LoweredModel } from '../lowering/model.js';
import { DEST_PLANT, PRIORITY_CLASSES } from '../lowering/model.js';
import { RunState } from './run-state.js';
import { restoreRunState, snapshotRunState, strengthAt, type RunStateSnapshot, type SwitchTracking } from './run-snapshot.js';

import { EPSILON } from './constants.js';
import { ConsumerStep } from './consumers.js';
import { PlantStep, type Shipper } from './plants.js';
import { ReserveStep, type ReleaseEffect } from './reserves.js';
import { SwitchStep, type SwitchEffect } from './switches.js';

export { EPSILON } from './constants.js';

/** A run's state at the start of a period, to resume runs that share the periods before it (run-snapshot.ts). */
export interface EngineSnapshot extends SwitchTracking {
    readonly ws: RunStateSnapshot;
    readonly releaseEffects: readonly ReleaseEffect[];
}

export class Engine implements Shipper {
    readonly ws: RunState;
    private scenarioEvents: number[] = [];
    /** Strength of each event this period (0 inactive, ramp fraction, or 1), to detect changes. */
    private readonly strength: Float64Array;
    private readonly releaseEffects: ReleaseEffect[] = [];
    private readonly activeSwitches: SwitchEffect[] = [];
    private switchConsumers: number[] = [];
    private switchPlants: number[] = [];
    /** Baseline shipments of period 0, filling the pipeline at the start. */
    private readonly prefill: Float64Array;
    private readonly baseLead: Int32Array;
    /** 1 for lines that take part only while a measure adds them or one of their ends (planned). */
    private readonly mayBeInactive: Uint8Array;
    private prefilling = false;
    private readonly switches: SwitchStep;
    private readonly plants: PlantStep;
    private readonly consumers: ConsumerStep;
    private readonly reserves: ReserveStep;

    constructor(readonly model: LoweredModel) {
        this.ws = new RunState(model);
        const { lines, calendar } = model;
        this.strength = new Float64Array(model.events.length);
        this.switches = new SwitchStep(model, this.ws);
        this.plants = new PlantStep(model, this.ws, this);
        this.consumers = new ConsumerStep(model, this.ws, this.plants.fromPlant);
        this.reserves = new ReserveStep(model, this.ws);
        this.baseLead = new Int32Array(lines.realCount);
        this.mayBeInactive = new Uint8Array(lines.realCount);
        const { producers } = model;
        for (let l = 0; l < lines.realCount; l++) {
            this.baseLead[l] = Math.min(this.ws.ringSize - 1, Math.max(0, Math.ceil(lines.leadDays[l] / calendar.periodDays - 1e-9)));
            const dest = lines.destNode[l];
            this.mayBeInactive[l] =
                lines.planned[l] || producers.planned[lines.producer[l]] || (lines.destKind[l] === DEST_PLANT && producers.planned[dest]) ? 1 : 0;
        }
        this.prefill = new Float64Array(lines.realCount);
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
        this.plants.run(0);
        this.prefill.set(this.ws.arrive.subarray(0, this.model.lines.realCount));
        this.prefilling = false;
    }

    /**
     * Starts a scenario: state back to the start, pipeline full of baseline shipments. The
     * shortfalls of the switches of `alsoTrack` are tracked too (they change nothing until a
     * switch of the run draws), so runs that add those switches can resume from this one.
     */
    begin(events: number[], fillPipeline = true, alsoTrack: readonly number[] = []): void {
        const { ws, model } = this;
        this.setEvents(events, alsoTrack);
        this.strength.fill(NaN);
        ws.reset();
        if (!fillPipeline) return;
        const { ring } = ws;
        const lines = model.lines.realCount;
        for (let l = 0; l < lines; l++) {
            const amount = this.prefill[l];
            if (amount <= 0) continue;
            for (let p = 0; p < this.baseLead[l]; p++) ring[p * lines + l] += amount;
        }
    }

    private setEvents(events: number[], alsoTrack: readonly number[]): void {
        const { model } = this;
        this.scenarioEvents = events;
        const switches = [...events, ...alsoTrack].flatMap(e => model.events[e].effects).filter((e): e is SwitchEffect => e.kind === 'switch');
        this.switchConsumers = [...new Set(switches.filter(e => e.consumer >= 0).map(e => e.consumer))];
        this.switchPlants = [...new Set(switches.filter(e => e.plant >= 0).map(e => e.plant))];
    }

    /** The run's state at the start of period t, after `step(t - 1)`. */
    snapshot(t: number): EngineSnapshot {
        return {
            ws: snapshotRunState(this.ws, t),
            releaseEffects: [...this.releaseEffects],
            switchConsumers: this.switchConsumers,
            switchPlants: this.switchPlants
        };
    }

    /**
     * Continues `events` from a snapshot of a run whose periods before it are the same
     * (`firstPeriodApart`): the state `begin(events)` and the steps before would have left.
     * The caller steps on from the snapshot's period.
     */
    resume(snapshot: EngineSnapshot, events: number[]): void {
        const { ws, model } = this;
        const k = snapshot.ws.period;
        this.setEvents(events, []);
        restoreRunState(ws, snapshot.ws, snapshot, { switchConsumers: this.switchConsumers, switchPlants: this.switchPlants });
        // What step 1 of period k - 1 left: each event's strength, the active releases and switches.
        this.strength.fill(NaN);
        for (const e of events) this.strength[e] = strengthAt(model.events[e].window, k - 1);
        this.releaseEffects.length = 0;
        this.releaseEffects.push(...snapshot.releaseEffects);
        this.activeSwitches.length = 0;
        for (const e of events) {
            if (!(this.strength[e] > 0)) continue;
            for (const effect of model.events[e].effects) if (effect.kind === 'switch') this.activeSwitches.push(effect);
        }
    }

    /** One period: the spec's steps 1-7. */
    step(t: number): void {
        this.applyEvents(t);
        this.beginPeriod(t);
        this.shipFromSuppliers(t);
        this.switches.trackShortfall(t, this.switchConsumers, this.availabilityOf);
        if (this.switchPlants.length > 0) this.switches.trackPlantShortfall(t, this.switchPlants, this.availabilityOf);
        this.switches.draw(t, this.activeSwitches);
        this.plants.run(t);
        if (this.switchConsumers.length > 0 || this.switchPlants.length > 0) this.switches.recordPlantShortfall(t, this.availabilityOf);
        this.consumers.run(t);
        this.reserves.run(t, this.releaseEffects);
        this.recordUnmet(t);
    }

    // ---------------------------------------------------------------- step 1: shocks and measures

    private applyEvents(t: number): void {
        const { events } = this.model;
        let dirty = false;
        for (const e of this.scenarioEvents) {
            const s = strengthAt(events[e].window, t);
            if (s !== this.strength[e]) {
                this.strength[e] = s;
                dirty = true;
            }
        }
        if (dirty || t === 0) this.recompute();
    }

    /** Rebuilds every factor from the events active now (only when one changed). */
    private recompute(): void {
        const { ws, model } = this;
        ws.cut.fill(1);
        ws.outage.fill(1);
        ws.demand.fill(0);
        ws.recycle.fill(0);
        ws.substitute.fill(0);
        ws.extraLeadDays.fill(0);
        ws.producerAdded.fill(0);
        ws.lineAdded.fill(0);
        ws.releaseOverride.fill(-1);
        this.releaseEffects.length = 0;
        this.activeSwitches.length = 0;
        for (const e of this.scenarioEvents) {
            const s = this.strength[e];
            if (!(s > 0)) continue;
            for (const effect of model.events[e].effects) {
                switch (effect.kind) {
                    case 'embargo': {
                        const keep = 1 - effect.cut * s;
                        for (const l of effect.lines) ws.cut[l] *= keep;
                        break;
                    }
                    case 'outage': {
                        const keep = 1 - effect.cut * s;
                        for (const o of effect.outlets) ws.outage[o] *= keep;
                        break;
                    }
                    case 'demand':
                        for (const c of effect.slots) ws.demand[c] += effect.change * s;
                        break;
                    case 'recycle':
                        for (const c of effect.slots) ws.recycle[c] += effect.share * s;
                        break;
                    case 'substitute':
                        for (const c of effect.slots) ws.substitute[c] += effect.share * s;
                        break;
                    case 'delay':
                        for (const l of effect.lines) ws.extraLeadDays[l] += effect.extraDays;
                        break;
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
                    case 'switch':
                        this.activeSwitches.push(effect);
                        break;
                }
            }
        }
        this.refreshLines();
    }

    /**
     * Each real line's nominal volume, request and lead under the factors just set. Apart from
     * `recompute`, whose effects come in many shapes, so that this loop over every line runs
     * optimized from the first scenarios on.
     */
    private refreshLines(): void {
        const { ws, model, baseLead, mayBeInactive } = this;
        const { lines, producers, calendar } = model;
        const { nominal, request, cut, extraLeadDays, leadPeriods, lineAdded, producerAdded } = ws;
        const maxLead = ws.ringSize - 1;
        for (let l = 0; l < lines.realCount; l++) {
            let active = true;
            if (mayBeInactive[l]) {
                const p = lines.producer[l];
                const dest = lines.destNode[l];
                active =
                    (!lines.planned[l] || lineAdded[l] === 1) &&
                    (!producers.planned[p] || producerAdded[p] === 1) &&
                    (lines.destKind[l] !== DEST_PLANT || !producers.planned[dest] || producerAdded[dest] === 1);
            }
            const volume = active ? lines.volume[l] : 0;
            nominal[l] = volume;
            request[l] = volume * cut[l];
            const extra = extraLeadDays[l];
            if (extra === 0) leadPeriods[l] = baseLead[l];
            else leadPeriods[l] = Math.min(maxLead, Math.max(0, Math.ceil((lines.leadDays[l] + extra) / calendar.periodDays - 1e-9)));
        }
    }

    private readonly availabilityOf = (p: number, t: number): number => this.availability(p, t);

    /** Share of capacity a producer has in period t: planned, online, ramp, offline. */
    availability(p: number, t: number): number {
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
        ws.lineShipped.fill(0);
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
