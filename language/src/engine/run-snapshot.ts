/**
 * Shared periods between runs: two runs of one model whose event lists differ only by events
 * that cannot act before period k are the same, array for array, through period k - 1. So a
 * sweep (each scenario without one of its measures, each portfolio) runs those periods once:
 * a snapshot of the run state at the start of period k, and each run resumed from a copy of it.
 * `firstPeriodApart` says where two lists part; `snapshotRunState` and `restoreRunState` copy
 * what the period loop carries (the engine adds its own few fields, engine.ts).
 */
import type { LoweredEvent, LoweredModel, Window } from '../lowering/model.js';
import type { RunState } from './run-state.js';

type NumberArray = Float64Array | Int32Array | Uint8Array;

/** Strength of an event in period t: 0 outside its window, its ramp's fraction, or 1. The engine's rule, kept here once. */
export function strengthAt(w: Window, t: number): number {
    if (t >= w.fromPeriod && t < w.toPeriod) return w.rampPeriods > 0 ? Math.min(1, (t - w.fromPeriod + 1) / w.rampPeriods) : 1;
    return 0;
}

/**
 * The first period in which an event can change a run, or the horizon's length when it never
 * can: its window's start (clamped to the horizon), and for an event made only of switches,
 * no earlier than its shortest delay (a switch draws once its shortfall has lasted the delay,
 * the shortfall counting from period 0 at the earliest).
 */
export function firstActingPeriod(model: LoweredModel, event: LoweredEvent): number {
    const T = model.calendar.periods;
    const { fromPeriod, toPeriod } = event.window;
    const from = Math.max(0, fromPeriod);
    if (from >= T || toPeriod <= from || event.effects.length === 0) return T;
    let start = from;
    if (event.effects.every(e => e.kind === 'switch')) {
        let delay = Infinity;
        for (const e of event.effects) if (e.kind === 'switch') delay = Math.min(delay, e.delayPeriods);
        start = Math.max(from, Math.ceil(delay));
    }
    // A switch whose delay reaches its window's end (or the horizon's) never draws.
    return start < Math.min(T, toPeriod) ? start : T;
}

/**
 * How many leading periods runs of `a` and `b` have in common (0 to the horizon's length):
 * the events in one list and not the other (counting repeats) must all wait until then, and
 * the events both have must apply in the same order (a `release` overrides by order).
 */
export function firstPeriodApart(model: LoweredModel, a: readonly number[], b: readonly number[]): number {
    const count = new Map<number, number>();
    for (const e of a) count.set(e, (count.get(e) ?? 0) + 1);
    for (const e of b) count.set(e, (count.get(e) ?? 0) - 1);
    const differing = new Set([...count].filter(([, n]) => n !== 0).map(([e]) => e));
    const common = (list: readonly number[]) => list.filter(e => !differing.has(e));
    const ca = common(a),
        cb = common(b);
    if (ca.length !== cb.length || ca.some((e, i) => e !== cb[i])) return 0;
    let apart = model.calendar.periods;
    for (const e of differing) apart = Math.min(apart, firstActingPeriod(model, model.events[e]));
    return apart;
}

/** How each array of the run state is laid out, for copying only what periods before k wrote. */
const Layout = {
    /** Carried from period to period: copied whole. */
    State: 0,
    /** A series per slot, [slot * periods + t]: each slot's first k values. */
    PerSlot: 1,
    /** One block per period, [t * block + i]: the first k blocks. */
    PerPeriod: 2
} as const;
type Layout = (typeof Layout)[keyof typeof Layout];

/** Arrays laid out period by period; the `s…` arrays are series per slot (run-state.ts); the rest is copied whole. */
const PER_PERIOD = new Set(['lineSnap', 'outletMixSnap']);
/** Fixed for the model: never copied. */
const FIXED = new Set(['snapshotOf']);

function layoutOf(name: string, array: NumberArray, periods: number): Layout {
    if (PER_PERIOD.has(name)) return Layout.PerPeriod;
    if (/^s[A-Z]/.test(name) && periods > 0 && array.length % periods === 0) return Layout.PerSlot;
    return Layout.State;
}

/** The run state's arrays by name (every typed array it holds but the fixed ones). */
export function runStateArrays(ws: RunState): [string, NumberArray][] {
    return Object.entries(ws).filter(
        (entry): entry is [string, NumberArray] => ArrayBuffer.isView(entry[1]) && !(entry[1] instanceof DataView) && !FIXED.has(entry[0])
    );
}

/** A copy of what a run wrote before period `period`. */
export interface RunStateSnapshot {
    readonly period: number;
    readonly arrays: ReadonlyMap<string, NumberArray>;
}

/** Copies the state at the start of `period` (after step period - 1): carried arrays whole, series up to the period. */
export function snapshotRunState(ws: RunState, period: number): RunStateSnapshot {
    const T = ws.periods;
    const arrays = new Map<string, NumberArray>();
    for (const [name, array] of runStateArrays(ws)) {
        const layout = layoutOf(name, array, T);
        if (layout === Layout.State) arrays.set(name, array.slice());
        else if (layout === Layout.PerPeriod) arrays.set(name, array.slice(0, (array.length / T) * period));
        else {
            const slots = array.length / T;
            const copy = array.slice(0, slots * period);
            for (let s = 0; s < slots; s++) copy.set(array.subarray(s * T, s * T + period), s * period);
            arrays.set(name, copy);
        }
    }
    return { period, arrays };
}

/** Consumers and plants whose switch shortfalls a run tracks. */
export interface SwitchTracking {
    readonly switchConsumers: readonly number[];
    readonly switchPlants: readonly number[];
}

/**
 * Puts a snapshot back: the state `reset` gives, then what the periods before the snapshot's
 * wrote (later periods of the series are rewritten by the steps that follow). Shortfalls the
 * snapshot's run tracked and this one does not are left as a run without them leaves them.
 */
export function restoreRunState(ws: RunState, snapshot: RunStateSnapshot, tracked: SwitchTracking, tracking: SwitchTracking): void {
    const T = ws.periods,
        k = snapshot.period;
    ws.reset();
    for (const [name, array] of runStateArrays(ws)) {
        const saved = snapshot.arrays.get(name);
        if (!saved) continue;
        const layout = layoutOf(name, array, T);
        if (layout !== Layout.PerSlot) array.set(saved);
        else {
            const slots = array.length / T;
            for (let s = 0; s < slots; s++) array.set(saved.subarray(s * k, s * k + k), s * T);
        }
    }
    const { consumers, plantInStart, plantInLines, lines } = ws.model;
    for (const c of tracked.switchConsumers) {
        if (tracking.switchConsumers.includes(c)) continue;
        ws.firstCut[c] = -1;
        ws.sShortfall.fill(0, c * T, (c + 1) * T);
        ws.switchWanted.fill(0, consumers.cmStart[c], consumers.cmStart[c + 1]);
    }
    for (const p of tracked.switchPlants) {
        if (tracking.switchPlants.includes(p)) continue;
        ws.plantFirstCut[p] = -1;
        ws.sPlantShortfall.fill(0, p * T, (p + 1) * T);
        for (let i = plantInStart[p]; i < plantInStart[p + 1]; i++) ws.bufferWanted[lines.destSlot[plantInLines[i]]] = 0;
    }
    if (tracking.switchConsumers.length === 0 && tracking.switchPlants.length === 0) ws.plantLineShort.fill(0);
}
