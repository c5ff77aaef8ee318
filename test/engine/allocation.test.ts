import { describe, expect, test } from 'vitest';
import { material, run, scenario, values } from './helpers.js';

describe('allocation at a supplier', () => {
    test('critical first, then pro rata within a priority; low gets what is left', async () => {
        const r = await run(`
horizon 2026-01 to 2026-03
supplier S in China { produces REE 100 t/month }
consumer Crit in Japan { needs REE 80 t/month  priority critical }
consumer A in Japan { needs REE 60 t/month }
consumer B in Japan { needs REE 20 t/month }
consumer L in Japan { needs REE 10 t/month  priority low }
flow S -> Crit { REE 80 t/month }
flow S -> A { REE 60 t/month }
flow S -> B { REE 20 t/month }
flow S -> L { REE 10 t/month }
`);
        // Requests 170 > 100: critical takes 80, leaving 20 for the normal class (60 + 20 = 80):
        // ratio 20/80 = 0.25, so A gets 15 and B 5 each month; low gets nothing.
        expect(values(material(r, 'baseline', 'Crit').series.delivered)).toEqual([80, 80, 80]);
        expect(values(material(r, 'baseline', 'A').series.delivered)).toEqual([15, 15, 15]);
        expect(values(material(r, 'baseline', 'B').series.delivered)).toEqual([5, 5, 5]);
        expect(material(r, 'baseline', 'L').delivered).toBe(0);
        expect(material(r, 'baseline', 'A').unmet).toBe(3 * 45); // 60 - 15 = 45 a month
        expect(material(r, 'baseline', 'L').unmet).toBe(30);
    });

    test('requests below capacity are served in full', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
supplier S in China { produces REE 18000 t/yr }
consumer A in Japan { needs REE 1000 t/month }
flow S -> A { REE 1000 t/month }
`);
        // 18000 t/yr = 1500 t/month of capacity >= 1000 requested.
        expect(material(r, 'baseline', 'A').delivered).toBe(1000);
        expect(material(r, 'baseline', 'A').fill).toBe(1);
    });
});

describe('plants', () => {
    const magnets = `
horizon 2026-01 to 2026-03
supplier Mine in Australia { produces NdPrOxide 100 t/month }
supplier DyMine in China { produces DyOxide 3 t/month }
plant Magnets in Japan { makes NdFeB 500 t/month from NdPrOxide 0.3, DyOxide 0.02 }
flow Mine -> Magnets { NdPrOxide 100 t/month }
flow DyMine -> Magnets { DyOxide 3 t/month }
consumer Cars in Japan { needs NdFeB 400 t/month }
flow Magnets -> Cars { NdFeB 400 t/month }
`;

    test('output is min(capacity, each input / coefficient, requests); unused input stays in the buffer', async () => {
        const r = await run(magnets);
        // NdPr allows 100 / 0.3 = 333.3 t, Dy allows 3 / 0.02 = 150 t: Dy binds, 150 t a month.
        const cars = material(r, 'baseline', 'Cars', 'NdFeB');
        expect(values(cars.series.delivered)).toEqual([150, 150, 150]);
        expect(cars.unmet).toBe(3 * 250);
        const plant = scenario(r, 'baseline').plants.Magnets;
        expect(plant.outputs.NdFeB.produced).toBe(450);
        // Each month uses 150 x 0.3 = 45 t of NdPr and keeps 55 t: 165 t left after three months.
        expect(plant.inputs.NdPrOxide).toEqual({ received: 300, used: 135, buffer: 165 });
        expect(plant.inputs.DyOxide).toEqual({ received: 9, used: 9, buffer: 0 });
    });

    test('embedded dependency traces the inputs, weighted by tonnes of input per tonne', async () => {
        const r = await run(magnets);
        const cars = scenario(r, 'baseline').consumers.Cars;
        expect(cars.dependency).toEqual({ Japan: 1 });
        // 0.3 t from Australia and 0.02 t from China per tonne: 0.3/0.32 = 0.9375 and 0.0625.
        expect(cars.embeddedDependency).toEqual({ Australia: 0.9375, China: 0.0625 });
        expect(cars.embeddedDependencyEnd).toEqual({ Australia: 0.9375, China: 0.0625 });
    });

    test('a buffer carries a plant through a cut of its input', async () => {
        const r = await run(`
horizon 2026-01 to 2026-04
supplier Mine in China { produces NdPrOxide 100 t/month }
plant Metal in Japan { makes NdPrMetal 50 t/month from NdPrOxide 1 }
flow Mine -> Metal { NdPrOxide 100 t/month }
consumer C in Japan { needs NdPrMetal 50 t/month }
flow Metal -> C { NdPrMetal 50 t/month }
shock Stop { embargo China -> Japan from 2026-03 }
scenario X { Stop }
`);
        // Jan, Feb: receive 100, use 50: the buffer holds 50, then 100. March, April: nothing
        // arrives; the plant makes 50 from the buffer each month, so C never runs short.
        expect(values(material(r, 'X', 'C', 'NdPrMetal').series.delivered)).toEqual([50, 50, 50, 50]);
        expect(scenario(r, 'X').plants.Metal.inputs.NdPrOxide).toEqual({ received: 200, used: 200, buffer: 0 });
        // The embedded origin of what it makes from the buffer is still China.
        expect(scenario(r, 'X').consumers.C.embeddedDependencyEnd).toEqual({ China: 1 });
    });

    test('chains of plants run upstream first, whatever the declaration order', async () => {
        const r = await run(`
horizon 2026-01 to 2026-01
consumer C in Japan { needs NdFeB 10 t/month }
flow Magnet -> C { NdFeB 10 t/month }
plant Magnet in Japan { makes NdFeB 10 t/month from NdPrMetal 0.5 }
flow Metal -> Magnet { NdPrMetal 5 t/month }
plant Metal in Japan { makes NdPrMetal 5 t/month from NdPrOxide 2 }
flow Mine -> Metal { NdPrOxide 10 t/month }
supplier Mine in Vietnam { produces NdPrOxide 10 t/month }
`);
        // 10 t oxide -> 5 t metal -> 10 t magnets in the same month (no leads).
        expect(material(r, 'baseline', 'C', 'NdFeB').delivered).toBe(10);
        expect(scenario(r, 'baseline').consumers.C.embeddedDependency).toEqual({ Vietnam: 1 });
    });
});

describe('lead times', () => {
    const model = (lead: string) => `
horizon 2026-01 to 2026-05
supplier S in China { produces REE 100 t/month }
consumer C in Japan { needs REE 100 t/month }
flow S -> C { REE 100 t/month lead ${lead} }
shock Stop { embargo China -> Japan from 2026-01 for 1 month }
scenario X { Stop }
`;

    test('the pipeline is full of baseline shipments at the start', async () => {
        const r = await run(model('2 months'));
        expect(values(material(r, 'baseline', 'C').series.delivered)).toEqual([100, 100, 100, 100, 100]);
        expect(material(r, 'baseline', 'C').unmet).toBe(0);
    });

    test('a cut shipment is missed one lead later', async () => {
        const r = await run(model('2 months'));
        // January's shipment is cut; with a 2-month lead it would have arrived in March.
        const c = material(r, 'X', 'C');
        expect(values(c.series.delivered)).toEqual([100, 100, 0, 100, 100]);
        expect(c.firstStockout).toBe('2026-03-01'); // no stock: f = 0
        expect(c.recovery).toBe('2026-04-01');
    });

    test('leads round up to whole periods', async () => {
        // 31 days / (365/12) = 1.02 -> 2 periods; 30 days -> 1 period.
        expect(values(material(await run(model('31 days')), 'X', 'C').series.delivered)).toEqual([100, 100, 0, 100, 100]);
        expect(values(material(await run(model('30 days')), 'X', 'C').series.delivered)).toEqual([100, 0, 100, 100, 100]);
    });
});
