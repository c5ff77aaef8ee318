/**
 * The run's per-period snapshots turned line by line: every period of one line's arrivals
 * (and of one outlet-origin's mix) next to each other. The per-period share series read each
 * line over all periods, once per consumer and region that receives over it; in the engine's
 * period-major layout each of those reads lands on another cache line.
 */
import type { LoweredModel } from '../lowering/model.js';
import type { RunState } from './run-state.js';

export interface ArrivalsByLine {
    /** Tonnes arriving over line l in period t: [l * T + t]. */
    readonly tonnes: Float64Array;
    /** Share of origin j of what outlet o made in period t: [(outletOffset[o] + j) * T + t]. */
    readonly mix: Float64Array;
}

/** One pair of buffers per workspace, refilled for each scenario it runs. */
const buffers = new WeakMap<RunState, ArrivalsByLine>();

export function arrivalsByLine(model: LoweredModel, ws: RunState): ArrivalsByLine {
    const T = ws.periods,
        L = model.lines.count,
        M = ws.originSets.outletMixLength;
    let byLine = buffers.get(ws);
    if (!byLine || byLine.tonnes.length !== L * T || byLine.mix.length !== M * T) {
        byLine = { tonnes: new Float64Array(L * T), mix: new Float64Array(M * T) };
        buffers.set(ws, byLine);
    }
    transpose(ws.lineSnap, byLine.tonnes, T, L);
    transpose(ws.outletMixSnap, byLine.mix, T, M);
    return byLine;
}

/** `to[c * rows + r] = from[r * columns + c]`, in blocks of rows so both sides stay in cache. */
function transpose(from: Float64Array, to: Float64Array, rows: number, columns: number): void {
    const BLOCK = 16;
    for (let r0 = 0; r0 < rows; r0 += BLOCK) {
        const r1 = Math.min(rows, r0 + BLOCK);
        for (let c = 0; c < columns; c++) {
            for (let r = r0; r < r1; r++) to[c * rows + r] = from[r * columns + c];
        }
    }
}
