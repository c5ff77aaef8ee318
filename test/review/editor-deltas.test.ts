/**
 * Lens and hover deltas against git (chokepoint.compareWith): the language server's services
 * on files of a temporary repository, the text edited in memory as the editor sends it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { createChokepointServices, type ChokepointServices, type ChokepointSharedServices } from '../../server/src/chokepoint-lsp-module.js';
import type { Model } from '../../language/src/generated/ast.js';
import { makerModel, TempRepo } from './repo.js';
import { compareResponse } from '../../server/src/compare/compare-request.js';
import { chartOverlayResponse } from '../../server/src/compare/chart-overlay.js';

let shared: ChokepointSharedServices;
let Chokepoint: ChokepointServices;
const r = new TempRepo();
const outside = new TempRepo(false);

beforeAll(async () => {
    ({ shared, Chokepoint } = createChokepointServices(NodeFileSystem));
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    r.write('model.choke', makerModel(90)).commit('90 days');
});
afterAll(() => {
    r.remove();
    outside.remove();
});

async function open(file: string, text: string): Promise<LangiumDocument<Model>> {
    const uri = URI.file(file);
    const documents = shared.workspace.LangiumDocuments;
    if (documents.hasDocument(uri)) documents.deleteDocument(uri);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    await shared.simulation.Service.waitForCurrent(document.uri);
    await shared.simulation.Service.whenIdle(10_000);
    return document;
}

/** Lens titles once the base side (git, a simulation) is ready: lenses do not wait for it. */
async function titles(document: LangiumDocument): Promise<string[]> {
    await Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    await shared.compare.Service.ready();
    const lenses = await Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    return (lenses ?? []).map(l => l.command!.title);
}

function hover(document: LangiumDocument, name: string): string {
    const offset = document.textDocument.getText().indexOf(name);
    const result = Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    });
    return (result as { contents: { value: string } } | undefined)?.contents.value ?? '';
}

