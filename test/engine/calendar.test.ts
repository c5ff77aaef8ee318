import { describe, expect, test } from 'vitest';
import { lower, material, run, values } from './helpers.js';

describe('periods', () => {
    test('monthly from the horizon start; the end date is the first day of the last period', async () => {
        const r = await run('horizon 2026-01 to 2028-12\nconsumer C in Japan { needs REE 1 t/month }');
        expect(r.horizon).toEqual({ start: '2026-01-01', end: '2028-12-01', step: 'month', periods: 36 });
        expect(r.periodStarts.slice(0, 3)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    });

    test('a month is 365/12 days for rates, whatever its calendar length', async () => {
        const model = await lower('horizon 2026-01 to 2026-02\nconsumer C in Japan { needs REE 18000 t/yr }');
        expect(model.cms.baseNeed[0]).toBe(1500);
        expect(model.calendar.periodDays).toBeCloseTo(365 / 12, 12);
    });

    test('weekly steps: rates by 7 days; timings in calendar months or days', async () => {
        const r = await run(`
horizon 2026-01-05 to 2026-02-02
step week
supplier S in China { produces REE 1 t/day }
consumer C in Japan { needs REE 365 t/yr }
flow S -> C { REE 7 t/week }
shock Short { embargo China -> Japan from 2026-01-14 for 1 week }
shock Long { embargo China -> Japan from 2026-01-12 for 1 month }
scenario A { Short }
scenario B { Long }
`);
        expect(r.horizon).toEqual({ start: '2026-01-05', end: '2026-02-02', step: 'week', periods: 5 });
        // 365 t/yr = 1 t/day = 7 t/week.
        expect(values(material(r, 'baseline', 'C').series.need)).toEqual([7, 7, 7, 7, 7]);
        // Jan 14 + 7 days = Jan 21: only the week starting Jan 19 starts in [Jan 14, Jan 21).
        expect(values(material(r, 'A', 'C').series.unmet)).toEqual([0, 0, 7, 0, 0]);
        // Jan 12 + 1 month = Feb 12: weeks of Jan 12, 19, 26 and Feb 2.
        expect(values(material(r, 'B', 'C').series.unmet)).toEqual([0, 7, 7, 7, 7]);
        // No stock: out on the first day of the week of January 12, the week the shock starts.
        expect(material(r, 'B', 'C').firstStockout).toBe('2026-01-12');
        expect(material(r, 'B', 'C').ttsDays).toBe(0);
    });

    test('daily steps: the first stockout is the day itself; time to survive in days', async () => {
        const r = await run(`
horizon 2026-01-01 to 2026-01-10
step day
supplier S in China { produces REE 10 t/day }
consumer C in Japan { needs REE 10 t/day  stock REE 25 t }
flow S -> C { REE 10 t/day }
shock Ban { embargo China -> Japan from 2026-01-03 }
scenario X { Ban }
`);
        expect(r.horizon.periods).toBe(10);
        const c = material(r, 'X', 'C');
        // Stock covers Jan 3 and 4 and half of Jan 5: stockout on Jan 5 (floor(0.5 x 1 day) = 0),
        // 2.5 days after the shock began on Jan 3.
        expect(values(c.series.unmet.slice(0, 6))).toEqual([0, 0, 0, 0, 5, 10]);
        expect(c.firstStockout).toBe('2026-01-05');
        expect(c.ttsDays).toBe(2.5);
    });

    test('a horizon starting mid-month steps by calendar month from that day', async () => {
        const r = await run('horizon 2026-01-31 to 2026-04-30\nconsumer C in Japan { needs REE 1 t/month }');
        expect(r.periodStarts).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    });

    test('an end before the start still gives one period', async () => {
        const r = await run('horizon 2026-05 to 2026-01\nconsumer C in Japan { needs REE 1 t/month }');
        expect(r.horizon.periods).toBe(1);
    });
});
