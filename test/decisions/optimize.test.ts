/**
 * `chokepoint optimize` on test/decisions/models/knapsack.choke (decisions.md §4), by hand:
 * one scenario, probability 100%, the curb leaves each of three makers 300 t short at JPY 1
 * million per t: the empty portfolio's expected loss is 900e6. RecycleA avoids 20% × 300 = 60 t
 * for 6e6; RecycleB and RecycleC avoid 15% × 300 = 45 t each for 5e6.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../examples/cli.js';
import { lower } from '../engine/helpers.js';
import { optimizePortfolio, type Optimization } from '../../language/src/decisions/optimize.js';
import { SummaryRunner } from '../../language/src/decisions/summary.js';

const MODEL = path.join(__dirname, 'models', 'knapsack.choke');

async function optimize(...more: string[]): Promise<Optimization> {
    const run = await cli('optimize', MODEL, '--json', ...more);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.out) as Optimization;
}

describe('chokepoint optimize', () => {
    it('finds the best portfolio where greedy by ratio is wrong', async () => {
        // Greedy by ratio (loss avoided per JPY): A (10/million) first, then B or C no longer fit
        // within 10e6 (6 + 5 = 11): 840e6. B + C cost exactly 10e6 and leave 900 - 90 = 810e6.
        const result = await optimize('--budget', '10', 'million', 'JPY');
        expect(result.budget).toEqual({ JPY: 10e6 });
        expect(result.candidates).toEqual(['RecycleA', 'RecycleB', 'RecycleC']);
        expect(result.best).toEqual({ measures: ['RecycleB', 'RecycleC'], cost: { JPY: 10e6 }, expected: { unmet: 810, loss: { JPY: 810e6 } } });
        expect(result.exact).toBe(true);
        // Affordable portfolios: {}, A, B, C, B+C: one run each (one scenario).
        expect(result.runs).toBe(5);
    });

    it('gives the frontier from the empty portfolio, in order of cost, ties to names in order', async () => {
        const { frontier } = await optimize('--budget', '10 million JPY');
        // Budget 5e6: B or C (same loss and cost: B by name) 855e6; 6e6: A 840e6; 10e6: B + C 810e6.
        expect(frontier).toEqual([
            { measures: [], cost: { JPY: 0 }, expectedLoss: { JPY: 900e6 } },
            { measures: ['RecycleB'], cost: { JPY: 5e6 }, expectedLoss: { JPY: 855e6 } },
            { measures: ['RecycleA'], cost: { JPY: 6e6 }, expectedLoss: { JPY: 840e6 } },
            { measures: ['RecycleB', 'RecycleC'], cost: { JPY: 10e6 }, expectedLoss: { JPY: 810e6 } }
        ]);
    });

    it('takes the listed measures as candidates, free ones included', async () => {
        // Free recycles 1% of MakerA: 3 t, at no cost: best at every budget, even 0.
        const result = await optimize('--budget', '0', 'JPY', '--measures', 'RecycleA,Free');
        expect(result.candidates).toEqual(['RecycleA', 'Free']);
        expect(result.best.measures).toEqual(['Free']);
        expect(result.best.expected.loss).toEqual({ JPY: 897e6 });
        expect(result.frontier.map(p => p.measures)).toEqual([[], ['Free']]);
    });

    it('searches beyond the exact limit with a named heuristic that is not greedy by ratio', async () => {
        const model = await lower(readFileSync(MODEL, 'utf8'));
        const runner = new SummaryRunner(model);
        const candidates = model.events
            .map((e, i) => ({ e, i }))
            .filter(({ e }) => e.name.startsWith('Recycle'))
            .map(({ i }) => i);
        const result = await optimizePortfolio(model, candidates, 'JPY', 10e6, families => Promise.resolve(families.flatMap(f => runner.runFamily(f))), 0);
        expect(result.exact).toBe(false);
        expect(result.heuristic).toBe('greedy-with-swaps');
        expect(result.best.measures).toEqual(['RecycleB', 'RecycleC']);
    });

    it('prints a table with the best portfolio and the frontier', async () => {
        const run = await cli('optimize', MODEL, '--budget', '10 million JPY');
        expect(run.code).toBe(0);
        expect(run.out).toContain('measures:      RecycleB, RecycleC');
        expect(run.out).toMatch(/10 million JPY\s+810 million JPY\s+RecycleB, RecycleC/);
    });
});

describe('optimize refuses bad input with one line and exit 2', () => {
    const cases: [string[], string][] = [
        [['--budget', '10 million USD'], "--budget is in USD, but no candidate measure has a cost in USD; the file's measures have costs in JPY."],
        [['--budget', '-5 million JPY'], "--budget must be 0 or more, not '-5 million JPY'."],
        [['--budget', '10 t'], '--budget takes money, an amount and a currency code such as "100 billion JPY", not \'10 t\'.'],
        [['--budget', 'lots'], '--budget takes money, an amount and a currency code such as "100 billion JPY", not \'lots\'.'],
        [
            ['--budget', '10 million JPY', '--measures', 'RecycleA,Nope'],
            "--measures names 'Nope', which is no measure of the file; measures: RecycleA, RecycleB, RecycleC, Free."
        ],
        [
            ['--budget', '10 million JPY', '--measures', 'Curb'],
            "--measures names 'Curb', which is a shock, not a measure; measures: RecycleA, RecycleB, RecycleC, Free."
        ],
        [[], 'optimize needs --budget AMOUNT CUR, e.g. --budget "100 billion JPY".']
    ];
    for (const [args, message] of cases) {
        it(args.join(' ') || 'no budget', async () => {
            const run = await cli('optimize', MODEL, ...args);
            expect(run.code).toBe(2);
            expect(run.err).toBe(message);
            expect(run.out).toBe('');
        });
    }
});
