import { describe, expect, test } from 'vitest';
import { material, MONTH, run, scenario, values } from './helpers.js';

const trade = `
horizon 2026-01 to 2026-03
supplier CN in China { produces REE 1000 t/month }
supplier VN in Vietnam { produces REE 1000 t/month }
supplier FRS in France { produces REE 1000 t/month }
supplier JPS in Japan { produces REE 1000 t/month }
consumer C in Japan { needs REE 100 t/month  stock REE 50 t  loss 2 million JPY per t }
consumer D in Japan { needs REE 200 t/month  loss 1000 USD per kt }
flow CN -> C { REE 60 t/month }
flow VN -> C { REE 30 t/month }
flow FRS -> C { REE 10 t/month }
flow JPS -> D { REE 100 t/month }
flow CN -> D { REE 100 t/month }
reserve R in Japan { holds REE 300 t  serves C, D }
shock Ban { embargo China -> Japan from 2026-02 }
shock Curb { embargo China -> Japan cut 50% from 2026-03 }
scenario A probability 30% { Ban }
scenario B probability 10%..30% { Curb }
scenario Free { }
`;

describe('dependency and concentration', () => {
    test('direct shares by origin and HHI', async () => {
        const c = scenario(await run(trade), 'baseline').consumers.C;
        expect(c.dependency).toEqual({ China: 0.6, Vietnam: 0.3, France: 0.1 });
        // 10,000 x (0.36 + 0.09 + 0.01) = 4,600.
        expect(c.hhi).toBe(4600);
    });

    test('the end of the horizon', async () => {
        const r = await run(trade);
        // In A China is cut from February: C gets 30 from Vietnam and 10 from France at the end.
        expect(scenario(r, 'A').consumers.C.dependencyEnd).toEqual({ Vietnam: 0.75, France: 0.25 });
        // 10,000 x (0.75² + 0.25²) = 6,250.
        expect(scenario(r, 'A').consumers.C.hhiEnd).toBe(6250);
    });

    test('nothing arriving: no shares and an HHI of 0', async () => {
        const r = await run('horizon 2026-01 to 2026-01\nconsumer C in Japan { needs REE 10 t/month }');
        expect(scenario(r, 'baseline').consumers.C.dependency).toEqual({});
        expect(scenario(r, 'baseline').consumers.C.hhi).toBe(0);
        expect(material(r, 'baseline', 'C').firstStockout).toBe('2026-01-01');
    });

    test('a region counts imports into its nodes from outside it', async () => {
        const japan = scenario(await run(trade), 'baseline').regions.Japan;
        // Imports: China 60 + 100, Vietnam 30, France 10 (Japan's own 100 is not an import).
        expect(japan.dependency).toEqual({ China: 0.8, Vietnam: 0.15, France: 0.05 });
        expect(japan.hhi).toBe(6650); // 10,000 x (0.64 + 0.0225 + 0.0025)
    });
});

describe('cover', () => {
    test('own stock plus the share of reserves by need, in days of need', async () => {
        const s = scenario(await run(trade), 'baseline');
        // C: 50 t own + 300 x 100/300 = 100 t of R; daily need 100 / (365/12).
        expect(s.consumers.C.coverDays).toBe(Number((150 / (100 / MONTH)).toFixed(3)));
        // R: 300 t for 300 t/month of served need: exactly one month.
        expect(s.reserves.R.materials.REE.coverDays).toBe(Number(MONTH.toFixed(3)));
    });
});

describe('shortage timing, recovery and loss', () => {
    test('first stockout to the day, time to survive from the shock, recovery, loss per currency', async () => {
        const r = await run(trade);
        const c = material(r, 'A', 'C');
        // From February C lacks 60 t a month and D 100 t. Feb: C draws its own 50 t, then R
        // releases 10 to C and 100 to D (190 left); Mar: 60 + 100 = 160 (30 left). Nobody is
        // left short before the horizon ends in March.
        expect(values(c.series.drawn)).toEqual([0, 50, 0]);
        expect(values(c.series.released)).toEqual([0, 10, 60]);
        expect(c.unmet).toBe(0);
        expect(c.firstStockout).toBeNull();
        expect(c.ttsDays).toBeNull();
        expect(scenario(r, 'A').reserves.R.materials.REE.final).toBe(30);
    });

    test('loss is unmet times the loss per tonne, per currency', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier CN in China { produces REE 300 t/month }
consumer C in Japan { needs REE 100 t/month  loss 2 million JPY per t }
consumer D in Japan { needs REE 100 t/month  loss 1000 USD per kt }
consumer E in Japan { needs REE 100 t/month  loss 3 JPY per t }
flow CN -> C { REE 100 t/month }
flow CN -> D { REE 100 t/month }
flow CN -> E { REE 100 t/month }
shock Ban { embargo China -> Japan from 2026-02 for 2 months }
scenario A probability 40% { Ban }
scenario B probability 10%..30% { Ban }
`);
        const a = scenario(r, 'A');
        // Each consumer lacks 100 t in February and March: 200 t.
        expect(material(r, 'A', 'C').unmet).toBe(200);
        expect(a.consumers.C.loss).toEqual({ JPY: 400_000_000 }); // 200 x 2 million
        expect(a.consumers.D.loss).toEqual({ USD: 200 }); // 1000 USD per kt = 1 USD per t
        expect(a.totals.loss).toEqual({ JPY: 400_000_600, USD: 200 }); // + 200 x 3 JPY
        expect(material(r, 'A', 'C').firstStockout).toBe('2026-02-01');
        expect(material(r, 'A', 'C').ttsDays).toBe(0);
        expect(material(r, 'A', 'C').recovery).toBe('2026-04-01');
        // Expected: 0.4 x 600 + 0.2 x 600 (B's range counts as its midpoint, 20%).
        expect(r.expected.unmet).toBe(360);
        expect(r.expected.loss).toEqual({ JPY: 0.6 * 400_000_600, USD: 120 });
        expect(r.expected.probability).toBe(0.6);
    });

    test('time to survive counts from the period the earliest shock starts, plus the covered fraction', async () => {
        const r = await run(`
horizon 2026-01 to 2026-12
supplier CN in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month  stock REE 150 t }
flow CN -> C { REE 100 t/month }
shock Late { embargo China -> Japan on NdFeB from 2026-01 }
shock Ban { embargo China -> Japan from 2026-03 }
scenario A { Ban, Late }
`);
        // Earliest shock: Late, from January (period 0), though it cuts nothing here.
        // Stock: 100 in March, 50 in April for 100 needed: f = 0.5 -> April 1 + floor(0.5 x 30) = April 16.
        const c = material(r, 'A', 'C');
        expect(c.firstStockout).toBe('2026-04-16');
        expect(c.ttsDays).toBe(Number(((3 + 0.5) * MONTH).toFixed(3)));
        expect(c.recovery).toBeNull(); // short until the end of the horizon
        expect(scenario(r, 'A').shockStart).toBe('2026-01-01');
    });
});

describe('expected values', () => {
    test('Σ probability x value over the scenarios that have one', async () => {
        const r = await run(trade);
        const unmet = (name: string) => scenario(r, name).totals.unmet;
        expect(r.expected.unmet).toBeCloseTo(0.3 * unmet('A') + 0.2 * unmet('B'), 6);
        expect(scenario(r, 'Free').probability).toBeNull();
        expect(scenario(r, 'B').probability).toBe(0.2);
    });
});
