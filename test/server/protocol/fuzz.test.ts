import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { HAND_MODEL } from '../fixtures.js';
import { runFuzz, type FuzzReport } from './fuzz-run.js';

let report: FuzzReport | undefined;
afterAll(async () => {
    await report?.dispose();
});

const OTHERS = ['examples/japan-2026/japan.choke', 'examples/japan-2026/shocks.choke', 'examples/spec/forms.choke'].map(f => readFileSync(f, 'utf8'));

describe('fuzz', () => {
    test('500 random edits: no crash, no error response, none over 2 s, no NaN/Infinity/undefined shown', async () => {
        // FUZZ_SEED replays another sequence of edits; the 10,000-edit version runs in `npm run bench`.
        report = await runFuzz({ edits: 500, seed: Number(process.env.FUZZ_SEED ?? 20260101), start: HAND_MODEL, others: OTHERS, rssEvery: 100 });
        expect([...new Set(report.errors.map(e => e.slice(0, 90)))]).toEqual([]);
        expect(report.slow).toEqual([]);
        expect(report.wrong).toEqual([]);
        expect(report.logged).toEqual([]);
        expect(report.alive).toBe(true);
        // Each edit is one version after the opening one (1).
        expect(report.finalVersion).toBe(501);
        expect(report.maxRss).toBeLessThan(400 * 2 ** 20);
        // And back to a sound text: the hand-checked numbers again.
        await report.client.change(report.uri, HAND_MODEL);
        const titles = (await report.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: report.uri } })).map(l => l.command?.title);
        expect(titles[0]).toBe('Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
        expect(report.client.stderr).toBe('');
    }, 120_000);
});
