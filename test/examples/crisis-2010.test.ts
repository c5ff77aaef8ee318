/**
 * The 2010 crisis in weekly steps: 85% of Japan's supply from China, an eight-week halt
 * from 24 September 2010, about a month of own stock, and what the response changed.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { CRISIS, expectTonnes, ree, runJson, scenario } from './cli.js';

let result: SimulationResult;
beforeAll(async () => {
    result = await runJson(path.join(CRISIS, 'main.choke'));
});

// Weekly quantities: a month is 365/12 days, a week 7.
const perWeek = (tPerMonth: number) => ((tPerMonth * 12) / 365) * 7;
const NEED = perWeek(2000); // 460.273973 t/week
const CHINA = perWeek(1700); // 391.232877 t/week
const OTHERS = perWeek(300); // 69.041096 t/week
const STOCK = (30 * 2000 * 12) / 365; // 30 days of need: 1,972.602740 t
const LOSS_PER_T = 195e6;

// Weeks start on 1 January 2010 (a Friday): 24 September 2010 is day 266 = week 38. The
// halt stops shipments in weeks 38-45; with two weeks at sea, arrivals stop in weeks 40-47.
const HALT_WEEK = 38;

describe('crisis 2010', () => {
    test('153 weeks; 85% from China, HHI 7,450', () => {
        expect(result.horizon).toEqual({ start: '2010-01-01', end: '2012-11-30', step: 'week', periods: 153 });
        const base = scenario(result, 'baseline').consumers.JapanIndustry;
        expect(base.dependency.China).toBeCloseTo(0.85, 6);
        expect(base.hhi).toBeCloseTo(10_000 * (0.85 ** 2 + 0.15 ** 2), 2); // 7,450
        expect(base.coverDays).toBeCloseTo(30, 3);
        expectTonnes(ree(scenario(result, 'baseline'), 'JapanIndustry').need, 153 * NEED); // 70,421.917808 t
    });

    test('the halt alone: a month of stock lasts five weeks after the ships stop', () => {
        const s = scenario(result, 'HaltOnly');
        const m = ree(s, 'JapanIndustry');
        expect(s.shockStart).toBe('2010-09-24');
        // Eight weeks without 391.232877 t; own stock covers 1,972.602740 t of it.
        const unmet = 8 * CHINA - STOCK; // 1,157.260274 t
        expectTonnes(m.unmet, unmet);
        expect(s.totals.loss.JPY).toBeCloseTo(unmet * LOSS_PER_T, -2); // JPY 225.67 billion
        // Stock lasts 5.041999 weeks of the gap: weeks 40-44, then 0.042 of week 45 (12 November).
        const weeks = STOCK / CHINA;
        expect(Math.floor(weeks)).toBe(5);
        const f = weeks - 5; // 0.042017
        expect(Math.floor(f * 7)).toBe(0);
        expect(m.firstStockout).toBe('2010-11-12');
        expect(m.ttsDays).toBeCloseTo((40 + 5 - HALT_WEEK + f) * 7, 3); // 49.294 days from 24 September
        expect(m.recovery).toBe('2010-12-03'); // week 48, after the last short week 47
        // No surplus ever refills the stock: it stays empty to the end.
        expect(m.series.stock[152]).toBe(0);
    });

    test('the response: emergency sourcing saves 92 t; substitution and Lynas come later', () => {
        const s = scenario(result, 'HaltAndResponse');
        const m = ree(s, 'JapanIndustry');
        // Four weeks after the first cut (week 42) other origins sell their spare capacity,
        // 400 - 300 t/month = 23.013699 t/week, with no lead, while the halt lasts (weeks 42-45).
        const spare = perWeek(400) - OTHERS;
        const saved = 4 * spare; // 92.054795 t
        expectTonnes(m.unmet, 8 * CHINA - STOCK - saved); // 1,065.205479 t
        // Stock: weeks 40-41 the full gap, weeks 42-44 the gap less the switch, the rest in week 45.
        const left = STOCK - 2 * CHINA - 3 * (CHINA - spare); // 85.479452 t
        const f = left / (CHINA - spare); // 0.232143
        expect(m.firstStockout).toBe(`2010-11-${12 + Math.floor(f * 7)}`); // 2010-11-13
        expect(m.ttsDays).toBeCloseTo((45 - HALT_WEEK + f) * 7, 3); // 50.625 days
        // Substitution from the week starting 7 January 2011 (week 53), 10% phased in over a
        // year (365 / 7 = 52.142857 weeks): need falls by 10% x min(1, k / 52.142857) in its k-th week.
        const ramp = 365 / 7;
        const saving = 0.1 * NEED * (sum(1, 52, k => k / ramp) + (152 - 105 + 1));
        expectTonnes(m.need, 153 * NEED - saving); // 66,996.16 t
        // Recycling: 5% of need from 1 July 2011 (week 78), when substitution is 26 weeks in.
        expect(m.series.recycled[77]).toBe(0);
        expect(m.series.recycled[78]).toBeCloseTo(0.05 * NEED * (1 - (0.1 * 26) / ramp), 3); // 21.866166 t
    });

    test("China's share at the end of 2012 is still 82%: the response takes years, not months", () => {
        const s = scenario(result, 'HaltAndResponse');
        // Lynas: online in the week containing 1 October 2012 (week 143), capacity 300 t/month
        // phased in over 6 months (182.5 / 7 = 26.071429 weeks); what it shipped in week 148
        // arrives four weeks later, in the last week (152).
        const lynas = (perWeek(300) * (148 - 143 + 1)) / (182.5 / 7); // 15.889 t
        const share = CHINA / (CHINA + OTHERS + lynas); // 0.821641
        expect(s.targets.ChinaShare60.value).toBeCloseTo(share, 6);
        expect(s.targets.ChinaShare60.pass).toBe(false);
        expect(result.targetSummary).toEqual({
            NoShortage: { pass: false, failedIn: ['HaltOnly', 'HaltAndResponse'] },
            ChinaShare60: { pass: false, failedIn: ['baseline', 'HaltOnly', 'HaltAndResponse'] }
        });
    });
});

function sum(from: number, to: number, f: (k: number) => number): number {
    let total = 0;
    for (let k = from; k <= to; k++) total += f(k);
    return total;
}
