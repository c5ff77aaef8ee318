/**
 * The Japan 2026 example undisturbed: China's share, concentration and days of cover, as a
 * strategist would compute them from the January 2026 customs figures.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { expectTonnes, JAPAN, ree, reserve, runJson, scenario } from './cli.js';
import { CHINA, FRANCE, HIGH_RISK, MALAYSIA, NATIONAL, NEED, OTHERS, TOTAL, VIETNAM } from './figures.js';

let result: SimulationResult;
beforeAll(async () => {
    result = await runJson(path.join(JAPAN, 'main.choke'));
});

describe('Japan 2026, baseline', () => {
    test('horizon: 60 months from January 2026', () => {
        expect(result.horizon).toEqual({ start: '2026-01-01', end: '2030-12-01', step: 'month', periods: 60 });
        expect(result.scenarios.map(s => s.name)).toEqual(['baseline', 'ManagedDetente', 'GradualEscalation', 'ShockEmbargo', 'DualSystem', 'CurbOnly']);
    });

    test("China's share of Japan's imports is 1,127 / 1,478", () => {
        const japan = scenario(result, 'baseline').regions.Japan;
        expect(TOTAL).toBe(1478);
        expect(japan.dependency.China).toBeCloseTo(CHINA / TOTAL, 6); // 0.762517
        expect(japan.dependency.Vietnam).toBeCloseTo(VIETNAM / TOTAL, 6); // 0.149526
        expect(japan.dependency.France).toBeCloseTo(FRANCE / TOTAL, 6); // 0.053451
        expect(japan.dependency.RestOfWorld).toBeCloseTo(OTHERS / TOTAL, 6);
        expect(japan.dependency.Malaysia).toBeCloseTo(MALAYSIA / TOTAL, 6);
        // Nothing changes without shocks: the same at the end.
        expect(japan.dependencyEnd).toEqual(japan.dependency);
    });

    test('concentration: HHI of 6,078 over five origins', () => {
        const japan = scenario(result, 'baseline').regions.Japan;
        // 10,000 x (1127² + 221² + 79² + 1² + 50²) / 1478² = 10,000 x 1,327,712 / 2,184,484
        const hhi = (10_000 * (CHINA ** 2 + VIETNAM ** 2 + FRANCE ** 2 + MALAYSIA ** 2 + OTHERS ** 2)) / TOTAL ** 2;
        expect(hhi).toBeCloseTo(6077.92, 2);
        expect(japan.hhi).toBeCloseTo(hhi, 2);
    });

    test('each sector: its own mix of origins', () => {
        const base = scenario(result, 'baseline');
        const auto = base.consumers.Automotive;
        expect(auto.dependency.China).toBeCloseTo(570 / 740, 6); // 0.770270
        expect(auto.dependency.Malaysia).toBeCloseTo(1 / 740, 6);
        // 10,000 x (570² + 110² + 40² + 1² + 19²) / 740² = 10,000 x 338,962 / 547,600
        expect(auto.hhi).toBeCloseTo((10_000 * 338_962) / 547_600, 2); // 6,189.96
        // Defence buys least from China: (97² + 26² + 9² + 16²) / 148²
        const defence = base.consumers.Defence;
        expect(defence.dependency.China).toBeCloseTo(97 / 148, 6); // 0.655405
        expect(defence.hhi).toBeCloseTo((10_000 * 10_422) / 21_904, 2); // 4,758.04
        expect(base.consumers.Electrical.hhi).toBeCloseTo((10_000 * 87_550) / 136_900, 2);
        expect(base.consumers.Precision.hhi).toBeCloseTo((10_000 * 30_000) / 48_400, 2);
    });

    test("embedded dependency traces Lynas Malaysia's tonne to Mount Weld, Australia", () => {
        const auto = scenario(result, 'baseline').consumers.Automotive;
        expect(auto.embeddedDependency.Australia).toBeCloseTo(1 / 740, 6);
        expect(auto.embeddedDependency.Malaysia).toBeUndefined();
        expect(auto.embeddedDependency.China).toBeCloseTo(570 / 740, 6);
    });

    test('days of cover: 60 in the standard tier, 180 in the high-risk tier, 108 in all', () => {
        const base = scenario(result, 'baseline');
        const national = reserve(base, 'NationalStockpile');
        expectTonnes(national.initial, NATIONAL); // 60 x 1,478 / (365/12) = 2,915.506849 t
        expect(national.coverDays).toBe(60);
        const highRisk = reserve(base, 'HighRiskStockpile');
        expectTonnes(highRisk.initial, HIGH_RISK); // 180 x 148 / (365/12) = 875.835616 t
        expect(highRisk.coverDays).toBe(180);
        // Japan: 30 days own + 60 days standard tier + 180 days of defence's 148 of 1,478 t
        expect(base.regions.Japan.coverDays).toBeCloseTo(30 + 60 + (180 * NEED.Defence) / TOTAL, 3); // 108.024
        // A sector counts its own stock and its share (by need) of the tiers serving it.
        expect(base.consumers.Automotive.coverDays).toBeCloseTo(30 + 60, 3);
        expect(base.consumers.Defence.coverDays).toBeCloseTo(30 + 60 + 180, 3);
    });

    test('nothing short, nothing released, nothing lost', () => {
        const base = scenario(result, 'baseline');
        for (const [name, perMonth] of Object.entries(NEED)) {
            const m = ree(base, name);
            expectTonnes(m.need, perMonth * 60);
            expect(m.unmet).toBe(0);
            expect(m.released).toBe(0);
            expect(m.firstStockout).toBeNull();
        }
        expect(base.totals.loss.JPY).toBe(0);
        expect(base.shockStart).toBeNull();
    });
});
