/**
 * The JSON writer's number formatter must print every double exactly as JSON.stringify does
 * (and as the writer did before it had its own shortest-digits search): the results' bytes
 * are a contract. Compared over millions of doubles: random bit patterns, the shares and
 * tonnes results are made of, integers, k / 10^d, and the edges (-0, 1e-6, 1e16, 1e21,
 * powers of two, halfway cases, carries such as 0.9999999999999999).
 */
import { describe, expect, it } from 'vitest';
import { writeNumber, writeShortest } from '../../language/src/cli/json-number.js';
import { seededRandom } from './seeded-random.js';

const buffer = Buffer.alloc(64);
const format = (v: number) => buffer.toString('latin1', 0, writeNumber(buffer, 0, v));

/** The writer's formatter before json-number.ts (k / 1000 and k / 10^6 by hand, the rest by String). */
function previousFormat(v: number): string {
    const size = v < 0 ? -v : v;
    if (size < 1e9) {
        let k = Math.round(size * 1000);
        let decimals = 3;
        if (k / 1000 !== size) {
            k = Math.round(size * 1e6);
            decimals = 6;
            if (k / 1e6 !== size || k === 0) return String(v);
        }
        while (decimals > 0 && k % 10 === 0) {
            k /= 10;
            decimals--;
        }
        const digits = String(k).padStart(decimals + 1, '0');
        const text = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
        return v < 0 && k !== 0 ? `-${text}` : text;
    }
    return Number.isFinite(v) ? String(v) : 'null';
}

function mismatches(values: Iterable<number>): string[] {
    const bad: string[] = [];
    for (const v of values) {
        const text = format(v);
        const expected = JSON.stringify(v);
        if (text !== expected || previousFormat(v) !== expected) bad.push(`${expected} printed ${text}`);
        if (bad.length >= 10) break;
    }
    return bad;
}

function* randomBits(count: number, seed: number): Generator<number> {
    const random = seededRandom(seed);
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < count; i++) {
        view.setUint32(0, (random() * 2 ** 32) >>> 0);
        view.setUint32(4, (random() * 2 ** 32) >>> 0);
        yield view.getFloat64(0);
    }
}

function* resultLike(count: number, seed: number): Generator<number> {
    const random = seededRandom(seed);
    for (let i = 0; i < count; i++) {
        const r = random();
        switch (i % 8) {
            case 0:
                yield r; // a share
                break;
            case 1:
                yield Math.floor(r * 1000) / (1 + Math.floor(random() * 997)); // tonnes ÷ tonnes
                break;
            case 2:
                yield 10_000 * r * r; // an HHI
                break;
            case 3:
                yield -r * 10 ** (random() * 24 - 8); // any sign and size, 1e-8 … 1e16
                break;
            case 4:
                yield Math.floor(r * 2 ** 53); // an integer up to 2^53
                break;
            case 5:
                yield Math.round(r * 1e15) / 10 ** Math.floor(random() * 16); // k / 10^d
                break;
            case 6:
                yield r * 1e-5; // tiny
                break;
            default:
                yield (r * 365) / 12; // days
        }
    }
}

describe('the JSON number formatter', () => {
    it('prints a million random bit patterns as JSON.stringify does', () => {
        expect(mismatches(randomBits(1_000_000, 1))).toEqual([]);
    });

    it('prints two million result-like numbers (shares, tonnes, HHI, days, integers) as JSON.stringify does', () => {
        expect(mismatches(resultLike(2_000_000, 7))).toEqual([]);
    });

    it('prints the edges as JSON.stringify does', () => {
        const edges = [
            0,
            -0,
            1,
            -1,
            0.1,
            0.2,
            0.1 + 0.2, // 0.30000000000000004
            1 / 3,
            2 / 3,
            0.9999999999999999, // the largest double below 1
            9.999999999999998,
            999999999999999.9,
            9999999999999998, // an even integer just below 1e16
            1e16,
            1e16 + 2,
            123456789012345680,
            1e21,
            1e21 - 65536,
            1e22,
            1.7976931348623157e308,
            5e-324,
            2.2250738585072014e-308,
            1e-6,
            nextUp(1e-6),
            nextDown(1e-6),
            1e-7,
            0.000001234,
            1126.9999999999998,
            2 ** 53,
            2 ** 53 + 2,
            2 ** -20,
            0.5,
            0.25,
            0.125,
            NaN,
            Infinity,
            -Infinity
        ];
        const withNeighbours = edges.flatMap(v => [v, nextUp(v), nextDown(v), -v]);
        expect(mismatches(withNeighbours)).toEqual([]);
    });

    it('prints every k / 10^d and k / 10^d ± one ulp for d up to 17 as JSON.stringify does', () => {
        const random = seededRandom(3);
        const values: number[] = [];
        for (let d = 0; d <= 17; d++) {
            for (let i = 0; i < 5_000; i++) {
                const v = Math.floor(random() * 10 ** Math.min(15, d + 3)) / 10 ** d;
                values.push(v, nextUp(v), nextDown(v));
            }
        }
        expect(mismatches(values)).toEqual([]);
    });

    it('decides shares itself: String is asked only for exact ties and powers of two', () => {
        // Full-precision shares are most of a large model's JSON: they must not fall back.
        const random = seededRandom(11);
        let decided = 0;
        const count = 100_000;
        for (let i = 0; i < count; i++) if (writeShortest(buffer, 0, 1e-6 + random() * 0.999) > 0) decided++;
        expect(decided).toBeGreaterThan(0.999 * count);
    });

    it('writes -0 as 0 and not-finite numbers as null', () => {
        expect([format(-0), format(NaN), format(Infinity), format(-Infinity)]).toEqual(['0', 'null', 'null', 'null']);
    });
});

const view = new DataView(new ArrayBuffer(8));

/** The next double above v (v finite). */
function nextUp(v: number): number {
    if (v === 0) return 5e-324;
    view.setFloat64(0, v);
    const bits = view.getBigUint64(0);
    view.setBigUint64(0, v > 0 ? bits + 1n : bits - 1n);
    return view.getFloat64(0);
}

function nextDown(v: number): number {
    return -nextUp(-v);
}
