/**
 * A three-month embargo from April 2026, as a strategist would work it out month by month:
 * China's shipments leave a month before they arrive, so May, June and July arrive short;
 * own stocks go first, then the stockpile (defence first, then automotive, then the rest).
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { expectTonnes, JAPAN, ree, reserve, runJson, scenario } from './cli.js';
import { DAYS_PER_MONTH, dayIn, FROM_CHINA, HIGH_RISK, LOSS_PER_T, NATIONAL, OWN_STOCK, SPARE } from './figures.js';

let result: SimulationResult;
beforeAll(async () => {
    result = await runJson(path.join(JAPAN, 'main.choke'));
});

// Periods: 0 = 2026-01. The curb cuts requests in April-June (3-5), arrivals in May-July (4-6).
const CAP = 500; // the standard tier's release cap, t/month

describe('CurbOnly: the three-month curb alone, the stockpile under its 500 t/month cap', () => {
    // May (4): each civil sector draws its China volume from its own stock.
    const autoLeft = OWN_STOCK.Automotive - FROM_CHINA.Automotive; // 729.863014 - 570 = 159.863014
    const elecLeft = OWN_STOCK.Electrical - FROM_CHINA.Electrical; // 364.931507 - 290 = 74.931507
    const precLeft = OWN_STOCK.Precision - FROM_CHINA.Precision; // 216.986301 - 170 = 46.986301
    // June (5): the rest of own stock, then the standard tier: automotive (high) before
    // heavy electrical (normal) before precision (low); defence draws on the high-risk tier.
    const autoJune = FROM_CHINA.Automotive - autoLeft; // 410.136986 released
    const elecJune = CAP - autoJune; // 89.863014 released
    const elecUnmetJune = FROM_CHINA.Electrical - elecLeft - elecJune; // 125.205479
    const precUnmetJune = FROM_CHINA.Precision - precLeft; // 123.013699
    // July (6): no own stock left; 500 t to automotive, nothing for the others.
    const autoUnmet = FROM_CHINA.Automotive - CAP; // 70
    const elecUnmet = elecUnmetJune + FROM_CHINA.Electrical; // 415.205479
    const precUnmet = precUnmetJune + FROM_CHINA.Precision; // 293.013699

    test('what the curb leaves unmet, by sector', () => {
        const s = scenario(result, 'CurbOnly');
        expectTonnes(ree(s, 'Automotive').unmet, autoUnmet);
        expectTonnes(ree(s, 'Electrical').unmet, elecUnmet);
        expectTonnes(ree(s, 'Precision').unmet, precUnmet);
        expect(ree(s, 'Defence').unmet).toBe(0);
        expectTonnes(s.totals.unmet, autoUnmet + elecUnmet + precUnmet); // 778.219178 t
        // 778.219178 t x JPY 195 million = JPY 151.75 billion (NRI: 660 billion with no buffer)
        expect(s.totals.loss.JPY).toBeCloseTo((autoUnmet + elecUnmet + precUnmet) * LOSS_PER_T, -2);
        expect(ree(s, 'Electrical').released).toBeCloseTo(elecJune, 5);
    });

    test('first stockouts: precision on 9 June, heavy electrical on 18 June, automotive on 28 July', () => {
        const s = scenario(result, 'CurbOnly');
        // Covered share of June's gap: precision 46.986301 / 170, electrical (74.931507 + 89.863014) / 290
        const fPrec = precLeft / FROM_CHINA.Precision; // 0.276390
        const fElec = (elecLeft + elecJune) / FROM_CHINA.Electrical; // 0.568257
        const fAuto = CAP / FROM_CHINA.Automotive; // 0.877193, in July
        expect(ree(s, 'Precision').firstStockout).toBe(dayIn('2026-06-01', fPrec, 30)); // 2026-06-09
        expect(ree(s, 'Electrical').firstStockout).toBe(dayIn('2026-06-01', fElec, 30)); // 2026-06-18
        expect(ree(s, 'Automotive').firstStockout).toBe(dayIn('2026-07-01', fAuto, 31)); // 2026-07-28
        expect(ree(s, 'Precision').firstStockout).toBe('2026-06-09');
        // Time to survive from 1 April: whole months x 365/12 days + the covered share.
        expect(ree(s, 'Precision').ttsDays).toBeCloseTo((2 + fPrec) * DAYS_PER_MONTH, 3); // 69.236
        expect(ree(s, 'Electrical').ttsDays).toBeCloseTo((2 + fElec) * DAYS_PER_MONTH, 3); // 78.118
        expect(ree(s, 'Automotive').ttsDays).toBeCloseTo((3 + fAuto) * DAYS_PER_MONTH, 3); // 117.931
        for (const sector of ['Automotive', 'Electrical', 'Precision']) expect(ree(s, sector).recovery).toBe('2026-08-01');
    });

    test('the stockpile gives 500 t in June and July and does not run dry', () => {
        const s = scenario(result, 'CurbOnly');
        const national = reserve(s, 'NationalStockpile');
        expectTonnes(national.released, 2 * CAP);
        expectTonnes(national.final, NATIONAL - 2 * CAP); // 1,915.506849 t
        expect(national.dryOn).toBeNull();
        // Defence: 97 t a month short for three months; 145.972603 t own stock, the rest high-risk.
        const highRisk = reserve(s, 'HighRiskStockpile');
        expectTonnes(highRisk.released, 3 * FROM_CHINA.Defence - OWN_STOCK.Defence); // 145.027397
        expect(s.shockStart).toBe('2026-04-01');
    });
});

describe('ShockEmbargo: the dual-use ban, the curb, the stockpile released at once, dual sourcing', () => {
    test('released at once, the stockpile covers the curb: nothing unmet', () => {
        const s = scenario(result, 'ShockEmbargo');
        for (const sector of ['Automotive', 'Electrical', 'Precision', 'Defence']) {
            expect(ree(s, sector).unmet, sector).toBe(0);
            expect(ree(s, sector).firstStockout).toBeNull();
        }
        expect(s.totals.loss.JPY).toBe(0);
        // June: what own stock no longer covers; July: all of China's civil volume.
        const stockLeft = (c: keyof typeof FROM_CHINA) => OWN_STOCK[c] - FROM_CHINA[c]; // after May
        const june = 570 - stockLeft('Automotive') + (290 - stockLeft('Electrical')) + (170 - stockLeft('Precision')); // 748.219178
        const july = 570 + 290 + 170; // 1,030
        const national = reserve(s, 'NationalStockpile');
        expect(national.releases[5]).toBeCloseTo(june, 3);
        expect(national.releases[6]).toBeCloseTo(july, 5);
    });

    // Defence loses 97 t/month from February (shipped in January, banned). Own stock covers
    // February and 48.972603 t of March; from April (3 months after the first cut) dual
    // sourcing brings the 80 t/month other suppliers can spare: 17 t/month remain short.
    const gap = 97 - (SPARE.Vietnam + SPARE.France + SPARE.Others); // 17
    const march = 97 - (OWN_STOCK.Defence - 97); // 48.027397 from the high-risk tier
    const left = HIGH_RISK - march; // 827.808219
    const months = Math.floor(left / gap); // 48 full months: April 2026 to March 2030
    const lastMonth = left - months * gap; // 11.808219 t for April 2030

    test('the high-risk tier runs dry on 21 April 2030', () => {
        const s = scenario(result, 'ShockEmbargo');
        expect(months).toBe(48);
        const highRisk = reserve(s, 'HighRiskStockpile');
        expect(highRisk.dryOn).toBe(dayIn('2030-04-01', lastMonth / gap, 30)); // f = 0.694601
        expect(highRisk.dryOn).toBe('2030-04-21');
        expect(highRisk.final).toBe(0);
        expect(s.consumers.Defence.materials.REE.series.arrivals[3]).toBeCloseTo(148 - 97 + 80, 6);
    });

    test('after the curb and the ban, 996 t (20.5 days) remain in the standard tier', () => {
        const s = scenario(result, 'ShockEmbargo');
        // Defence then draws on the standard tier: 17 - 11.808219 in April 2030, 17 t in 8 more months.
        const defenceFromNational = gap - lastMonth + 8 * gap; // 141.191781
        // The curb: three months of China's civil 1,030 t, less the civil sectors' own stocks.
        const curb = 3 * (570 + 290 + 170) - (OWN_STOCK.Automotive + OWN_STOCK.Electrical + OWN_STOCK.Precision); // 1,778.219178
        const final = NATIONAL - curb - defenceFromNational; // 996.095890
        const national = reserve(s, 'NationalStockpile');
        expectTonnes(national.final, final);
        expect(national.dryOn).toBeNull();
        expect(s.targets.StockpileDays.value).toBeCloseTo(final / (1478 / DAYS_PER_MONTH), 3); // 20.499 days
        expect(s.targets.StockpileDays.pass).toBe(false);
    });
});
