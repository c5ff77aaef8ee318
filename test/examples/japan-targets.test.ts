/**
 * The roadmap's targets in every scenario, the two scenarios that add supply (detente and
 * the dual system), and the expected values over the four probabilities.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { expectTonnes, JAPAN, ree, reserve, runJson, scenario } from './cli.js';
import { totalUnmet } from './escalation.js';
import { CHINA, DAYS_PER_MONTH, HIGH_RISK, LOSS_PER_T, NATIONAL, OWN_STOCK, TOTAL } from './figures.js';

let result: SimulationResult;
beforeAll(async () => {
    result = await runJson(path.join(JAPAN, 'main.choke'));
});

const DAILY_NEED = TOTAL / DAYS_PER_MONTH; // 48.591781 t/day, what the standard tier serves

describe('which targets fail, and where', () => {
    test('the roadmap fails almost everywhere', () => {
        const all = ['baseline', 'ManagedDetente', 'GradualEscalation', 'ShockEmbargo', 'DualSystem', 'CurbOnly'];
        expect(result.targetSummary).toEqual({
            // No scenario brings China's share near 50%, let alone 30% or 20%.
            ChinaShare2026: { pass: false, failedIn: all },
            ChinaShare2028: { pass: false, failedIn: all },
            ChinaShare2030: { pass: false, failedIn: all },
            // Imports stay highly concentrated (HHI above 2,500) everywhere.
            Diversified: { pass: false, failedIn: all },
            // Only the detente's purchases lift the standard tier above 90 days.
            StockpileDays: { pass: false, failedIn: all.filter(s => s !== 'ManagedDetente') },
            DefenceServed: { pass: false, failedIn: ['GradualEscalation'] },
            LossBelowNRI: { pass: false, failedIn: ['GradualEscalation'] }
        });
    });

    test('judged where the roadmap says: end of 2026, January 2028, December 2030, end of horizon', () => {
        const base = scenario(result, 'baseline').targets;
        expect(base.ChinaShare2026).toMatchObject({ judgedAt: '2026-12-01', threshold: 0.5, unit: 'share' });
        expect(base.ChinaShare2028).toMatchObject({ judgedAt: '2028-01-01', threshold: 0.3 });
        expect(base.ChinaShare2030).toMatchObject({ judgedAt: '2030-12-01', threshold: 0.2 });
        expect(base.ChinaShare2028.value).toBeCloseTo(CHINA / TOTAL, 6); // 0.762517
        expect(base.StockpileDays).toMatchObject({ value: 60, pass: false, judgedAt: '2030-12-01', unit: 'days' });
        expect(base.DefenceServed).toMatchObject({ value: 0, pass: true, judgedAt: null });
        expect(base.Diversified).toMatchObject({ value: 6077.92, judgedAt: '2028-01-01', unit: 'hhi' });
    });

    test('concentration under the shock embargo: China 1,030 t, the others 431 t with dual sourcing', () => {
        // January 2028: defence gets nothing from China; Vietnam, France and the others ship
        // their contracts plus the 29 + 21 + 30 t they spare, which defence switches to.
        const shares = [1030, 221 + 29, 79 + 21, 1, 50 + 30]; // 1,461 t in all
        const total = shares.reduce((a, b) => a + b, 0);
        const hhi = (10_000 * shares.reduce((a, x) => a + x * x, 0)) / total ** 2; // 10,000 x 1,139,801 / 2,134,521
        const t = scenario(result, 'ShockEmbargo').targets;
        expect(t.Diversified.value).toBeCloseTo(hhi, 2); // 5,339.85
        expect(t.ChinaShare2028.value).toBeCloseTo(1030 / total, 6); // 0.704997
    });
});

describe('ManagedDetente: approvals again from July, Lynas and Caremag offtakes, stockpile purchases', () => {
    test("China's share falls only as others add tonnes", () => {
        const t = scenario(result, 'ManagedDetente').targets;
        // December 2026: 1,478 + 40 from Lynas + 25 + 25 bought into the stockpile = 1,568 t imported.
        expect(t.ChinaShare2026.value).toBeCloseTo(CHINA / (TOTAL + 40 + 50), 6); // 0.718750
        // January 2028: Caremag shipped 11/12 of its 100 t/month in November 2027 (ramp), arriving two months later.
        expect(t.ChinaShare2028.value).toBeCloseTo(CHINA / (TOTAL + 40 + 50 + (100 * 11) / 12), 6); // 0.679052
        expect(t.ChinaShare2030.value).toBeCloseTo(CHINA / (TOTAL + 40 + 50 + 100), 6); // 0.675659
    });

    test('the stockpile reaches 120 days: the only scenario meeting the 90-day target', () => {
        const s = scenario(result, 'ManagedDetente');
        // Bought: Vietnam's 25 t/month arrive from February (59 months), the others' from March (58).
        const bought = 25 * 59 + 25 * 58; // 2,925 t
        const national = reserve(s, 'NationalStockpile');
        expectTonnes(national.purchased, bought);
        expectTonnes(national.final, NATIONAL + bought); // 5,840.506849 t
        expect(s.targets.StockpileDays.value).toBeCloseTo((NATIONAL + bought) / DAILY_NEED, 3); // 120.195
        expect(s.targets.StockpileDays.pass).toBe(true);
        // Defence is cut off for six months of shipments (Feb-Jul arrivals): 6 x 97 t, own stock first.
        expectTonnes(reserve(s, 'HighRiskStockpile').released, 6 * 97 - OWN_STOCK.Defence); // 436.027397
        expect(s.totals.unmet).toBe(0);
    });
});

describe('DualSystem: 30% less from China from 2027, friend-shoring, domestic separation, recycling, substitution', () => {
    test("January 2028: China's share 56%, still far from the 30% milestone", () => {
        const t = scenario(result, 'DualSystem').targets;
        const china = 0.7 * (570 + 290 + 170); // 721: defence still banned
        // Vietnam 221 + 25 bought, France 79 + Caremag 91.666667, Lynas 41, others 50 + 25 bought,
        // and the 4 + 21 + 5 t/month the three suppliers still spare, switched to under A/B standards.
        const others = 246 + (79 + (100 * 11) / 12) + 41 + 75 + 30;
        expect(t.ChinaShare2028.value).toBeCloseTo(china / (china + others), 6); // 0.561672
        expect(t.ChinaShare2028.pass).toBe(false);
    });

    test("Vietnam's ore ban halves the domestic separation plant's feed", () => {
        const plant = scenario(result, 'DualSystem').plants.JapanSeparation;
        // Only Mount Weld's 60 t/month arrive (from February: 59 months); 3 t per t of metal.
        expectTonnes(plant.inputs.MixedConcentrate.received, 60 * 59); // 3,540 t
        expectTonnes(plant.outputs.REE.produced, (60 * 59) / 3); // 1,180 t
    });

    test('the high-risk tier runs dry on 8 May 2027; the standard tier then carries defence', () => {
        const s = scenario(result, 'DualSystem');
        // Defence: 97 t/month cut, 30 t/month switched from the first month: 67 t short.
        // Own stock covers February, March and 11.972603 t of April; then the tier: 55.027397 in April,
        // 12 full months (May 2026 - April 2027), and 16.808219 t into May 2027 (31 days).
        const april = 67 - (OWN_STOCK.Defence - 2 * 67);
        const lastMonth = HIGH_RISK - april - 12 * 67; // 16.808219
        expect(reserve(s, 'HighRiskStockpile').dryOn).toBe(`2027-05-${String(1 + Math.floor((lastMonth / 67) * 31)).padStart(2, '0')}`);
        expect(reserve(s, 'HighRiskStockpile').dryOn).toBe('2027-05-08');
        expect(ree(s, 'Defence').unmet).toBe(0);
        expect(s.targets.DefenceServed.pass).toBe(true);
    });
});

describe('expected values over the four scenarios', () => {
    test('probabilities: detente 30-35% counts as 32.5%; together 97.5%', () => {
        expect(scenario(result, 'ManagedDetente').probability).toBeCloseTo(0.325, 6);
        expect(scenario(result, 'GradualEscalation').probability).toBeCloseTo(0.4, 6);
        expect(scenario(result, 'ShockEmbargo').probability).toBeCloseTo(0.15, 6);
        expect(scenario(result, 'DualSystem').probability).toBeCloseTo(0.1, 6);
        expect(scenario(result, 'CurbOnly').probability).toBeNull(); // a stress test, outside the set
        expect(result.expected.probability).toBeCloseTo(0.975, 6);
    });

    test('expected unmet and loss: only gradual escalation leaves anything unmet', () => {
        const unmet = (name: string) => scenario(result, name).totals.unmet;
        expect(unmet('ManagedDetente') + unmet('ShockEmbargo') + unmet('DualSystem')).toBe(0);
        // 0.325 x 0 + 0.40 x 3,453.029 + 0.15 x 0 + 0.10 x 0 (CurbOnly has no probability);
        // escalation.ts derives the 3,453.029 t month by month.
        expectTonnes(unmet('GradualEscalation'), totalUnmet);
        expect(result.expected.unmet).toBeCloseTo(0.4 * totalUnmet, 5); // 1,381.211644 t
        expect(result.expected.loss.JPY / 1e9).toBeCloseTo((0.4 * totalUnmet * LOSS_PER_T) / 1e9, 2); // JPY 269.34 billion
    });
});
