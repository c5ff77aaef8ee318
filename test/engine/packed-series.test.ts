/**
 * Results travel between threads packed (language/src/evaluation/packed-series.ts): every series
 * in one buffer, a flat series as its one value. Unpacked, the result is the one packed, to the
 * bit, and each flat series of a run is one shared array.
 */
import { describe, expect, it } from 'vitest';
import { ConstantSeries, packSeries, unpackSeries } from '../../language/src/evaluation/packed-series.js';
import { simulate } from '../../language/src/engine/simulate.js';
import { lowerFile } from './helpers.js';

const bits = (series: Float64Array) => Array.from(new Uint32Array(series.buffer, series.byteOffset, series.length * 2));

describe('packed series', () => {
    it('gives back every series to the bit: flat ones (0, -0, NaN, a share) and moving ones', () => {
        const result = {
            zeros: new Float64Array(5),
            negativeZeros: new Float64Array(4).fill(-0),
            mixedZeros: Float64Array.from([0, -0, 0]),
            nulls: new Float64Array(6).fill(NaN),
            share: new Float64Array(3).fill(0.4379499180058129),
            moving: Float64Array.from([1, 2, 2, 3]),
            nearlyFlat: Float64Array.from([NaN, NaN, 0]),
            single: Float64Array.from([7]),
            empty: new Float64Array(0),
            plain: [4, 4, 4],
            nested: { list: [{ s: new Float64Array(2).fill(1.5) }] }
        };
        const { summary, series } = packSeries(result);
        // Flat series of 2 or more periods take one number each: 1+1+1+1 + 3 + 4 + 3 + 1 + 1 + 1 (+ 0).
        expect(series.values.length).toBe(17);
        expect(Array.from(series.lengths)).toEqual([-5, -4, 3, -6, -3, 4, 3, 1, 0, -3, -2]);
        const back = unpackSeries(structuredClone(summary), structuredClone(series));
        for (const key of ['zeros', 'negativeZeros', 'mixedZeros', 'nulls', 'share', 'moving', 'nearlyFlat', 'single', 'empty'] as const) {
            expect(back[key], key).toBeInstanceOf(Float64Array);
            expect(bits(back[key]), key).toEqual(bits(result[key]));
        }
        expect(back.plain).toEqual([4, 4, 4]);
        expect(Array.from(back.nested.list[0].s)).toEqual([1.5, 1.5]);
    });

    it('shares one array per value and length across the scenarios given the same constants', async () => {
        const model = await lowerFile('examples/japan-2026/main.choke');
        const run = simulate(model);
        const constants = new ConstantSeries();
        const unpacked = run.scenarios.map(s => {
            const { summary, series } = packSeries(s);
            return unpackSeries(structuredClone(summary), structuredClone(series), constants);
        });
        expect(unpacked).toEqual(run.scenarios);
        // Nothing recycled in the baseline and in the first scenario: the same array, not a copy.
        const consumer = Object.keys(run.scenarios[0].consumers)[0];
        const material = Object.keys(run.scenarios[0].consumers[consumer].materials)[0];
        const recycled = (i: number) => unpacked[i].consumers[consumer].materials[material].series.recycled;
        expect(Array.from(recycled(0)).every(v => v === 0)).toBe(true);
        expect(recycled(1)).toBe(recycled(0));
    });
});
