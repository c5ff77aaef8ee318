/**
 * Per-period series of consumers and regions (metrics-v2 §1), figures by hand.
 */
import { describe, expect, test } from 'vitest';
import { MONTH, run, scenario, values } from './helpers.js';

// P makes metal from Chinese (60) and Australian (40) oxide; C gets 100 t of P's metal and
// 100 t of Vietnamese REE; E gets 10 t of Chinese REE and holds 20 t. From March (period 2)
// China ships nothing to Japan.
export const SERIES_MODEL = `
horizon 2026-01 to 2026-04
supplier CN in China { produces NdPrOxide 1000 t/month  produces REE 1000 t/month }
supplier AU in Australia { produces NdPrOxide 1000 t/month }
supplier VN in Vietnam { produces REE 1000 t/month }
plant P in Japan { makes NdPrMetal 100 t/month from NdPrOxide 1 }
consumer C in Japan { needs NdPrMetal 100 t/month  needs REE 100 t/month }
consumer E in Japan { needs REE 10 t/month  stock REE 20 t }
flow CN -> P { NdPrOxide 60 t/month }
flow AU -> P { NdPrOxide 40 t/month }
flow P -> C { NdPrMetal 100 t/month }
flow VN -> C { REE 100 t/month }
flow CN -> E { REE 10 t/month }
shock Ban { embargo China -> Japan from 2026-03 }
scenario S { Ban }
`;

describe('per-period series', () => {
    test('a consumer: direct and embedded shares by origin, HHI, each period', async () => {
        const r = await run(SERIES_MODEL);
        const base = scenario(r, 'baseline').consumers.C;
        // Baseline: Japan (P) 100, Vietnam 100 -> 0.5 / 0.5; P's metal is 60% China, 40% Australia,
        // so embedded: Vietnam 100, China 60, Australia 40 of 200.
        expect(values(base.series.dependency)).toEqual({ Japan: [0.5, 0.5, 0.5, 0.5], Vietnam: [0.5, 0.5, 0.5, 0.5] });
        expect(values(base.series.embeddedDependency)).toEqual({ Vietnam: [0.5, 0.5, 0.5, 0.5], China: [0.3, 0.3, 0.3, 0.3], Australia: [0.2, 0.2, 0.2, 0.2] });
        expect(values(base.series.hhi)).toEqual([5000, 5000, 5000, 5000]);
        // v1 keys unchanged: the first period.
        expect(base.dependency).toEqual({ Japan: 0.5, Vietnam: 0.5 });
        expect(base.embeddedDependency).toEqual({ Vietnam: 0.5, China: 0.3, Australia: 0.2 });

        const s = scenario(r, 'S').consumers.C;
        // From March P gets only 40 t (Australian) and makes 40: Japan 40, Vietnam 100 of 140.
        // Order: Vietnam 400 t over the horizon before Japan 280.
        expect(values(s.series.dependency)).toEqual({ Vietnam: [0.5, 0.5, 100 / 140, 100 / 140], Japan: [0.5, 0.5, 40 / 140, 40 / 140] });
        // Embedded: China sends nothing in a period with arrivals: 0, not null.
        expect(values(s.series.embeddedDependency)).toEqual({
            Vietnam: [0.5, 0.5, 100 / 140, 100 / 140],
            Australia: [0.2, 0.2, 40 / 140, 40 / 140],
            China: [0.3, 0.3, 0, 0]
        });
        // 10,000 x ((2/7)² + (5/7)²) = 10,000 x 29/49.
        expect(s.series.hhi[2]).toBeCloseTo((10_000 * 29) / 49, 9);
    });

    test('a period without arrivals has no shares (null) and cover runs down', async () => {
        const e = scenario(await run(SERIES_MODEL), 'S').consumers.E;
        expect(values(e.series.dependency)).toEqual({ China: [1, 1, null, null] });
        expect(values(e.series.hhi)).toEqual([10000, 10000, null, null]);
        // 20 t in stock, 10 t/month need: 20 / (10 / MONTH) = 2 months; March draws 10, April the rest.
        expect(values(e.series.coverDays)).toEqual([2 * MONTH, 2 * MONTH, MONTH, 0].map((v): unknown => expect.closeTo(v, 9)));
    });

    test('a region: imports into its nodes from outside it, and its cover', async () => {
        const r = await run(SERIES_MODEL);
        const japan = scenario(r, 'S').regions.Japan;
        // Imports: CN->P 60, AU->P 40, VN->C 100, CN->E 10 = 210; from March AU 40 + VN 100 = 140.
        expect(values(japan.series.dependency.China)).toEqual([70 / 210, 70 / 210, 0, 0]);
        expect(values(japan.series.dependency.Vietnam)).toEqual([100 / 210, 100 / 210, 100 / 140, 100 / 140]);
        expect(values(japan.series.embeddedDependency.Australia)).toEqual([40 / 210, 40 / 210, 40 / 140, 40 / 140]);
        // Stock of its consumers (E's 20 t) in days of their need (210 t/month); March 10 t, April 0.
        expect(values(japan.series.coverDays)).toEqual([20, 20, 10, 0].map((t): unknown => expect.closeTo(t / (210 / MONTH), 9)));
    });
});

