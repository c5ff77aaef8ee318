/**
 * Simulation results hold a series (one number per period, a Float64Array) per consumer,
 * material and quantity: millions of numbers on large or daily models. From the worker they
 * travel as a summary (the result with every series emptied) plus all those numbers in one
 * transferred Float64Array and their lengths: one buffer moves instead of a hundred
 * thousand arrays. The results store unpacks it as it settles (`unpackSeries`: each series a
 * view into that buffer, no copy), since lenses and hovers read the series too. The CLI's
 * `run --json` gets a large model's scenarios from its worker threads the same way.
 *
 * Both sides walk objects in the same order (structured clone keeps key order) and treat
 * every typed array, and every array that is empty or all numbers, as a series, so the n-th
 * emptied series of the summary receives the n-th length. A series met twice (an embedded
 * share that is the direct one) is packed twice and comes back as two views.
 */
export interface PackedSeries {
    values: Float64Array;
    lengths: Int32Array;
}

export function packSeries<T>(result: T): { summary: T; series: PackedSeries } {
    const arrays: ArrayLike<number>[] = [];
    const summary = strip(result, arrays) as T;
    const lengths = Int32Array.from(arrays, a => a.length);
    const values = new Float64Array(lengths.reduce((total, n) => total + n, 0));
    let offset = 0;
    for (const array of arrays) {
        values.set(array, offset);
        offset += array.length;
    }
    return { summary, series: { values, lengths } };
}

/** The result whose series `packSeries` took out; fills `summary` itself (no copy of its objects). */
export function unpackSeries<T>(summary: T, series: PackedSeries): T {
    const cursor = { index: 0, offset: 0 };
    return fill(summary, series, cursor) as T;
}

/**
 * The result as JSON carries it to the client (`chokepoint/results`): each typed series an
 * array of numbers, NaN as null (as `run --json` prints it). JSON.stringify would write a
 * Float64Array as an object keyed "0", "1", ...
 */
export function withPlainSeries<T>(result: T): T {
    return plain(result) as T;
}

function plain(value: unknown): unknown {
    if (value instanceof Float64Array) return Array.from(value, v => (Number.isNaN(v) ? null : v));
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object') {
        const copy: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) copy[key] = plain(v);
        return copy;
    }
    return value;
}

/** Series are homogeneous: the first element tells (an empty array counts as a series). */
function isSeries(value: unknown[]): value is number[] {
    return value.length === 0 || typeof value[0] === 'number';
}

const NO_SERIES = new Float64Array(0);

function strip(value: unknown, arrays: ArrayLike<number>[]): unknown {
    if (value instanceof Float64Array) {
        arrays.push(value);
        // One empty array for every series: the message carries it once.
        return NO_SERIES;
    }
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

/**
 * Puts the series back into the summary, in place: the summary is this thread's own copy (the
 * message's), and copying every object of a big result again cost more than the series did.
 */
function fill(value: unknown, series: PackedSeries, cursor: { index: number; offset: number }): unknown {
    const isTyped = value instanceof Float64Array;
    if (isTyped || (Array.isArray(value) && isSeries(value))) {
        const length = series.lengths[cursor.index++];
        const view = series.values.subarray(cursor.offset, cursor.offset + length);
        cursor.offset += length;
        return isTyped ? view : Array.from(view);
    }
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = fill(value[i], series, cursor);
        return value;
    }
    if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) record[key] = fill(record[key], series, cursor);
        return record;
    }
    return value;
}
