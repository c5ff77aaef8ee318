/**
 * Step 1: shocks and measures. Each period, the strength of every event of the scenario
 * (inactive, ramping, full); when one changed, every factor the other steps read (cuts,
 * outages, demand, recycling, substitution, delays, additions, releases, switches) is rebuilt
 * from the events active now, and each real line's volume, request and lead with them.
 */
import type { LoweredModel } from '../lowering/model.js';
import { DEST_PLANT } from '../lowering/model.js';
import type { ReleaseEffect } from './reserves.js';
import { strengthAt } from './run-snapshot.js';
import type { RunState } from './run-state.js';
import type { SwitchEffect } from './switches.js';

export class EventStep {
    /** The scenario's events (indices into `model.events`). */
    events: number[] = [];
    /** Strength of each event this period (0 inactive, ramp fraction, or 1), to detect changes. */
    readonly strength: Float64Array;
    /** The releases active now, one per reserve (the first event's), in event order. */
    readonly releaseEffects: ReleaseEffect[] = [];
    readonly activeSwitches: SwitchEffect[] = [];
    /** Each real line's lead in periods without delays. */
    readonly baseLead: Int32Array;
    /** 1 for lines that take part only while a measure adds them or one of their ends (planned). */
    private readonly mayBeInactive: Uint8Array;

    constructor(
        private readonly model: LoweredModel,
        private readonly ws: RunState
    ) {
        const { lines, calendar, producers } = model;
        this.strength = new Float64Array(model.events.length);
        this.baseLead = new Int32Array(lines.realCount);
        this.mayBeInactive = new Uint8Array(lines.realCount);
        for (let l = 0; l < lines.realCount; l++) {
            this.baseLead[l] = Math.min(ws.ringSize - 1, Math.max(0, Math.ceil(lines.leadDays[l] / calendar.periodDays - 1e-9)));
            const dest = lines.destNode[l];
            this.mayBeInactive[l] =
                lines.planned[l] || producers.planned[lines.producer[l]] || (lines.destKind[l] === DEST_PLANT && producers.planned[dest]) ? 1 : 0;
        }
    }

    /** A new scenario: nothing applied yet (period 0 rebuilds every factor). */
    start(events: number[]): void {
        this.events = events;
        this.strength.fill(NaN);
    }

    /**
     * Continues `events` at period k as step 1 of period k - 1 left them: each event's
     * strength, the releases active then (from the snapshot) and the switches.
     */
    resumeAt(events: number[], k: number, releaseEffects: readonly ReleaseEffect[]): void {
        const { model } = this;
        this.start(events);
        for (const e of events) this.strength[e] = strengthAt(model.events[e].window, k - 1);
        this.releaseEffects.length = 0;
        this.releaseEffects.push(...releaseEffects);
        this.activeSwitches.length = 0;
        for (const e of events) {
            if (!(this.strength[e] > 0)) continue;
            for (const effect of model.events[e].effects) if (effect.kind === 'switch') this.activeSwitches.push(effect);
        }
    }

    run(t: number): void {
        const { events } = this.model;
        let dirty = false;
        for (const e of this.events) {
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
        for (const e of this.events) {
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
}