// Z needs REE but nothing flows to it: no arrivals in any period.
const TARGETS = `${SERIES_MODEL}
consumer Z in Japan { needs REE 5 t/month }
bloc Importers { members Japan }
target PeakChinaE { max dependency of E on China <= 60% }
target EmbeddedPeak { max embedded dependency of C on China <= 25% }
target EmbeddedLow { min embedded dependency of C on China >= 10% in S }
target EndE { dependency of E on China >= 50% in S }
target NoValue { dependency of Z on China <= 50% }
target WorstFill { min fill of * >= 95% in S }
target BlocPeak { max dependency of Importers on China <= 30% }
target StarHhi { max hhi of * <= 6000 in S }
target PeakUnmet { max unmet of C <= 50 t in S }
target CoverFloor { min cover of E >= 20 days in S }
target EarlyPeak { max unmet of C <= 50 t by 2026-02 in S }
`;

describe('targets with extremes, tracing and blocs', () => {
    test('max / min: the extreme per-period value and the earliest period where it occurs', async () => {
        const r = await run(TARGETS);
        const s = scenario(r, 'S').targets;
        // E gets only Chinese REE: 100% in Jan and Feb, no arrivals after: the first tie.
        expect(s.PeakChinaE).toMatchObject({ value: 1, pass: false, judgedAt: '2026-01-01' });
        // C traced: China 60 of 200 = 30% before the ban.
        expect(s.EmbeddedPeak).toMatchObject({ value: 0.3, pass: false, judgedAt: '2026-01-01' });
        // From March nothing Chinese reaches C: 0 (a period with arrivals).
        expect(s.EmbeddedLow).toMatchObject({ value: 0, pass: false, judgedAt: '2026-03-01' });
        // C is short 60 t in March and April (P makes 40 of 100).
        expect(s.PeakUnmet).toMatchObject({ value: 60, pass: false, judgedAt: '2026-03-01' });
        // Up to February nothing is short: 0 t in January (the earliest of the ties).
        expect(s.EarlyPeak).toMatchObject({ value: 0, pass: true, judgedAt: '2026-01-01' });
        // E's stock at the end of April is 0.
        expect(s.CoverFloor).toMatchObject({ value: 0, pass: false, judgedAt: '2026-04-01' });
    });

    test('a period without a value: the latest earlier one; none at all: value and pass null', async () => {
        const r = await run(TARGETS);
        // No arrivals at E in April (or March): February's 100%.
        expect(scenario(r, 'S').targets.EndE).toMatchObject({ value: 1, pass: true, judgedAt: '2026-02-01' });
        expect(scenario(r, 'baseline').targets.NoValue).toMatchObject({ value: null, pass: null });
        expect(r.targetSummary.NoValue).toEqual({ pass: false, failedIn: [] });
    });

    test('fill of * per period, and blocs and * as subjects', async () => {
        const r = await run(TARGETS);
        const s = scenario(r, 'S').targets;
        // Need 100 + 100 (C) + 10 (E) + 5 (Z) = 215 t a month; March: C short 60, Z short 5.
        expect(s.WorstFill).toMatchObject({ value: Number((1 - 65 / 215).toFixed(6)), pass: false, judgedAt: '2026-03-01' });
        // Imports into Japan: China 60 + 10 of 210.
        expect(scenario(r, 'baseline').targets.BlocPeak).toMatchObject({ value: Number((70 / 210).toFixed(6)), pass: false, judgedAt: '2026-01-01' });
        // Everything consumers receive, by origin: March Japan 40, Vietnam 100 -> 10,000 x 29/49 = 5,918.37;
        // January Japan 100, Vietnam 100, China 10 -> 10,000 x 20,100/44,100 = 4,557.82.
        expect(s.StarHhi).toMatchObject({ value: 5918.37, pass: true, judgedAt: '2026-03-01' });
    });
});
