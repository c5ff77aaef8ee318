import { beforeAll, describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { createTestServer, type TestServer } from './helpers.js';
import { HAND_MODEL } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

const MODEL = HAND_MODEL;

async function lenses(document: LangiumDocument): Promise<Array<[number, string, string]>> {
    await server.shared.simulation.Service.waitForCurrent(document.uri);
    await waitForEffects();
    const result = await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    return (result ?? []).map(l => [l.range.start.line, l.command!.title, l.command!.command]);
}

/** Member effects come in a second phase of the run: wait until it is over (fails after 10 s). */
async function waitForEffects(): Promise<void> {
    await server.shared.simulation.Service.whenIdle(10_000);
}

describe('code lenses', () => {
    // The titles of every kind, checked by hand: cases/lenses/hand-model.choke (lens-cases.test.ts).
    test('every kind of lens runs its command', async () => {
        const document = await server.open('lenses.choke', MODEL);
        expect((await lenses(document)).map(([line, , command]) => [line, command])).toEqual([
            [0, 'chokepoint.showChart'],
            [5, 'chokepoint.showDetails'],
            [11, 'chokepoint.showDetails'],
            [12, 'chokepoint.runScenario'],
            [13, 'chokepoint.showDetails'],
            [14, 'chokepoint.runScenario'],
            [15, 'chokepoint.showDetails']
        ]);
    });

    test('lens commands carry the document and the entity', async () => {
        const document = await server.open('commands.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        const all = await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const uri = document.uri.toString();
        expect(all!.map(l => l.command!.arguments)).toEqual([
            [uri],
            [uri, 'Industry'],
            [uri, 'Stockpile'],
            [uri, 'CurbOnly'],
            [uri, 'Hold'],
            [uri, 'CurbOnly'],
            [uri, 'ChinaShare']
        ]);
    });

    test('errors block the simulation: the count, and the last good numbers marked outdated', async () => {
        await lenses(await server.open('broken.choke', MODEL));
        // Two errors: an unknown material and a rate where a duration belongs.
        const broken = MODEL.replace('needs REE 1000 t/month', 'needs REX 1000 t/month').replace('for 2 months', 'for 2 t/month');
        const titles = (await lenses(await server.open('broken.choke', broken))).map(l => l[1]);
        expect(titles[0]).toBe('⚠ 2 errors block the simulation · (outdated) Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
        expect(titles[1]).toBe(
            '(outdated) CurbOnly: China 75% → 0% (2026-03) → 75% (baseline 75%) · HHI 6,250 → 10,000 (2026-03) → 6,250 (baseline 6,250) · unmet 500 t (baseline 0) · fill 95.8% (baseline 100%) · first stockout 2026-04-11 (baseline none) · survives 40.6 days'
        );
        expect(titles.slice(1).every(t => t.startsWith('(outdated) '))).toBe(true);
    });

    test('while the current text has no results yet, older numbers are never shown as current', async () => {
        await lenses(await server.open('running.choke', MODEL));
        const edited = await server.open('running.choke', MODEL.replace('REE 750 t/month', 'REE 700 t/month'));
        const view = server.shared.simulation.Service.view(edited);
        expect(view.status).toBe('running');
        expect(view.stale).toBe(true);
        const titles = (await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(edited, { textDocument: { uri: edited.uri.toString() } }))!.map(
            l => l.command!.title
        );
        expect(titles[0]).toMatch(/^⏳ simulating… · \(outdated\) Expected: 500 t unmet/);
        expect(titles.slice(1).every(t => t.startsWith('(outdated) '))).toBe(true);
    });

    test('asked again for the same results, the lenses are the ones made last time; new numbers make new ones', async () => {
        const ask = (document: LangiumDocument) =>
            server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const document = await server.open('again.choke', MODEL);
        await lenses(document);
        const first = await ask(document);
        // The same object: no title was computed again.
        expect(await ask(document)).toBe(first);
        const edited = await server.open('again.choke', MODEL.replace('needs REE 1000 t/month', 'needs REE 1100 t/month'));
        await lenses(edited);
        const after = await ask(edited);
        expect(after).not.toBe(first);
        // The hand model's 500 t expected unmet (the curb's two months) before; more once Industry needs 100 t/month more.
        expect(first![0].command!.title).toMatch(/^Expected: 500 t unmet/);
        expect(after![0].command!.title).toMatch(/^Expected: /);
        expect(after![0].command!.title).not.toBe(first![0].command!.title);
        expect(await ask(edited)).toBe(after);
    });

    test('a file without a horizon shows the numbers of the model that imports it', async () => {
        const shared =
            'supplier Mines in China { produces REE 1000 t/month }\nconsumer Plant in Japan { needs REE 100 t/month }\nflow Mines -> Plant { REE 100 t/month }\n';
        const world = await server.open('via/world.choke', shared);
        const main = await server.open('via/main.choke', 'import "./world.choke"\nhorizon 2026-01 to 2026-12\n');
        expect(server.shared.simulation.Service.rootOf(world)).toBe(main);
        const titles = (await lenses(world)).map(l => l[1]);
        expect(server.shared.simulation.Service.view(world).via).toBe(main.uri.toString());
        expect(titles).toEqual(['Baseline: 0 t unmet · no loss', 'China 100% · HHI 10,000 · unmet 0 t · fill 100%']);
    });

    // No horizon anywhere, and a file of shared declarations: cases/lenses/no-horizon.choke, regions-only.choke.

    test('lens kinds follow the settings', async () => {
        const document = await server.open('settings.choke', MODEL);
        server.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { chokepoint: { lenses: { consumer: false, target: false, file: false } } }
        });
        try {
            const lines = (await lenses(document)).map(l => l[0]);
            expect(lines).toEqual([11, 12, 13, 14]);
        } finally {
            server.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { chokepoint: {} } });
        }
    });
});

describe('number formatting', () => {
    test('like en-US grouping, without Intl, and never -0', async () => {
        const { displayNumber: formatNumber } = await import('../../language/src/values/display.js');
        expect(formatNumber(1478)).toBe('1,478');
        expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
        expect(formatNumber(0.5)).toBe('0.5');
        expect(formatNumber(12.345, 2)).toBe('12.35');
        expect(formatNumber(-2.5, 0)).toBe('-3');
        expect(formatNumber(-0.001, 2)).toBe('0');
        expect(formatNumber(999.999, 2)).toBe('1,000');
        for (const value of [0, 1, 75, 6250, 30.4166, 2915.506, 123456789.123]) {
            for (const digits of [0, 1, 2]) expect(formatNumber(value, digits)).toBe(value.toLocaleString('en-US', { maximumFractionDigits: digits }));
        }
    });
});

describe('packed series', () => {
    test('a result packed into one buffer comes back identical', async () => {
        const { packSeries, unpackSeries } = await import('../../language/src/evaluation/packed-series.js');
        const document = await server.open('packed.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        const full = server.shared.simulation.Service.view(document).result!;
        const { summary, series } = packSeries(full);
        expect(summary.scenarios[1].consumers.Industry.materials.REE.series.unmet).toHaveLength(0);
        expect(summary.scenarios[1].totals.unmet).toBe(500);
        // 12 months of unmet in CurbOnly: 0, 0, 0, 500 (April), 0, ...
        expect(unpackSeries(structuredClone(summary), structuredClone(series)).scenarios[1].consumers.Industry.materials.REE.series.unmet).toEqual(
            Float64Array.from([0, 0, 0, 500, 0, 0, 0, 0, 0, 0, 0, 0])
        );
        expect(unpackSeries(summary, series)).toEqual(full);
    });
});
