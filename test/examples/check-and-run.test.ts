/**
 * The examples as a strategist meets them: they check cleanly, every file with scenarios
 * runs on its own, runs are byte-identical, and every declaration says where its figure
 * comes from (the comment above it is its hover).
 */
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import type { Model } from '../../language/src/generated/ast.js';
import { loadModel } from '../../language/src/loading/load.js';
import { cli, CRISIS, JAPAN, runJson, scenario } from './cli.js';

describe('chokepoint check', () => {
    test("both examples: no errors; one warning, on the analysis's own probabilities", async () => {
        const run = await cli('check', JAPAN, CRISIS);
        expect(run.code).toBe(0);
        const lines = run.out.split('\n');
        // The analysis gives detente 30-35%: at the midpoint the four add up to 97.5%.
        expect(lines.filter(l => l.includes(': warning: '))).toEqual([
            expect.stringMatching(/japan-2026\/scenarios\.choke:\d+:\d+: warning: Scenario probabilities sum to 97\.5%.*\[probability-sum\]$/)
        ]);
        expect(lines.filter(l => l.includes(': error: '))).toEqual([]);
        // The 2010 response came after the halt: its substitution and recycling start when nothing is short.
        expect(lines.filter(l => l.includes(': hint: '))).toEqual([
            expect.stringMatching(
                /crisis-2010\/main\.choke:\d+:\d+: hint: substitute 10% of JapanIndustry on REE changes nothing in HaltAndResponse: JapanIndustry is never short while it is active .*\[no-effect\]$/
            ),
            expect.stringMatching(
                /crisis-2010\/main\.choke:\d+:\d+: hint: recycle 5% of JapanIndustry changes nothing in HaltAndResponse: JapanIndustry is never short while it is active .*\[no-effect\]$/
            )
        ]);
        expect(lines.at(-1)).toBe('0 errors, 1 warning, 2 hints in 13 files');
    });

    test('every declaration but a flow carries a comment on where its figure comes from', async () => {
        const services = createChokepointCoreServices(NodeFileSystem);
        const loaded = await loadModel(services, [JAPAN, CRISIS]);
        const comments = services.Chokepoint.documentation.CommentProvider;
        const undocumented: string[] = [];
        for (const document of loaded.documents) {
            for (const declaration of (document.parseResult.value as Model).declarations) {
                if (declaration.$type === 'Flow') continue;
                if (!comments.getComment(declaration)?.trim()) undocumented.push(`${path.basename(document.uri.fsPath)}: ${declaration.name}`);
            }
        }
        expect(undocumented).toEqual([]);
    });
});

describe('chokepoint run', () => {
    test('the table: scenarios as columns, the targets and the expected values', async () => {
        const run = await cli('run', path.join(JAPAN, 'main.choke'));
        expect(run.code).toBe(0);
        expect(run.out).toMatch(/baseline +ManagedDetente +GradualEscalation +ShockEmbargo +DualSystem +CurbOnly/);
        expect(run.out).toContain('ChinaShare2028: dependency of Japan on China for REE <= 30% by 2028-01');
        expect(run.out).toContain('Expected over scenarios with a probability (together 97.5%)');
    });

    test('--json is byte-identical between runs', async () => {
        const file = path.join(JAPAN, 'main.choke');
        const [a, b] = [await cli('run', file, '--json'), await cli('run', file, '--json')];
        expect(a.code).toBe(0);
        expect(a.out.length).toBeGreaterThan(10_000);
        expect(b.out).toBe(a.out);
    });

    test('a file that declares scenarios runs on its own, with the same numbers', async () => {
        const all = await runJson(path.join(JAPAN, 'main.choke'));
        const stress = await runJson(path.join(JAPAN, 'stress.choke'));
        expect(stress.scenarios.map(s => s.name)).toEqual(['baseline', 'CurbOnly']);
        expect(scenario(stress, 'CurbOnly').consumers).toEqual(scenario(all, 'CurbOnly').consumers);
        const four = await runJson(path.join(JAPAN, 'scenarios.choke'));
        expect(four.scenarios.map(s => s.name)).toEqual(['baseline', 'ManagedDetente', 'GradualEscalation', 'ShockEmbargo', 'DualSystem']);
        expect(four.expected).toEqual(all.expected);
        const targets = await runJson(path.join(JAPAN, 'targets.choke'));
        expect(targets.targetSummary.StockpileDays).toEqual({ pass: false, failedIn: ['baseline'] });
    });

    test('one scenario at a time', async () => {
        const one = await runJson(path.join(JAPAN, 'main.choke'), '--scenario', 'ShockEmbargo');
        expect(one.scenarios.map(s => s.name)).toEqual(['baseline', 'ShockEmbargo']);
    });

    test('the world alone has no horizon and says how to add one', async () => {
        const run = await cli('run', path.join(JAPAN, 'world.choke'));
        expect(run.code).toBe(1);
        expect(run.err).toContain('horizon 2026-01 to 2028-12');
    });
});
