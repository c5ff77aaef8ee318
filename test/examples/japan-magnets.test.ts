import { describe, expect, test } from 'vitest';
import { runJson, scenario } from './cli.js';

const MAGNETS = 'examples/japan-2026/magnets.choke';

/**
 * The magnet chain of the Japan example under the dual-use ban: the direct share says Japanese,
 * the embedded share says Chinese; the plant is bound by dysprosium; the stockpile's release
 * cap, not its stock, leaves the need unmet.
 */
describe('Japan 2026: the magnet chain', () => {
    test('traced through the plant, the magnets are mostly Chinese', async () => {
        const json = await runJson(MAGNETS);
        const users = scenario(json, 'baseline').consumers.MagnetUsers;
        // Direct: 283 t from the Japanese plant, 117 t from China: 70.75% / 29.25%.
        expect(users.dependency.Japan).toBeCloseTo(283 / 400, 3);
        expect(users.dependency.China).toBeCloseTo(117 / 400, 3);
        // Embedded: China's magnets plus the plant's output traced to its inputs, well above 70%.
        expect(users.embeddedDependency.China).toBeGreaterThan(0.8);
        expect(scenario(json, 'Ban').targets.MagnetChinaShare.pass).toBe(false);
    });

    test('in the ban the plant is bound by dysprosium and the reserve by its release cap', async () => {
        const json = await runJson(MAGNETS);
        const ban = scenario(json, 'Ban');
        expect(ban.plants.ShinEtsuMagnets.binding).toBe('DyMetal');
        const stockpile = ban.reserves.MagnetStockpile.materials.NdFeB;
        // Never dry (288 t left), yet 1,100 t go unmet: the 60 t/month cap binds.
        expect(stockpile.dryOn).toBeNull();
        expect(stockpile.final).toBeGreaterThan(250);
        expect(ban.consumers.MagnetUsers.materials.NdFeB.unmet).toBeGreaterThan(1000);
        // What was asked above the cap is exactly what went unmet.
        expect(stockpile.capBinding?.askedAbove).toBeCloseTo(ban.consumers.MagnetUsers.materials.NdFeB.unmet, 3);
    });
});
