/**
 * Runs shared from both ends: `run --json`'s own thread takes the baseline and scenarios from
 * the front, in result order, and writes each as soon as it is done; the workers take them from
 * the back, so what they return waits only for this thread to reach it. The runs left are
 * [front, end), held in one 32-bit word (front << 16 | end) changed by compare-and-swap, so two
 * threads never take the same run.
 */

/** At most this many runs (the front and the end each take 15 bits, the sign bit stays clear). */
export const MAX_SHARED_RUNS = 0x7fff;

/** A word over `count` runs, all left. */
export function runEnds(count: number): Int32Array {
    if (count > MAX_SHARED_RUNS) throw new RangeError(`at most ${MAX_SHARED_RUNS} runs can be shared, not ${count}`);
    const word = new Int32Array(new SharedArrayBuffer(4));
    word[0] = count;
    return word;
}

/** The next run from the front, or -1 when none is left. */
export function takeFront(word: Int32Array): number {
    return take(word, true);
}

/** The next run from the back, or -1 when none is left. */
export function takeBack(word: Int32Array): number {
    return take(word, false);
}

function take(word: Int32Array, fromFront: boolean): number {
    for (;;) {
        const w = Atomics.load(word, 0);
        const front = w >>> 16,
            end = w & 0xffff;
        if (front >= end) return -1;
        const left = fromFront ? ((front + 1) << 16) | end : (front << 16) | (end - 1);
        if (Atomics.compareExchange(word, 0, w, left) === w) return fromFront ? front : end - 1;
    }
}
