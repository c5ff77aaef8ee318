/**
 * Gradual escalation, the base case: the dual-use ban, February's entity listings (a
 * quarter of heavy electrical's Chinese supply), a month of licensing delay from June, a
 * fifth of all Chinese shipments refused from October; dual sourcing and recycling phased
 * in over three years. Worked month by month, the standard tier runs dry in April 2028.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ScenarioResult } from '../../language/src/engine/results.js';
import { expectTonnes, JAPAN, ree, reserve, runJson, scenario } from './cli.js';
import { autoShort, autoUnmet, defenceUnmet, elecShort, elecUnmet, leftApril2028, precShort, precUnmet, totalUnmet } from './escalation.js';
import { dayIn, LOSS_PER_T, NATIONAL } from './figures.js';

let s: ScenarioResult;
beforeAll(async () => {
    s = scenario(await runJson(path.join(JAPAN, 'main.choke')), 'GradualEscalation');
});

describe('GradualEscalation', () => {
    test('arrivals: the listings from March, the delay leaves July without Chinese metal, the 20% cut from December', () => {
        const arrivals = (c: string) => ree(s, c).series.arrivals;
        expect(arrivals('Electrical')[2]).toBeCloseTo(370 - 0.25 * 290, 6); // 297.5
        expect(arrivals('Automotive')[6]).toBeCloseTo(740 - 570, 6); // July: nothing from China
        expect(arrivals('Automotive')[7]).toBeCloseTo(740, 6);
        expect(arrivals('Automotive')[11]).toBeCloseTo(626, 6);
        expect(arrivals('Electrical')[11]).toBeCloseTo(254, 6);
        expect(arrivals('Precision')[11]).toBeCloseTo(186, 6);
    });

    test('the standard tier runs dry on 17 April 2028', () => {
        expect(leftApril2028).toBeCloseTo(72.162671, 5);
        // April 2028 (t = 27) asks 27.666667 (automotive) + 72.833333 (electrical) + 34 (precision).
        const asked = autoShort(27) + elecShort(27) + precShort; // 134.5
        const national = reserve(s, 'NationalStockpile');
        expect(national.dryOn).toBe(dayIn('2028-04-01', leftApril2028 / asked, 30)); // f = 0.536532
        expect(national.dryOn).toBe('2028-04-17');
        expectTonnes(national.released, NATIONAL);
        expect(national.final).toBe(0);
    });

    test('what is left unmet, sector by sector, and the loss', () => {
        expectTonnes(ree(s, 'Automotive').unmet, autoUnmet); // 107.333 + 25 x 3 = 182.333
        expectTonnes(ree(s, 'Electrical').unmet, elecUnmet); // 28.337 + 466.667 + 1,512.5
        expectTonnes(ree(s, 'Precision').unmet, precUnmet); // 34 x 33 = 1,122
        expectTonnes(ree(s, 'Defence').unmet, defenceUnmet); // 141.191781
        expectTonnes(s.totals.unmet, totalUnmet); // 3,453.029 t
        expect(s.totals.loss.JPY).toBeCloseTo(totalUnmet * LOSS_PER_T, -2); // JPY 673.34 billion
        expect(ree(s, 'Precision').firstStockout).toBe('2028-04-01'); // low priority: nothing released
        // Heavy electrical: the tier's last 44.496 t cover 0.61 of its 72.833 t gap in April.
        expect(ree(s, 'Electrical').firstStockout).toBe(dayIn('2028-04-01', (leftApril2028 - autoShort(27)) / elecShort(27), 30));
        expect(ree(s, 'Electrical').firstStockout).toBe('2028-04-19');
        expect(ree(s, 'Automotive').firstStockout).toBe('2028-05-01');
        expect(ree(s, 'Defence').firstStockout).toBe('2030-04-21');
        expect(reserve(s, 'HighRiskStockpile').dryOn).toBe('2030-04-21');
    });

    test("targets: defence is short and the loss passes NRI's three-month figure", () => {
        expect(s.targets.DefenceServed.pass).toBe(false);
        expect(s.targets.DefenceServed.value).toBeCloseTo(141.191781, 5);
        expect(s.targets.LossBelowNRI.pass).toBe(false);
        expect(s.targets.LossBelowNRI.value).toBeGreaterThan(660e9);
        // China's share of December 2026's arrivals: after the cuts China sends 456 + 174 + 136
        // and nothing to defence; the others send their 351 t plus the 80 t defence switched to.
        const china = 0.8 * 570 + 0.8 * 0.75 * 290 + 0.8 * 170; // 766
        const others = 221 + 79 + 1 + 50 + 80; // 431
        expect(s.targets.ChinaShare2026.value).toBeCloseTo(china / (china + others), 6); // 0.639933
    });
});
