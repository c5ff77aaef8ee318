/**
 * The period step: the spec's seven steps, in order, over typed arrays. One Engine per
 * model; `begin` starts a scenario, `step(t)` runs period t. Each step is its own file
 * (events, suppliers, switches, plants, consumers, reserves); this one orders them and holds
 * the run's state. Nothing here allocates per period, and nothing depends on anything but the
 * lowered model.
 */
import type { LoweredModel } from '../lowering/model.js';
import { RunState } from './run-state.js';
import { restoreRunState, snapshotRunState, type RunStateSnapshot, type SwitchTracking } from './run-snapshot.js';

import { EPSILON } from './constants.js';
import { ConsumerStep } from './consumers.js';
import { EventStep } from './events.js';
import { PlantStep } from './plants.js';
import { ReserveStep, type ReleaseEffect } from './reserves.js';
import { SupplierStep } from './suppliers.js';
import { SwitchStep, type SwitchEffect } from './switches.js';

export { EPSILON } from './constants.js';

/** A run's state at the start of a period, to resume runs that share the periods before it (run-snapshot.ts). */
export interface EngineSnapshot extends SwitchTracking {
    readonly ws: RunStateSnapshot;
    readonly releaseEffects: readonly ReleaseEffect[];
}

/** How much of a run the engine keeps. */
export interface EngineOptions {
    /**
     * Origin mixes, per-line arrivals per period and embedded snapshots (default true): what
     * results' shares and embedded dependency read. Callers that read a run's tonnes only
     * (summaries of sweeps, no-effect outcomes) turn it off: the same tonnes, less work.
     */
    origins?: boolean;
}

export class Engine {
    readonly ws: RunState;
    private switchConsumers: number[] = [];
    private switchPlants: number[] = [];
    /** Baseline shipments of period 0, filling the pipeline at the start. */
    private readonly prefill: Float64Array;
    private readonly events: EventStep;
    private readonly suppliers: SupplierStep;
    private readonly switches: SwitchStep;
    private readonly plants: PlantStep;
    private readonly consumers: ConsumerStep;
    private readonly reserves: ReserveStep;

    constructor(
        readonly model: LoweredModel,
        options: EngineOptions = {}
    ) {
        this.ws = new RunState(model, options.origins ?? true);
        this.events = new EventStep(model, this.ws);
        this.suppliers = new SupplierStep(model, this.ws);
        this.switches = new SwitchStep(model, this.ws);
        this.plants = new PlantStep(model, this.ws, this.suppliers);
        this.consumers = new ConsumerStep(model, this.ws, this.plants.fromPlant);
        this.reserves = new ReserveStep(model, this.ws);
        this.prefill = new Float64Array(model.lines.realCount);
        this.computePrefill();
    }

    /**
     * What each line ships in period 0 of the baseline when every shipment arrives at once:
     * the steady flow that fills the pipeline, so nothing looks short at the start.
     */
    private computePrefill(): void {
        this.suppliers.prefilling = true;
        this.begin([], false);
        this.events.run(0);
        this.beginPeriod(0);
        this.suppliers.run(0);
        this.plants.run(0);
        this.prefill.set(this.ws.arrive.subarray(0, this.model.lines.realCount));
        this.suppliers.prefilling = false;
    }

    /**
     * Starts a scenario: state back to the start, pipeline full of baseline shipments. The
     * shortfalls of the switches of `alsoTrack` are tracked too (they change nothing until a
     * switch of the run draws), so runs that add those switches can resume from this one.
     */
    begin(events: number[], fillPipeline = true, alsoTrack: readonly number[] = []): void {
        const { ws, model } = this;
        this.setEvents(events, alsoTrack);
        this.events.start(events);
        ws.reset();
        if (!fillPipeline) return;
        const { ring } = ws;
        const { baseLead } = this.events;
        const lines = model.lines.realCount;
        for (let l = 0; l < lines; l++) {
            const amount = this.prefill[l];
            if (amount <= 0) continue;
            for (let p = 0; p < baseLead[l]; p++) ring[p * lines + l] += amount;
        }
    }

    /** The consumers and plants whose shortfall the run's switches (and `alsoTrack`'s) follow. */
    private setEvents(events: number[], alsoTrack: readonly number[]): void {
        const { model } = this;
        const switches = [...events, ...alsoTrack].flatMap(e => model.events[e].effects).filter((e): e is SwitchEffect => e.kind === 'switch');
        this.switchConsumers = [...new Set(switches.filter(e => e.consumer >= 0).map(e => e.consumer))];
        this.switchPlants = [...new Set(switches.filter(e => e.plant >= 0).map(e => e.plant))];
    }

    /** The run's state at the start of period t, after `step(t - 1)`. */
    snapshot(t: number): EngineSnapshot {
        return {
            ws: snapshotRunState(this.ws, t),
            releaseEffects: [...this.events.releaseEffects],
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
        this.setEvents(events, []);
        restoreRunState(this.ws, snapshot.ws, snapshot, { switchConsumers: this.switchConsumers, switchPlants: this.switchPlants });
        this.events.resumeAt(events, snapshot.ws.period, snapshot.releaseEffects);
    }

    /** One period: the spec's steps 1-7. */
    step(t: number): void {
        this.events.run(t);
        this.beginPeriod(t);
        this.suppliers.run(t);
        this.switches.trackShortfall(t, this.switchConsumers, this.availabilityOf);
        if (this.switchPlants.length > 0) this.switches.trackPlantShortfall(t, this.switchPlants, this.availabilityOf);
        this.switches.draw(t, this.events.activeSwitches);
        this.plants.run(t);
        if (this.switchConsumers.length > 0 || this.switchPlants.length > 0) this.switches.recordPlantShortfall(t, this.availabilityOf);
        this.consumers.run(t);
        this.reserves.run(t, this.events.releaseEffects);
        this.recordUnmet(t);
    }

    private readonly availabilityOf = (p: number, t: number): number => this.suppliers.availability(p, t);

    /** Share of capacity a producer has in period t: planned, online, ramp, offline. */
    availability(p: number, t: number): number {
        return this.suppliers.availability(p, t);
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
