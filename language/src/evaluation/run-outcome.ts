/**
 * What a run did, in the figures `chokepoint check`'s no-effect hint compares (metrics-v2 §5):
 * per consumer-material slot its unmet, drawn, released and arrivals over the horizon, per
 * reserve-material slot its final stock and what it released. Read straight from the engine's
 * workspace with the same sums and rounding as `engine/assemble.ts`, so the comparison is the
 * one the whole results gave, without assembling a result per run (which cost `check` most of
 * its time on a large model).
 */
import type { Engine } from '../engine/engine.js';
import { r6 } from '../engine/metrics.js';
import type { LoweredModel } from '../lowering/model.js';

const PER_CONSUMER_SLOT = 4,
    PER_RESERVE_SLOT = 2;

/** Runs `events` on `engine` over the whole horizon and returns the run's outcome. */
export function runOutcome(model: LoweredModel, engine: Engine, events: number[]): Float64Array {
    engine.begin(events);
    for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
    return readOutcome(model, engine);
}

/** The outcome of the run `engine` holds, at its end. */
export function readOutcome(model: LoweredModel, engine: Engine): Float64Array {
    const { ws } = engine;
    const T = ws.periods;
    const slots = model.cms.consumer.length,
        reserveSlots = model.rms.material.length;
    const outcome = new Float64Array(slots * PER_CONSUMER_SLOT + reserveSlots * PER_RESERVE_SLOT);
    for (let s = 0; s < slots; s++) {
        let unmet = 0,
            drawn = 0,
            released = 0,
            arrivals = 0;
        for (let i = s * T; i < (s + 1) * T; i++) {
            arrivals += ws.sArrivals[i];
            drawn += ws.sDrawn[i];
            released += ws.sReleased[i];
            if (ws.sUnmet[i] > 0) unmet += ws.sUnmet[i];
        }
        outcome.set([r6(unmet), r6(drawn), r6(released), r6(arrivals)], s * PER_CONSUMER_SLOT);
    }
    const at = slots * PER_CONSUMER_SLOT;
    for (let s = 0; s < reserveSlots; s++) {
        let released = 0;
        for (let i = s * T; i < (s + 1) * T; i++) released += ws.sRmReleased[i];
        outcome.set([r6(ws.sRmStock[s * T + T - 1]), r6(released)], at + s * PER_RESERVE_SLOT);
    }
    return outcome;
}

/** The same outcome within 10^-6 t everywhere. */
export function sameOutcome(a: Float64Array, b: Float64Array): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
    return true;
}
