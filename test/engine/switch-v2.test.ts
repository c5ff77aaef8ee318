/**
 * `switch`, generalised (metrics-v2 §4): the contract shortfall from any cause, the delay from
 * the first period with a shortfall. Figures by hand.
 */
import { describe, expect, test } from 'vitest';
import { material, run, values } from './helpers.js';

describe('switch re-sources any contract shortfall', () => {
    test('an outage (no cut of requests) is a shortfall the switch re-sources', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier A in China { produces REE 100 t/month }
supplier B in Vietnam { produces REE 200 t/month }
consumer C in Japan { needs REE 100 t/month }
flow A -> C { REE 100 t/month }
shock Down { outage A cut 50% from 2026-02 }
measure Sw { switch C to B after 1 month }
scenario Without { Down }
scenario S { Down, Sw }
`);
        // A ships 50 of 100 from February: 50 t short a month (3 months) without the switch.
        expect(material(r, 'Without', 'C').unmet).toBe(150);
        // First shortfall in February; one month later, March and April draw 50 t from B's spare.
        expect(material(r, 'S', 'C').unmet).toBe(50);
        expect(values(material(r, 'S', 'C').series.arrivals)).toEqual([100, 50, 100, 100]);
    });

    test('capacity shared by priority: the delay counts from the first period short', async () => {
        const r = await run(`
horizon 2026-01 to 2026-03
supplier A in China { produces REE 100 t/month }
supplier B in Vietnam { produces REE 100 t/month }
consumer D in Japan { needs REE 80 t/month  priority critical }
consumer C in Japan { needs REE 60 t/month }
flow A -> D { REE 80 t/month }
flow A -> C { REE 60 t/month }
measure Sw { switch C to B after 1 month }
scenario S { Sw }
`);
        // A serves the critical D first (80 t), C gets the other 20 of its 60: 40 t short from January.
        expect(material(r, 'baseline', 'C').unmet).toBe(120);
        // Short from January, so from February C draws its 40 t from B.
        expect(values(material(r, 'S', 'C').series.arrivals)).toEqual([20, 60, 60]);
        expect(material(r, 'S', 'C').unmet).toBe(40);
    });

    test('a plant re-sources its inputs the same way', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier CN in China { produces NdPrOxide 1000 t/month }
supplier AU in Australia { produces NdPrOxide 100 t/month }
plant P in Japan { makes NdPrMetal 100 t/month from NdPrOxide 1 }
consumer C in Japan { needs NdPrMetal 100 t/month }
flow CN -> P { NdPrOxide 100 t/month }
flow P -> C { NdPrMetal 100 t/month }
shock Ban { embargo China -> Japan from 2026-02 }
measure Sw { switch P to AU after 1 month }
scenario S { Ban, Sw }
`);
        // P is 100 t short of oxide from February; a month later it draws 100 t from AU's spare,
        // so it makes 100 t again from March and C is short only in February.
        const s = r.scenarios[1];
        expect(values(s.plants.P.series.produced)).toEqual([100, 0, 100, 100]);
        expect(material(r, 'S', 'C', 'NdPrMetal').unmet).toBe(100);
        // What C gets from March is traced to Australia.
        expect(values(s.consumers.C.series.embeddedDependency)).toEqual({ Australia: [0, null, 1, 1], China: [1, null, 0, 0] });
    });
});