describe('deltas against HEAD in lenses and hovers', () => {
    test('the committed text: no delta', async () => {
        const document = await open(path.join(r.dir, 'model.choke'), makerModel(90));
        expect((await titles(document)).some(t => t.includes('vs HEAD'))).toBe(false);
    });

    test('after an edit (90 -> 30 days of stock): the consumer, scenario, target and file lenses say what changed', async () => {
        const document = await open(path.join(r.dir, 'model.choke'), makerModel(30));
        const all = await titles(document);
        // Curb: unmet 0 -> 101.37 t (200 t cut less 30 days × 3.29 t/day of stock); cover 90 -> 30 days.
        // Each changed figure carries its change right after it (review.md §2); unchanged ones
        // (China 100%, HHI 10,000, survives 30 days) carry none.
        // fill: 1 − 101.37 / 1,200 t = 91.55% -> 91.6%, 8.45 points less than 100%.
        const consumer = all.find(t => t.startsWith('Curb: China'));
        expect(consumer).toBe(
            'Curb: China 100% · HHI 10,000 · unmet 101 t (+101 vs HEAD) (baseline 0) · fill 91.6% (−8.4 pts vs HEAD) (baseline 100%)' +
                ' · first stockout 2026-03-31 (was none vs HEAD) (baseline none) · survives 30 days · cover 30 days (−60 vs HEAD)'
        );
        // The scenario: 101.37 t × 1 million JPY per t = 101.4 million JPY loss; its one target failed.
        expect(all).toContainEqual('50% · 101 t (+101 vs HEAD) unmet · 101.4 million JPY loss (+101.4 million JPY vs HEAD) · 0/1 (was 1/1 vs HEAD) targets');
        expect(all).toContainEqual('✗ 101 t (+101, was ✓ vs HEAD) (needs ≤ 0 t over the horizon) in Curb');
        // Expected: 50% × 101.37 t = 50.7 t more; 50% × 101.37 million JPY = 50.7 million JPY.
        expect(all[0]).toBe('Expected: 50.7 t (+50.7 vs HEAD) unmet · 50.7 million JPY loss (+50.7 million JPY vs HEAD) · worst: Curb (101 t unmet)');
        // The shock's lens says what the shock does now; it has no figure of its own to compare.
        expect(all.filter(t => t.includes('vs HEAD'))).toHaveLength(4);
        expect(hover(document, 'Maker {')).toMatch(
            /\*\*Compared with HEAD\*\* \(`[0-9a-f]{7}`\): Curb: China 100% · HHI 10,000 · unmet 101 t \(\+101 vs HEAD\)/
        );
        expect(hover(document, 'NoShortage')).toContain('(+101, was ✓ vs HEAD)');
    });

    test('unchanged figures carry no delta: 90 -> 120 days of stock changes the cover only', async () => {
        // Curb cuts 2 months × 100 t = 200 t; 90 days × 3.29 t/day = 296 t of stock already covers it,
        // so unmet, fill, the scenario, the target and the expected values read the same at both sides.
        const document = await open(path.join(r.dir, 'model.choke'), makerModel(120));
        const changed = (await titles(document)).filter(t => t.includes('vs HEAD'));
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatch(/ · cover 120 days \(\+30 vs HEAD\)$/);
        expect(changed[0]).not.toMatch(/unmet 0 t \(/);
        expect(hover(document, 'NoShortage')).not.toContain('Compared with');
    });

    test('compareWith none, and a file outside git: nothing compared, nothing fails', async () => {
        const settings = shared.settings.Settings;
        const original = settings.get.bind(settings);
        settings.get = async () => ({ ...(await original()), compareWith: 'none' });
        try {
            const document = await open(path.join(r.dir, 'model.choke'), makerModel(45));
            expect((await titles(document)).some(t => t.includes('vs '))).toBe(false);
        } finally {
            settings.get = original;
        }
        const loose = await open(path.join(outside.dir, 'loose.choke'), makerModel(30));
        const all = await titles(loose);
        expect(all.length).toBeGreaterThan(3);
        expect(all.some(t => t.includes('vs HEAD'))).toBe(false);
    });

    test('an unknown revision in the setting: no delta, no failure', async () => {
        const settings = shared.settings.Settings;
        const original = settings.get.bind(settings);
        settings.get = async () => ({ ...(await original()), compareWith: 'no-such-branch' });
        try {
            const document = await open(path.join(r.dir, 'model.choke'), makerModel(45));
            expect((await titles(document)).some(t => t.includes('vs '))).toBe(false);
        } finally {
            settings.get = original;
        }
    });

    test("the comparison view's grid: scenarios by key metrics, base -> head where they differ", async () => {
        const document = await open(path.join(r.dir, 'model.choke'), makerModel(30));
        const response = await compareResponse(shared, document, 'HEAD');
        if (response.status !== 'ok') throw new Error(response.message);
        expect(response.revision).toBe('HEAD');
        expect(response.columns.map(c => c.title)).toEqual(['unmet', 'loss', 'first stockout', 'worst top-origin share', 'cover', 'targets met']);
        expect(response.rows.map(row => [row.scenario, row.probability, ...row.cells.map(c => c.text)])).toEqual([
            ['baseline', '', '0 t', '0', '—', '100%', '90 days -> 30 days (−60 days)', '0/0'],
            [
                'Curb',
                '50%',
                '0 t -> 101 t (+101 t)',
                '0 -> 101.4 million JPY (+101.4 million JPY)',
                '— -> 2026-03-31',
                '100%',
                '90 days -> 30 days (−60 days)',
                '1/1 -> 0/1'
            ]
        ]);
        // Severity: 101 t unmet is some harm (1), a stockout is severe (2), 30 days of cover some harm (1).
        expect(response.rows[1].cells.map(c => c.severity)).toEqual([1, 1, 2, 2, 1, 2]);
        expect(response.expected).toEqual({ unmet: '0 t -> 50.7 t', loss: '0 -> 50.7 million JPY' });
        // The chart's overlay (its own request): each scenario at both sides; the cut from March (period 2) to May (exclusive).
        const chart = await chartOverlayResponse(shared, document, 'HEAD');
        if (chart.status !== 'ok') throw new Error(chart.message);
        const unmet = chart.overlay.metrics.find(m => m.id === 'unmet')!;
        expect(unmet.lines.map(l => `${l.scenario} ${l.side}`)).toEqual(['baseline head', 'Curb head', 'baseline base', 'Curb base']);
        const curb = unmet.lines.find(l => l.scenario === 'Curb' && l.side === 'head')!;
        // (Series keep the engine's per-period rounding: the sum is 101.37 t.)
        expect(curb.values.reduce<number>((a, b) => a + (b ?? 0), 0)).toBeCloseTo(101.37, 2);
        expect(chart.overlay.windows).toEqual([{ scenario: 'Curb', shock: 'Cut', from: 2, to: 4 }]);
        const missing = await compareResponse(shared, document, 'no-such-branch');
        expect(missing.status).toBe('unavailable');
    });

    test('a new commit: the lens answers at once against the commit known, then refreshes against the new one', async () => {
        const repo = new TempRepo();
        try {
            const file = path.join(repo.dir, 'moving.choke');
            repo.write('moving.choke', makerModel(90)).commit('90 days');
            const edited = await open(file, makerModel(30));
            await titles(edited);
            expect(await titles(edited)).toContainEqual(expect.stringContaining('unmet 101 t (+101 vs HEAD)'));
            // HEAD now holds the edited text: nothing differs from it any more.
            const second = repo.write('moving.choke', makerModel(30)).commit('30 days');
            let refreshes = 0;
            shared.compare.Service.onComparisonChanged(() => refreshes++);
            await new Promise(done => setTimeout(done, 2100));
            // The known commit's answer is 2 s old: this answer still compares with it (git is
            // asked again after it, not before), and the new commit's answer asks for a refresh.
            const lenses = await Chokepoint.lsp.CodeLensProvider!.provideCodeLens(edited, { textDocument: { uri: edited.uri.toString() } });
            expect((lenses ?? []).map(l => l.command!.title)).toContainEqual(expect.stringContaining('unmet 101 t (+101 vs HEAD)'));
            await shared.compare.Service.ready();
            expect(refreshes).toBeGreaterThan(0);
            expect((await shared.compare.Service.baseResults(edited, 'HEAD'))?.commit).toBe(second);
            expect((await titles(edited)).some(t => t.includes('vs HEAD'))).toBe(false);
        } finally {
            repo.remove();
        }
    });

    test('a folder that becomes a repository is compared from then on (outside git is not remembered for good)', async () => {
        const later = new TempRepo(false);
        try {
            const file = path.join(later.dir, 'later.choke');
            const first = await open(file, makerModel(90));
            expect((await titles(first)).some(t => t.includes('vs HEAD'))).toBe(false);
            later.write('later.choke', makerModel(90));
            later.git('init', '-q');
            later.git('-c', 'user.email=a@example.org', '-c', 'user.name=A', 'add', '-A');
            later.git('-c', 'user.email=a@example.org', '-c', 'user.name=A', 'commit', '-q', '-m', 'now in git');
            await new Promise(done => setTimeout(done, 2100));
            const edited = await open(file, makerModel(30));
            await titles(edited);
            expect((await titles(edited)).some(t => t.includes('unmet 101 t (+101 vs HEAD)'))).toBe(true);
        } finally {
            later.remove();
        }
    });
});
