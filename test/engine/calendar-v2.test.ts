/**
 * The calendar edge v1 left open (metrics-v2 §6), the worked example of docs/simulation.md:
 * ttsDays from the first day of the first period the earliest shock is active in, and the
 * first-stockout fraction counting recycling.
 */
import { describe, expect, test } from 'vitest';
import { material, MONTH, run, values } from './helpers.js';

describe('time to survive and the first stockout, with recycling and a mid-month shock', () => {
    test('the worked example', async () => {
        const r = await run(`
horizon 2026-01 to 2026-03
supplier CN in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month  stock REE 15 t }
flow CN -> C { REE 100 t/month }
shock Half { embargo China -> Japan cut 50% from 2026-02-15 }
measure Rec { recycle 20% of C from 2026-01 }
scenario S { Half, Rec }
`);
        const m = material(r, 'S', 'C');
        // The shock starts on 15 February: the first period whose first day it covers is March.
        expect(r.scenarios[1].shockStart).toBe('2026-03-01');
        expect(values(m.series.arrivals)).toEqual([100, 100, 50]);
        // March: need 100, recycled 20, arrivals 50: the gap is 100 − 20 − 50 = 30 t; the stock
        // gives 15 t, so f = (drawn + released) / (need − recycled − arrivals) = 15 / 30 = 0.5.
        expect(m.series.drawn[2]).toBe(15);
        expect(m.unmet).toBe(15);
        // March has 31 days: 1 March + floor(0.5 × 31) = 16 March.
        expect(m.firstStockout).toBe('2026-03-16');
        // From 1 March: (0 whole periods + 0.5) × 365/12 days = 15.208 days.
        expect(m.ttsDays).toBeCloseTo(0.5 * MONTH, 3);
    });
});
