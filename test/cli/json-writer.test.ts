/**
 * The results' JSON writer: series print exactly as JSON.stringify prints them, whether they
 * are arrays or typed arrays (NaN as null), however long their runs of repeated values (the
 * writer copies a run's bytes instead of formatting each value).
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../../language/src/cli/run-json.js';
import { seededRandom } from './seeded-random.js';

/** A series of runs: each value repeated 1 to 300 times, some of them null. */
function series(random: () => number, withNulls: boolean): (number | null)[] {
    const length = Math.floor(random() * 400);
    const out: (number | null)[] = [];
    while (out.length < length) {
        const r = random();
        const v = withNulls && r < 0.2 ? null : r < 0.4 ? 0 : r < 0.6 ? Math.round(r * 1e6) / 1000 : r / 3;
        const run = 1 + Math.floor(random() ** 3 * 300);
        for (let i = 0; i < run && out.length < length; i++) out.push(v);
    }
    return out;
}

describe('the results JSON writer', () => {
    it('prints arrays of numbers and nulls with long runs as JSON.stringify does', () => {
        const random = seededRandom(5);
        for (let i = 0; i < 2_000; i++) {
            const s = series(random, i % 2 === 0);
            expect(toJson(s)).toBe(JSON.stringify(s));
        }
    });

    it('prints a Float64Array as the array of its numbers, NaN as null', () => {
        const random = seededRandom(9);
        for (let i = 0; i < 2_000; i++) {
            const s = series(random, true);
            const typed = Float64Array.from(s, v => (v === null ? NaN : v));
            expect(toJson(typed)).toBe(JSON.stringify(s));
        }
        expect(toJson({ a: new Float64Array([1.5, 1.5, NaN, NaN, -0]), b: new Float64Array(0) })).toBe('{\n  "a": [1.5,1.5,null,null,0],\n  "b": []\n}');
    });

    it('still prints arrays that mix numbers with other things as JSON.stringify does', () => {
        const mixed = [1, 1, 'a', null, true, 2.5];
        expect(toJson(mixed)).toBe(JSON.stringify(mixed));
        expect(toJson([null, null, 3])).toBe('[null,null,3]');
    });
});
