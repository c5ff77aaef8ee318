import { describe, expect, test } from 'vitest';
import { material, run, values } from './helpers.js';

const world = (shock: string) => `
horizon 2026-01 to 2026-01
supplier CN in China { produces REE 1000 t/month  produces NdPrOxide 1000 t/month }
consumer JP in Japan { needs REE 100 t/month  needs NdPrOxide 100 t/month }
consumer US in UnitedStates { needs REE 100 t/month }
consumer FR in France { needs REE 100 t/month }
flow CN -> JP { REE 100 t/month  NdPrOxide 100 t/month }
flow CN -> US { REE 100 t/month }
flow CN -> FR { REE 100 t/month }
${shock}
scenario X { Shock }
scenario Y { Shock, Other }
shock Other { embargo China -> Japan cut 50% }
`;

/** Delivered tonnes in scenario X for JP REE, JP NdPrOxide, US and FR. */
async function delivered(shock: string, scenarioName = 'X') {
    const r = await run(world(shock));
    return [
        material(r, scenarioName, 'JP').delivered,
        material(r, scenarioName, 'JP', 'NdPrOxide').delivered,
        material(r, scenarioName, 'US').delivered,
        material(r, scenarioName, 'FR').delivered
    ];
}

describe('embargo', () => {
    test('cuts 100% by default, only from the origin to the destination', async () => {
        expect(await delivered('shock Shock { embargo China -> Japan }')).toEqual([0, 0, 100, 100]);
    });
    test('a bloc as destination: every member (Quad has Japan and the United States)', async () => {
        expect(await delivered('shock Shock { embargo China -> Quad on REE cut 50% }')).toEqual([50, 100, 50, 100]);
    });
    test('* means anywhere; stage selects materials by stage (NdPrOxide is an oxide, REE a metal)', async () => {
        expect(await delivered('shock Shock { embargo * -> Japan stage oxide }')).toEqual([100, 0, 100, 100]);
    });
    test('`to` targets end users', async () => {
        expect(await delivered('shock Shock { embargo China -> * to FR }')).toEqual([100, 100, 100, 0]);
    });
    test('`on` limits the materials', async () => {
        expect(await delivered('shock Shock { embargo China -> Japan on NdPrOxide }')).toEqual([100, 0, 100, 100]);
    });
    test('cuts of overlapping shocks multiply: 50% and 50% leave 25%', async () => {
        // Y has Shock (China -> Quad 50%) and Other (China -> Japan 50%): JP keeps 25% of both
        // materials, the US 50%.
        expect(await delivered('shock Shock { embargo China -> Quad cut 50% }', 'Y')).toEqual([25, 25, 50, 100]);
    });
    test('an EU member is in the EU bloc', async () => {
        expect(await delivered('shock Shock { embargo China -> EU }')).toEqual([100, 100, 100, 0]);
    });
});

describe('outage', () => {
    test('capacity falls; the rest is shared pro rata', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier CN in China { produces REE 300 t/month }
consumer A in Japan { needs REE 100 t/month }
consumer B in Japan { needs REE 200 t/month }
flow CN -> A { REE 100 t/month }
flow CN -> B { REE 200 t/month }
shock Fire { outage CN on REE cut 40% }
scenario X { Fire }
`);
        // 300 x 0.6 = 180 for 300 requested: 60% of each request.
        expect(material(r, 'X', 'A').delivered).toBe(60);
        expect(material(r, 'X', 'B').delivered).toBe(120);
    });
});

describe('demand', () => {
    test('need rises or falls by the percentage', async () => {
        const r = await run(`
horizon 2026-01 to 2026-02
supplier CN in China { produces REE 1000 t/month }
consumer A in Japan { needs REE 100 t/month }
consumer B in Japan { needs REE 100 t/month }
flow CN -> A { REE 100 t/month }
flow CN -> B { REE 100 t/month }
shock Boom { demand A on REE +20%  demand B -25%  from 2026-02 }
scenario X { Boom }
`);
        expect(values(material(r, 'X', 'A').series.need)).toEqual([100, 120]);
        expect(values(material(r, 'X', 'A').series.unmet)).toEqual([0, 20]);
        expect(values(material(r, 'X', 'B').series.need)).toEqual([100, 75]);
        expect(values(material(r, 'X', 'B').series.excess)).toEqual([0, 25]);
    });
});

describe('delay', () => {
    test('lead times lengthen while it lasts: a gap, then shipments bunch up', async () => {
        const r = await run(`
horizon 2026-01 to 2026-06
supplier CN in China { produces REE 100 t/month }
consumer JP in Japan { needs REE 100 t/month }
flow CN -> JP { REE 100 t/month  lead 1 month }
shock Licences { delay China -> Japan +1 month  from 2026-02 for 2 months }
scenario X { Licences }
`);
        // Shipped in Jan (lead 1) -> Feb; Feb and Mar (lead 2) -> Apr and May; Apr (lead 1) -> May.
        const jp = material(r, 'X', 'JP');
        expect(values(jp.series.arrivals)).toEqual([100, 100, 0, 100, 200, 100]);
        expect(values(jp.series.unmet)).toEqual([0, 0, 100, 0, 0, 0]);
        expect(values(jp.series.excess)).toEqual([0, 0, 0, 0, 100, 0]);
    });
});

describe('timing', () => {
    test('active while the period starts in [from, end); `until` and open-ended', async () => {
        const model = (timing: string) => `
horizon 2026-01 to 2026-06
supplier CN in China { produces REE 100 t/month }
consumer JP in Japan { needs REE 100 t/month }
flow CN -> JP { REE 100 t/month }
shock S { embargo China -> Japan ${timing} }
scenario X { S }
`;
        const unmet = async (timing: string) => values(material(await run(model(timing)), 'X', 'JP').series.unmet);
        expect(await unmet('from 2026-02 for 3 months')).toEqual([0, 100, 100, 100, 0, 0]);
        expect(await unmet('from 2026-02 until 2026-04')).toEqual([0, 100, 100, 0, 0, 0]);
        expect(await unmet('from 2026-05')).toEqual([0, 0, 0, 0, 100, 100]);
        // Mid-month start: the first period whose first day is on or after it.
        expect(await unmet('from 2026-02-15 for 1 month')).toEqual([0, 0, 100, 0, 0, 0]);
        // A ramp phases the cut in: 1/2, then all of it.
        expect(await unmet('from 2026-03 ramp 2 months')).toEqual([0, 0, 50, 100, 100, 100]);
    });
});
