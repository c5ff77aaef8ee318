import type { SimulationResult } from '../../../language/src/index.js';

/**
 * Simulation results hold a series (one number per period) per consumer, material and
 * quantity: millions of numbers on large or daily models. From the worker they travel as a
 * summary (the result with every array of numbers emptied) plus all those numbers in one
 * transferred Float64Array and their lengths: one buffer moves instead of a hundred
 * thousand arrays. Lenses and hovers read only the summary; `unpackSeries` rebuilds the
 * full result for the client's `chokepoint/results`.
 *
 * Both sides walk objects in the same order (structured clone keeps key order) and treat
 * every array that is empty or all numbers as a series, so the n-th emptied array of the
 * summary receives the n-th length.
 */
export interface PackedSeries {
    values: Float64Array;
    lengths: Int32Array;
}

export function packSeries(result: SimulationResult): { summary: SimulationResult; series: PackedSeries } {
    const arrays: number[][] = [];
    const summary = strip(result, arrays) as SimulationResult;
    const lengths = Int32Array.from(arrays, a => a.length);
    const values = new Float64Array(lengths.reduce((total, n) => total + n, 0));
    let offset = 0;
    for (const array of arrays) {
        values.set(array, offset);
        offset += array.length;
    }
    return { summary, series: { values, lengths } };
}

export function unpackSeries(summary: SimulationResult, series: PackedSeries): SimulationResult {
    const cursor = { index: 0, offset: 0 };
    return fill(summary, series, cursor) as SimulationResult;
}

/** Series are homogeneous: the first element tells (an empty array counts as a series). */
function isSeries(value: unknown[]): value is number[] {
    return value.length === 0 || typeof value[0] === 'number';
}

function strip(value: unknown, arrays: number[][]): unknown {
    if (Array.isArray(value)) {
        if (isSeries(value)) {
            arrays.push(value);
            return [];
        }
        return value.map(v => strip(v, arrays));
    }
    if (value !== null && typeof value === 'object') {
        const copy: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) copy[key] = strip(v, arrays);
        return copy;
    }
    return value;
}

function fill(value: unknown, series: PackedSeries, cursor: { index: number; offset: number }): unknown {
    if (Array.isArray(value)) {
        if (isSeries(value)) {
            const length = series.lengths[cursor.index++];
            const array = Array.from(series.values.subarray(cursor.offset, cursor.offset + length));
            cursor.offset += length;
            return array;
        }
        return value.map(v => fill(v, series, cursor));
    }
    if (value !== null && typeof value === 'object') {
        const copy: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) copy[key] = fill(v, series, cursor);
        return copy;
    }
    return value;
}
