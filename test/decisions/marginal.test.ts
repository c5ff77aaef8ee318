/**
 * The marginal value of every measure, through `run --json`'s `measures`, against figures
 * computed by hand from decisions.md §1-2.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, JAPAN } from '../examples/cli.js';
import { lower } from '../engine/helpers.js';
import { SummaryRunner } from '../../language/src/decisions/summary.js';
import { simulate } from '../../language/src/evaluation/simulation.js';
import type { MeasureValue } from '../../language/src/decisions/marginal.js';
import type { SimulationResult } from '../../language/src/engine/results.js';

const MODELS = path.join(__dirname, 'models');

type WithMeasures = SimulationResult & { measures: Record<string, MeasureValue> };

async function runWithMeasures(file: string, ...more: string[]): Promise<WithMeasures> {
    const run = await cli('run', file, '--json', ...more);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.out) as WithMeasures;
}

describe('marginal value of a measure (recycling.choke)', () => {
    // Maker needs 100 t/month, holds 100 t of its own, loses JPY 1 million per t unmet. The curb
    // cuts its only flow in Feb, Mar and Apr (periods 1-3).
    //  Without a measure: Feb draws the 100 t stock; Mar and Apr go unmet: 200 t, first stockout
    //    at the start of Mar: tts = (2 - 1) × 365/12 = 30.417 days.
    //  HalfRecycling (50% of need recycled Feb-Apr): gaps of 50 t; the stock covers Feb and Mar,
    //    Apr is short 50 t: tts = (3 - 1) × 365/12 = 60.833 days.
    //  FullRecycling: nothing unmet, no stockout.
    it('values HalfRecycling in Half: unmet and loss avoided, time to survive gained, cost', async () => {
        const { measures } = await runWithMeasures(path.join(MODELS, 'recycling.choke'));
        const half = measures.HalfRecycling;
        // cost 8..12 million JPY one-off counts as its midpoint, 10 million; 12 million JPY per year
        // over 3 active months: 12e6 × 3 × (365/12) / 365 = 3e6. Total 13e6.
        expect(half.cost).toEqual({ JPY: 13e6 });
        expect(half.scenarios.Half).toEqual({
            unmetAvoided: 150, // 200 - 50
            lossAvoided: { JPY: 150e6 }, // 150 t × 1e6
            ttsGainedDays: 30.416, // 60.833 - 30.417
            cost: { JPY: 13e6 }
        });
        // Half has probability 50%: expected = 0.5 × each; net = 75e6 - 6.5e6; ratio = 75e6 / 6.5e6.
        expect(half.expected).toEqual({
            unmetAvoided: 75,
            lossAvoided: { JPY: 75e6 },
            cost: { JPY: 6.5e6 },
            net: { JPY: 68.5e6 },
            ratio: 11.538462
        });
    });

    it('counts the horizon for the side without a stockout, and leaves scenarios without a probability out of expected values', async () => {
        const { measures } = await runWithMeasures(path.join(MODELS, 'recycling.choke'));
        const full = measures.FullRecycling;
        // No stockout with it: it survives from the curb's period (Feb, 1) to the last (Dec, 11),
        // inclusive: 11 × 365/12 = 334.583 days; without it 30.417: gained 304.166.
        expect(full.scenarios.Full.ttsGainedDays).toBe(304.166);
        expect(full.scenarios.Full.unmetAvoided).toBe(200);
        expect(full.scenarios.Full.lossAvoided).toEqual({ JPY: 200e6 });
        // No cost given: 0 in the currency the file prices losses in.
        expect(full.cost).toEqual({ JPY: 0 });
        // Full has no probability: a sum over no scenario is 0, and the ratio is null.
        expect(full.expected).toEqual({ unmetAvoided: 0, lossAvoided: { JPY: 0 }, cost: { JPY: 0 }, net: { JPY: 0 }, ratio: null });
    });

    it('only counts the chosen scenario with --scenario', async () => {
        const { measures } = await runWithMeasures(path.join(MODELS, 'recycling.choke'), '--scenario', 'Full');
        expect(measures.HalfRecycling.scenarios).toEqual({});
        expect(Object.keys(measures.FullRecycling.scenarios)).toEqual(['Full']);
    });

    it('gives the Japan stockpile release its 778 t and JPY 151.8 billion in the shock embargo (15%)', async () => {
        const { measures } = await runWithMeasures(path.join(JAPAN, 'main.choke'));
        const release = measures.ReleaseAtOnce.scenarios.ShockEmbargo;
        expect(release.unmetAvoided).toBeCloseTo(778.219178, 5);
        expect(release.lossAvoided.JPY).toBeCloseTo(151.752739726e9, -2);
        // Expected: 0.15 × each.
        expect(measures.ReleaseAtOnce.expected.unmetAvoided).toBeCloseTo(0.15 * 778.219178, 5);
        expect(Object.keys(measures)).toContain('StockpileBuilding');
    });
});

describe('run summaries', () => {
    it('total the same unmet and loss as the full results, on every Japan scenario', async () => {
        const { readFileSync } = await import('node:fs');
        const files = ['main', 'world', 'japan', 'projects', 'shocks', 'measures', 'scenarios', 'stress', 'targets', 'horizon'];
        const imports: Record<string, string> = {};
        for (const f of files.slice(1)) imports[`${f}.choke`] = readFileSync(path.join(JAPAN, `${f}.choke`), 'utf8');
        const model = await lower(readFileSync(path.join(JAPAN, 'main.choke'), 'utf8'), imports);
        const full = simulate(model);
        const runner = new SummaryRunner(model);
        for (const scenario of full.scenarios) {
            const events = model.scenarios.find(s => s.name === scenario.name)?.events ?? [];
            const summary = runner.run(events);
            expect(summary.unmet).toBe(scenario.totals.unmet);
            // Summaries list every currency of the model (USD and EUR from the offtakes' costs) with 0.
            expect(summary.loss).toEqual({ JPY: 0, USD: 0, EUR: 0, ...scenario.totals.loss });
            const tts = Object.values(scenario.consumers)
                .flatMap(c => Object.values(c.materials).map(m => m.ttsDays))
                .filter((t): t is number => t !== null);
            expect(summary.ttsDays).toBe(tts.length > 0 ? Math.min(...tts) : null);
        }
    });
});
