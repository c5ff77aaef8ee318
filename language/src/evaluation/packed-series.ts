/**
 * Simulation results hold a series (one number per period, a Float64Array) per consumer,
 * material and quantity: millions of numbers on large or daily models. From the worker they
 * travel as a summary (the result with every series emptied) plus all those numbers in one
 * transferred Float64Array and their lengths: one buffer moves instead of a hundred
 * thousand arrays. The server's worker runner unpacks each scenario as it arrives
 * (`unpackSeries`: each series a view into that buffer, no copy), since lenses and hovers read
 * the series too. The CLI's
 * `run --json` gets a large model's scenarios from its worker threads the same way.
 *
 * Both sides walk objects in the same order (structured clone keeps key order) and treat
 * every typed array, and every array that is empty or all numbers, as a series, so the n-th
 * emptied series of the summary receives the n-th length. A series met twice (an embedded
 * share that is the direct one) is packed twice and comes back as two views.
 *
 * A flat series (one value in every period: nothing recycled, a share that never moves, no
 * arrivals) is half of a big model's numbers. It travels as its one value (its length negated),
 * and comes back as one shared array per value and length (`ConstantSeries`, kept for a whole
 * run's scenarios by its caller): one copy of each. Series are read, never written, once made.
 */
export interface PackedSeries {
    values: Float64Array;
    lengths: Int32Array;
}

export function packSeries<T>(result: T): { summary: T; series: PackedSeries } {
    const arrays: ArrayLike<number>[] = [];
    const summary = strip(result, arrays) as T;
    // A flat series of 2 periods or more: its length negated, its value once.
    const lengths = Int32Array.from(arrays, a => (a.length > 1 && isFlat(a) ? -a.length : a.length));
    const values = new Float64Array(lengths.reduce((total, n) => total + (n < 0 ? 1 : n), 0));
    let offset = 0;
    arrays.forEach((array, i) => {
        if (lengths[i] < 0) values[offset++] = array[0];
        else {
            values.set(array, offset);
            offset += array.length;
        }
    });
    return { summary, series: { values, lengths } };
}

/**
 * The result whose series `packSeries` took out; fills `summary` itself (no copy of its objects).
 * Flat series come from `constants`: pass one for all the scenarios of a run to share them all.
 */
export function unpackSeries<T>(summary: T, series: PackedSeries, constants = new ConstantSeries()): T {
    const cursor = { index: 0, offset: 0 };
    return fill(summary, series, cursor, constants) as T;
}

/** One Float64Array per (value, length): the flat series of a run, each held once. */
export class ConstantSeries {
    private readonly byLength = new Map<number, Map<number | string, Float64Array>>();

    get(value: number, length: number): Float64Array {
        let byValue = this.byLength.get(length);
        if (!byValue) this.byLength.set(length, (byValue = new Map<number | string, Float64Array>()));
        // Map keys equate 0 with -0 (and NaN with NaN, which is right): -0 has its own.
        const key = value === 0 && 1 / value < 0 ? '-0' : value;
        let series = byValue.get(key);
        if (!series) byValue.set(key, (series = new Float64Array(length).fill(value)));
        return series;
    }
}

/** Every element the same number as a reader can tell: `Object.is` (NaN alike, -0 apart from 0). */
function isFlat(series: ArrayLike<number>): boolean {
    const first = series[0];
    for (let i = 1; i < series.length; i++) if (!Object.is(series[i], first)) return false;
    return true;
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
function fill(value: unknown, series: PackedSeries, cursor: { index: number; offset: number }, constants: ConstantSeries): unknown {
    const isTyped = value instanceof Float64Array;
    if (isTyped || (Array.isArray(value) && isSeries(value))) {
        const packed = series.lengths[cursor.index++];
        if (packed < 0) {
            const flat = constants.get(series.values[cursor.offset++], -packed);
            return isTyped ? flat : Array.from(flat);
        }
        const view = series.values.subarray(cursor.offset, cursor.offset + packed);
        cursor.offset += packed;
        return isTyped ? view : Array.from(view);
    }
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = fill(value[i], series, cursor, constants);
        return value;
    }
    if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) record[key] = fill(record[key], series, cursor, constants);
        return record;
    }
    return value;
}
