import { describe, expect, test } from 'vitest';
import { material, run, scenario, values } from './helpers.js';

describe('switch', () => {
    const model = (delay: string) => `
horizon 2026-01 to 2026-06
supplier China1 in China { produces REE 100 t/month }
supplier Viet in Vietnam { produces REE 80 t/month }
consumer C in Japan { needs REE 100 t/month }
consumer D in Japan { needs REE 50 t/month }
flow China1 -> C { REE 100 t/month }
flow Viet -> D { REE 50 t/month }
shock Ban { embargo China -> Japan from 2026-02 }
measure Dual { switch C to Viet after ${delay} }
scenario X { Ban, Dual }
`;

    test('after the qualification delay, the cut volume is drawn from spare capacity', async () => {
        const r = await run(model('2 months'));
        // Cut first in February (period 1); 2 months later, from April, C draws on Viet's
        // spare capacity 80 - 50 = 30 t a month. Unmet: Feb 100, Mar 100, then 70.
        const c = material(r, 'X', 'C');
        expect(values(c.series.delivered)).toEqual([100, 0, 0, 30, 30, 30]);
        expect(c.unmet).toBe(100 + 100 + 3 * 70);
        expect(material(r, 'X', 'D').delivered).toBe(6 * 50); // D's own flow keeps its volume
        expect(scenario(r, 'X').consumers.C.dependencyEnd).toEqual({ Vietnam: 1 });
    });

    test('a shorter qualification delay (dual sourcing) switches sooner', async () => {
        const c = material(await run(model('1 month')), 'X', 'C');
        expect(values(c.series.delivered)).toEqual([100, 0, 30, 30, 30, 30]);
    });

    test('suppliers are drawn in the order listed, and never beyond the volume cut', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier CN in China { produces REE 100 t/month }
supplier A in Australia { produces REE 30 t/month }
supplier V in Vietnam { produces REE 500 t/month }
consumer C in Japan { needs REE 200 t/month }
flow CN -> C { REE 100 t/month }
shock Half { embargo China -> Japan cut 60% }
measure Dual { switch C to A, V after 0 days }
scenario X { Half, Dual }
`);
        // 60 t cut: 30 from A (all its spare), the other 30 from V.
        expect(material(r, 'X', 'C').delivered).toBe(40 + 30 + 30);
        expect(scenario(r, 'X').consumers.C.dependency).toEqual({ China: 0.4, Australia: 0.3, Vietnam: 0.3 });
    });
});

describe('switch draws', () => {
    test('are embargoed like flows', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier CN in China { produces REE 100 t/month }
supplier CN2 in China { produces REE 500 t/month }
consumer C in Japan { needs REE 100 t/month }
flow CN -> C { REE 100 t/month }
shock Ban { embargo China -> Japan cut 80% }
measure Dual { switch C to CN2 after 0 days }
scenario X { Ban, Dual }
`);
        // 80 t cut; the draw from the other Chinese supplier is cut by 80% too: 80 x 0.2 = 16.
        expect(material(r, 'X', 'C').delivered).toBe(20 + 16);
    });

    test('consumers switching to one supplier share its spare capacity by priority', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier CN in China { produces REE 300 t/month }
supplier VN in Vietnam { produces REE 150 t/month }
consumer Def in Japan { needs REE 100 t/month  priority critical }
consumer A in Japan { needs REE 100 t/month }
consumer B in Japan { needs REE 100 t/month }
flow CN -> Def { REE 100 t/month }
flow CN -> A { REE 100 t/month }
flow CN -> B { REE 100 t/month }
shock Ban { embargo China -> Japan }
measure Dual { switch Def to VN after 0 days  switch A to VN after 0 days  switch B to VN after 0 days }
scenario X { Ban, Dual }
`);
        // 150 t spare: 100 to the critical consumer, the other 50 split 25/25.
        expect(material(r, 'X', 'Def').delivered).toBe(100);
        expect(material(r, 'X', 'A').delivered).toBe(25);
        expect(material(r, 'X', 'B').delivered).toBe(25);
    });
});

describe('recycle and substitute', () => {
    test('recycling meets that share of need first', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier S in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month }
flow S -> C { REE 100 t/month }
measure Loop { recycle 20% of C on REE }
scenario X { Loop }
`);
        const c = material(r, 'X', 'C');
        // Need 100: 20 recycled, 80 delivered, the 20 t arriving beyond need are excess.
        expect([c.need, c.recycled, c.delivered, c.excess]).toEqual([100, 20, 80, 20]);
    });

    test('substitution lowers need, phased in over its ramp', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier S in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month }
flow S -> C { REE 100 t/month }
measure LowRE { substitute 30% of C on REE  from 2026-01 ramp 3 months }
scenario X { LowRE }
`);
        // 1/3, 2/3, then all of 30%: need 90, 80, 70, 70.
        expect(values(material(r, 'X', 'C').series.need)).toEqual([90, 80, 70, 70]);
    });
});

describe('planned nodes and add', () => {
    test('a planned supplier and its flow take part only once added', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier CN in China { produces REE 50 t/month }
supplier Future in Australia planned { produces REE 50 t/month }
consumer C in Japan { needs REE 100 t/month }
flow CN -> C { REE 50 t/month }
flow Future -> C { REE 50 t/month }
flow Extra: CN -> C planned { REE 30 t/month }
measure Build { add Future from 2026-03 }
measure Contract { add Extra }
scenario X { Build }
scenario Y { Contract }
`);
        expect(values(material(r, 'baseline', 'C').series.delivered)).toEqual([50, 50, 50, 50]);
        expect(values(material(r, 'X', 'C').series.delivered)).toEqual([50, 50, 100, 100]);
        // Extra adds 30 t of requests on CN's 50 t: 80 requested, 50 shipped pro rata.
        expect(values(material(r, 'Y', 'C').series.delivered)).toEqual([50, 50, 50, 50]);
    });

    test('flows into a planned plant take nothing from their supplier until it is added', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier S in China { produces NdPrOxide 100 t/month }
plant P in Japan planned { makes NdPrMetal 100 t/month from NdPrOxide 1 }
consumer C in Japan { needs NdPrOxide 100 t/month }
flow S -> P { NdPrOxide 100 t/month }
flow S -> C { NdPrOxide 100 t/month }
measure Build { add P }
scenario X { Build }
`);
        expect(material(r, 'baseline', 'C', 'NdPrOxide').delivered).toBe(100);
        expect(material(r, 'X', 'C', 'NdPrOxide').delivered).toBe(50); // 100 shared with P
    });
});

describe('online, ramp, offline', () => {
    test('nothing before the online period, a linear ramp from its first period, nothing from offline on', async () => {
        const r = await run(`
horizon 2026-01 to 2026-06
supplier New in France { produces REE 120 t/month  online 2026-02 ramp 3 months  offline 2026-06 }
consumer C in Japan { needs REE 200 t/month }
flow New -> C { REE 200 t/month }
`);
        // Ramp of 3 periods: 1/3, 2/3, 3/3 of 120 from February; offline from June.
        expect(values(material(r, 'baseline', 'C').series.delivered)).toEqual([0, 40, 80, 120, 120, 0]);
    });
});
