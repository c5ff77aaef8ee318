import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../language/src/cli/main.js';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { distribution, evaluateUncertainty, type UncertaintyResult } from '../../language/src/evaluation/uncertainty.js';
import { mixSeed, seededRandom } from '../../language/src/values/random.js';
import { build } from './helpers.js';

// One range: the contracted volume. Without stock, every month short of 1,100 t is unmet.
const ONE_RANGE = `
horizon 2026-01 to 2026-12
supplier Mine in Australia { produces REE 2000 t/month }
consumer Plant in Japan { needs REE 1100 t/month }
flow Mine -> Plant { REE 1000..1200 t/month }
shock Strike { outage Mine cut 50% from 2026-06 for 2 months }
scenario StrikeYear probability 100% { Strike }
target NeverShort { unmet of Plant <= 0 t }
`;

/** The draw the run must make for the model's only range in sample k. */
function volumeOfSample(seed: number, k: number): number {
    return 1000 + seededRandom(mixSeed(seed, k))() * 200;
}

describe('uncertainty runs', () => {
    test('each sample draws the range uniformly with the seeded stream of that sample', async () => {
        const { root, documents } = await build({ 'main.choke': ONE_RANGE });
        const evaluation = evaluateUncertainty(root, documents, { samples: 200, seed: 7 });
        expect(evaluation.status).toBe('ok');
        if (evaluation.status !== 'ok') return;
        const { result } = evaluation;
        expect(result.ranges).toBe(1);
        // Baseline: 12 months x max(0, 1,100 - v) tonnes unmet in sample k.
        const baseline = Array.from({ length: 200 }, (_, k) => 12 * Math.max(0, 1100 - volumeOfSample(7, k)));
        expect(result.scenarios.baseline.unmet).toEqual(distribution(baseline));
        // StrikeYear: the mine keeps 1,000 t in June and July, so those months ship
        // min(v, 1,000) = 1,000 t and leave 100 t unmet; the other 10 months as in the baseline.
        const strike = Array.from({ length: 200 }, (_, k) => 10 * Math.max(0, 1100 - volumeOfSample(7, k)) + 2 * 100);
        expect(result.scenarios.StrikeYear.unmet).toEqual(distribution(strike));
        // The target passes only when v >= 1,100 in the baseline: about half the samples.
        const passing = baseline.filter(u => u <= 1e-6).length / 200;
        expect(result.scenarios.baseline.targetPassRate.NeverShort).toBeCloseTo(passing, 10);
        expect(passing).toBeGreaterThan(0.35);
        expect(passing).toBeLessThan(0.65);
        expect(result.scenarios.StrikeYear.targetPassRate.NeverShort).toBe(0);
        // Expected unmet over scenarios with a probability: StrikeYear at 100%.
        expect(result.expectedUnmet).toEqual(distribution(strike));
    });

    test('the same seed gives the same result; another seed another one', async () => {
        const { root, documents } = await build({ 'main.choke': ONE_RANGE });
        const a = evaluateUncertainty(root, documents, { samples: 50, seed: 1 });
        const b = evaluateUncertainty(root, documents, { samples: 50, seed: 1 });
        const c = evaluateUncertainty(root, documents, { samples: 50, seed: 2 });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    });

    test('a model without ranges: every sample is the plain run', async () => {
        const { root, documents } = await build({ 'main.choke': ONE_RANGE.replace('1000..1200', '1050') });
        const evaluation = evaluateUncertainty(root, documents, { samples: 20, seed: 3 });
        if (evaluation.status !== 'ok') throw new Error(evaluation.status);
        expect(evaluation.result.ranges).toBe(0);
        // 12 x (1,100 - 1,050) = 600 t in every sample.
        expect(evaluation.result.scenarios.baseline.unmet).toEqual({ mean: 600, min: 600, p5: 600, p50: 600, p95: 600, max: 600 });
    });

    test('one range used twice in a sample gets one draw (need and the stock in days of it)', async () => {
        // Need n ~ U(1,000, 1,200); stock 30 days of it = 30 x n / (365/12). Supply 0 in the
        // baseline, so unmet = 12 n - stock = n x (12 - 30 x 12 / 365), linear in the one draw.
        const text = `horizon 2026-01 to 2026-12
consumer Plant in Japan { needs REE 1000..1200 t/month  stock REE 30 days }`;
        const { root, documents } = await build({ 'main.choke': text });
        const evaluation = evaluateUncertainty(root, documents, { samples: 30, seed: 5 });
        if (evaluation.status !== 'ok') throw new Error(evaluation.status);
        expect(evaluation.result.ranges).toBe(1);
        const unmet = Array.from({ length: 30 }, (_, k) => volumeOfSample(5, k) * (12 - (30 * 12) / 365));
        const got = evaluation.result.scenarios.baseline.unmet;
        const want = distribution(unmet);
        for (const key of ['mean', 'min', 'p50', 'max'] as const) expect(got[key]).toBeCloseTo(want[key], 3);
    });

    test('nearest-rank percentiles', () => {
        // 1..20: p5 is the 1st smallest (ceil(0.05 x 20) = 1), p50 the 10th, p95 the 19th.
        const values = Array.from({ length: 20 }, (_, i) => 20 - i);
        expect(distribution(values)).toEqual({ mean: 10.5, min: 1, p5: 1, p50: 10, p95: 19, max: 20 });
    });
});

describe('chokepoint run --samples', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-samples-'));
    const model = path.join(dir, 'range.choke');
    writeFileSync(model, ONE_RANGE);
    async function cli(...argv: string[]) {
        const out: string[] = [],
            err: string[] = [];
        const code = await main(
            ['run', ...argv],
            s => out.push(s),
            s => err.push(s)
        );
        return { code, out: out.join('\n'), err: err.join('\n') };
    }

    test('--json adds the distributions under `uncertainty`, byte-identical for the same seed', async () => {
        const first = await cli(model, '--json', '--samples', '40', '--seed', '7');
        const again = await cli(model, '--json', '--samples', '40', '--seed', '7');
        expect(first.code).toBe(0);
        expect(first.out).toBe(again.out);
        const json = JSON.parse(first.out) as SimulationResult & { uncertainty: UncertaintyResult };
        expect(json.uncertainty.samples).toBe(40);
        expect(json.uncertainty.seed).toBe(7);
        const baseline = Array.from({ length: 40 }, (_, k) => 12 * Math.max(0, 1100 - volumeOfSample(7, k)));
        expect(json.uncertainty.scenarios.baseline.unmet).toEqual(distribution(baseline));
        // The plain run beside it uses the midpoint 1,100 t: nothing unmet.
        expect(json.scenarios[0].totals.unmet).toBe(0);
    });

    test('the table gets an uncertainty section; bad sample counts are usage errors', async () => {
        const table = await cli(model, '--samples', '10');
        expect(table.code).toBe(0);
        expect(table.out).toContain('Uncertainty: 10 samples (seed 1) drawing 1 range uniformly');
        expect(table.out).toMatch(/target NeverShort\s+passes in [\d.]+% of samples/);
        for (const bad of ['0', '-3', 'many', '10001']) {
            const result = await cli(model, '--samples', bad);
            expect(result.code).toBe(2);
            expect(result.err).toContain(`--samples takes a whole number from 1 to 10,000, not '${bad}'`);
        }
    });
});
