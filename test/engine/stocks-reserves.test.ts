import { describe, expect, test } from 'vitest';
import { lower, material, MONTH, run, scenario, values } from './helpers.js';

describe("a consumer's own stock", () => {
    test('is drawn after arrivals, refilled from surplus up to its initial level, the rest is excess', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier S in China { produces REE 150 t/month }
consumer C in Japan { needs REE 100 t/month  stock REE 50 t }
flow S -> C { REE 150 t/month }
shock Half { outage S cut 70% from 2026-02 for 1 month }
scenario X { Half }
`);
        const c = material(r, 'X', 'C');
        // Jan: 150 arrive, 100 delivered, stock full: 50 excess.
        // Feb: capacity 150 x 0.3 = 45 arrive; 55 short: 50 drawn, 5 unmet; stock 0.
        // Mar: 150 arrive, 100 delivered, 50 refill the stock. Apr: 50 excess again.
        expect(values(c.series.arrivals)).toEqual([150, 45, 150, 150]);
        expect(values(c.series.delivered)).toEqual([100, 45, 100, 100]);
        expect(values(c.series.drawn)).toEqual([0, 50, 0, 0]);
        expect(values(c.series.unmet)).toEqual([0, 5, 0, 0]);
        expect(values(c.series.refill)).toEqual([0, 0, 50, 0]);
        expect(values(c.series.excess)).toEqual([50, 0, 0, 50]);
        expect(values(c.series.stock)).toEqual([50, 0, 50, 50]);
        // Stock covers 50 of the 55-t gap: f = 50/55 = 0.909; February has 28 days:
        // floor(0.909 x 28) = 25 -> 2026-02-01 + 25 days.
        expect(c.firstStockout).toBe('2026-02-26');
        expect(c.recovery).toBe('2026-03-01');
    });

    test('`stock M N days` is N days of its own base need', async () => {
        const model = await lower(`
horizon 2026-01 to 2026-01
consumer C in Japan { needs REE 100 t/month  stock REE 30 days }
`);
        // 100 t/month = 100 x 12/365 t/day; 30 days of it = 98.63 t.
        expect(model.cms.initialStock[0]).toBeCloseTo((30 * 100) / MONTH, 9);
    });
});

describe('reserves', () => {
    const twoReserves = (first: string, second: string) => `
horizon 2026-01 to 2026-03
supplier S in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month }
flow S -> C { REE 100 t/month }
${first}
${second}
shock Cut { embargo China -> Japan from 2026-01 }
scenario X { Cut }
`;
    const r1 = 'reserve R1 in Japan { holds REE 50 t  serves C  release 30 t/month }';
    const r2 = 'reserve R2 in Japan { holds REE 100 t  serves C }';

    test('release up to the cap, several reserves in declaration order', async () => {
        const r = await run(twoReserves(r1, r2));
        const x = scenario(r, 'X');
        // Jan: 100 short; R1 releases its cap 30, R2 the other 70 (30 left).
        // Feb: R1 has 20 left (< cap), R2 30: 50 released, 50 unmet. Mar: all 100 unmet.
        expect(values(x.reserves.R1.materials.REE.releases)).toEqual([30, 20, 0]);
        expect(values(x.reserves.R2.materials.REE.releases)).toEqual([70, 30, 0]);
        expect(values(material(r, 'X', 'C').series.unmet)).toEqual([0, 50, 100]);
        // R1 in February: 20 t for 30 t asked (its cap): lasts 2/3 of 28 days -> day 18 -> Feb 19.
        expect(x.reserves.R1.materials.REE.dryOn).toBe('2026-02-19');
        // R2 in February: 30 t for the 80 t still short after R1: 0.375 x 28 = 10.5 -> Feb 11.
        expect(x.reserves.R2.materials.REE.dryOn).toBe('2026-02-11');
        // The consumer: 50 of 100 t filled by stocks in February: f = 0.5 -> day 14 -> Feb 15;
        // 1.5 periods after the shock began in January: 1.5 x 365/12 = 45.625 days.
        expect(material(r, 'X', 'C').firstStockout).toBe('2026-02-15');
        expect(material(r, 'X', 'C').ttsDays).toBe(45.625);
    });

    test('declaration order decides which reserve releases first', async () => {
        const r = await run(twoReserves(r2, r1));
        // R2 (no cap) first: all 100 in January; then R1 30 in February, 20 in March.
        expect(values(scenario(r, 'X').reserves.R2.materials.REE.releases)).toEqual([100, 0, 0]);
        expect(values(scenario(r, 'X').reserves.R1.materials.REE.releases)).toEqual([0, 30, 20]);
        expect(values(material(r, 'X', 'C').series.unmet)).toEqual([0, 70, 80]);
    });

    test('critical consumers first, pro rata within a priority', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier S in China { produces REE 1 t/month }
consumer Def in Japan { needs REE 40 t/month  priority critical }
consumer A in Japan { needs REE 60 t/month }
consumer B in Japan { needs REE 20 t/month }
reserve R in Japan { holds REE 60 t  serves A, B, Def }
`);
        // 60 t: 40 to the critical consumer, then 20 shared 60:20 -> 15 and 5.
        expect(material(r, 'baseline', 'Def').released).toBe(40);
        expect(material(r, 'baseline', 'A').released).toBe(15);
        expect(material(r, 'baseline', 'B').released).toBe(5);
    });

    test('flows into a reserve add stock (purchases), released the same month if needed', async () => {
        const r = await run(`
horizon 2026-01 to 2026-03
supplier S in Australia { produces REE 40 t/month }
consumer C in Japan { needs REE 10 t/month }
reserve R in Japan { holds REE 100 t  serves C }
flow S -> R { REE 40 t/month }
`);
        // Each month +40 bought, 10 released to C (nothing else arrives): 100 + 3 x 30 = 190.
        const res = scenario(r, 'baseline').reserves.R.materials.REE;
        expect(values(res.purchases)).toEqual([40, 40, 40]);
        expect(values(res.stock)).toEqual([130, 160, 190]);
        expect(res.purchased).toBe(120);
        expect(res.released).toBe(30);
        expect(material(r, 'baseline', 'C').unmet).toBe(0);
    });

    test('`holds M N days` is N days of the summed base need of the consumers served', async () => {
        const model = await lower(`
horizon 2026-01 to 2026-01
consumer A in Japan { needs REE 100 t/month }
consumer B in Japan { needs REE 200 t/month }
reserve R in Japan { holds REE 60 days  serves A, B }
`);
        expect(model.rms.initialStock[0]).toBeCloseTo((60 * 300) / MONTH, 9);
    });

    test('a release measure overrides the cap and the consumers served', async () => {
        const r = await run(`
horizon 2026-01 to 2026-02
supplier S in China { produces REE 1 t/month }
consumer A in Japan { needs REE 100 t/month }
consumer B in Japan { needs REE 100 t/month }
reserve R in Japan { holds REE 1000 t  serves A, B  release 20 t/month }
measure Open { release R to B at 150 t/month  from 2026-02 }
scenario X { Open }
`);
        // Baseline: 20 t/month shared 10/10. X, February: only B, up to 150 -> B gets its 100.
        expect(values(material(r, 'baseline', 'A').series.released)).toEqual([10, 10]);
        expect(values(material(r, 'X', 'A').series.released)).toEqual([10, 0]);
        expect(values(material(r, 'X', 'B').series.released)).toEqual([10, 100]);
    });

    test('a release measure without a rate releases without a cap', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
consumer A in Japan { needs REE 100 t/month }
reserve R in Japan { holds REE 1000 t  serves A  release 20 t/month }
measure Open { release R }
scenario X { Open }
`);
        expect(material(r, 'baseline', 'A').released).toBe(20);
        expect(material(r, 'X', 'A').released).toBe(100);
    });
});
