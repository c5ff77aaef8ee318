import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, CompletionList, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'langium';
import { fileUri, TestClient } from './lsp-client.js';
import { generateModel, SLOW_MODEL } from './generate.js';
import { HAND_MODEL } from '../fixtures.js';
import { STDLIB_TEXT } from '../../../language/src/loading/stdlib.js';

/**
 * The bundled server (`out/server.js --stdio`) driven over LSP by a client this project did
 * not write the server for: vscode-languageserver-protocol's own connection.
 */
let dir: string;
let client: TestClient;
const lensTitles = async (uri: string) => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map(l => l.command?.title);

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-protocol-'));
    mkdirSync(path.join(dir, 'ws'));
    mkdirSync(path.join(dir, 'outside'));
    writeFileSync(path.join(dir, 'ws', 'hand.choke'), HAND_MODEL);
    client = new TestClient();
    await client.initialize(path.join(dir, 'ws'));
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('over LSP (stdio)', () => {
    test('initialize: the capabilities of every feature', () => {
        const c = client.capabilities;
        expect(c.codeLensProvider).toBeTruthy();
        expect(c.hoverProvider).toBe(true);
        expect(c.completionProvider).toBeTruthy();
        expect(c.documentFormattingProvider).toBe(true);
        expect(c.renameProvider).toEqual({ prepareProvider: true });
        expect(c.codeActionProvider).toBe(true);
        expect(c.semanticTokensProvider).toBeTruthy();
        expect(c.inlayHintProvider).toBeTruthy();
        expect(c.documentSymbolProvider).toBe(true);
        expect(c.foldingRangeProvider).toBe(true);
        expect(c.definitionProvider).toBe(true);
        expect(c.referencesProvider).toBe(true);
    });

    test('didOpen: diagnostics are published, lenses carry the hand-checked numbers', async () => {
        const uri = fileUri(path.join(dir, 'ws', 'hand.choke'));
        await client.open(uri, HAND_MODEL);
        expect(await lensTitles(uri)).toEqual([
            'Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)',
            // The embargo leaves only Vietnam (HHI 10,000) in March and April: 2 × 750 t short,
            // 1,000 t released, 500 t unmet; April's 250 t of stock covers 1/3 of its gap: dry on
            // day 1 + floor(30 × 1/3) = 11, 1 period + 1/3 of one = 40.6 days after the curb began.
            'CurbOnly: China 75% → 0% (2026-03) → 75% (baseline 75%) · HHI 6,250 → 10,000 (2026-03) → 6,250 (baseline 6,250) · unmet 500 t (baseline 0) · fill 95.8% (baseline 100%) · first stockout 2026-04-11 (baseline none) · survives 40.6 days',
            'CurbOnly: 1,000 t → 0 t (2026-04) → 0 t (baseline lowest 1,000 t) · dry 2026-04-11 · released 1,000 t · cover 30.4 days',
            expect.stringMatching(/^(CurbOnly: \+500 t unmet, \+500 million JPY loss|⏳ effect in CurbOnly…)$/),
            'in no scenario',
            '100% · 500 t unmet · 500 million JPY loss · 0/1 targets',
            '✗ 75% (needs ≤ 50% at 2026-12-01) in baseline and CurbOnly'
        ]);
        await client.until(() => client.diagnostics.has(uri), 10000, 'diagnostics');
        // Only the hint that the measure is in no scenario, and that its timing lies outside the horizon.
        expect(client.diagnostics.get(uri)!.map(d => [d.severity, d.code])).toEqual([
            [4, 'unused-measure'],
            [2, 'outside-horizon']
        ]);
        const last = client.results.filter(r => r.uri === uri).pop()!;
        expect(last).toMatchObject({ version: 1, status: 'ok', errorCount: 0, expectedUnmet: 500, worstScenario: 'CurbOnly' });
        await client.until(() => client.lensRefreshes > 0, 5000, 'workspace/codeLens/refresh');
    });

    test('hover, completion, formatting and symbols', async () => {
        const uri = fileUri(path.join(dir, 'ws', 'hand.choke'));
        const document = TextDocument.create(uri, 'chokepoint', 1, HAND_MODEL);
        const at = (search: string, delta = 1) => document.positionAt(HAND_MODEL.indexOf(search) + delta);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('Industry {') });
        expect((hover.contents as { value: string }).value).toContain('| CurbOnly | 75% (2026-01) | 10,000 | 500 t | 95.8% | 2026-04-11 | 500 million JPY |');

        const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri },
            position: at('-> Industry', 3)
        });
        const items = Array.isArray(completion) ? completion : completion.items;
        expect(items.map(i => i.label).sort()).toEqual(['Industry', 'Stockpile']);

        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document, edits);
        expect(formatted).toContain('flow ChinaMines   -> Industry { REE 750 t/month }\nflow VietnamMines -> Industry { REE 250 t/month }');
        expect(formatted).toContain('reserve Stockpile in Japan {\n  holds REE 1000 t\n  serves Industry\n}');

        const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.map(s => s.name)).toContain('ChinaMines → Industry');
    });

    test('rename across files; the standard library refuses', async () => {
        const world = path.join(dir, 'ws', 'world.choke');
        const main = path.join(dir, 'ws', 'main.choke');
        const worldText = 'supplier Mines in China { produces REE 10 t/month }\n';
        const mainText =
            'import "./world.choke"\nhorizon 2026-01 to 2026-12\nconsumer C in Japan { needs REE 10 t/month }\nflow Mines -> C { REE 10 t/month }\n';
        writeFileSync(world, worldText);
        writeFileSync(main, mainText);
        await client.open(fileUri(main), mainText);
        await lensTitles(fileUri(main));
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: fileUri(main) },
            position: { line: 3, character: 6 },
            newName: 'ChinaMines'
        });
        expect(Object.keys(edit.changes!).sort()).toEqual([fileUri(main), fileUri(world)].sort());
        await expect(
            client.request('textDocument/rename', { textDocument: { uri: fileUri(main) }, position: { line: 2, character: 16 }, newName: 'Nippon' })
        ).rejects.toThrow(/'Japan' is declared in the standard library, which is read-only/);
    });

    test('imports outside the workspace folders are refused and never read; an unopened import inside is read', async () => {
        const outside = path.join(dir, 'outside', 'suppliers.choke');
        writeFileSync(outside, 'supplier Far in Australia { produces REE 100 t/month }\n');
        writeFileSync(path.join(dir, 'ws', 'near.choke'), 'supplier Near in Australia { produces REE 100 t/month }\n');
        const file = path.join(dir, 'ws', 'uses-outside.choke');
        const text =
            'import "../outside/suppliers.choke"\nimport "/etc/passwd"\nimport "./near.choke"\nhorizon 2026-01 to 2026-12\n' +
            'consumer C in Japan { needs REE 100 t/month }\nflow Far -> C { REE 100 t/month }\nflow Near -> C { REE 100 t/month }\n';
        writeFileSync(file, text);
        await client.open(fileUri(file), text);
        await client.until(() => (client.diagnostics.get(fileUri(file)) ?? []).length > 0, 20000, 'diagnostics');
        const errors = client.diagnostics
            .get(fileUri(file))!
            .filter(d => d.severity === 1)
            .map(d => [d.range.start.line, d.code])
            .sort((a, b) => Number(a[0]) - Number(b[0]));
        // Far is unknown: its file was never read. Near, in the workspace, links.
        expect(errors).toEqual([
            [0, 'import-outside-workspace'],
            [1, 'import-outside-workspace'],
            [5, 'unknown-name']
        ]);
    });

    test('the standard library text, by request', async () => {
        expect(await client.request('chokepoint/libraryText', null)).toBe(STDLIB_TEXT);
        expect(await client.request('workspace/textDocumentContent', { uri: 'chokepoint-lib:///stdlib.choke' })).toEqual({ text: STDLIB_TEXT });
    });

    test('errors: the lens counts them, results say which version', async () => {
        const uri = fileUri(path.join(dir, 'ws', 'hand.choke'));
        const version = await client.change(uri, HAND_MODEL.replace('needs REE 1000 t/month', 'needs REE 1000 t'));
        const titles = await lensTitles(uri);
        expect(titles[0]).toMatch(/^⚠ 1 error blocks the simulation · \(outdated\) Expected: 500 t unmet/);
        await client.until(() => client.results.some(r => r.uri === uri && r.version === version), 10000, 'results of the broken text');
        expect(client.results.filter(r => r.uri === uri).pop()).toMatchObject({ version, status: 'errors', errorCount: 1 });
        await client.change(uri, HAND_MODEL);
        expect((await lensTitles(uri))[0]).toBe('Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
    });

    test('a burst of edits cancels the runs it makes obsolete', async () => {
        // Daily steps over three years: a run long enough to be caught while in progress.
        const file = path.join(dir, 'ws', 'slow.choke');
        const text = generateModel(SLOW_MODEL);
        writeFileSync(file, text);
        const uri = fileUri(file);
        await client.open(uri, text);
        await lensTitles(uri);
        const progressBefore = client.progress.length;
        const first = await client.change(uri, text.replace('REE 1000 t/month', 'REE 1001 t/month'));
        await client.until(() => client.progress.slice(progressBefore).some(p => p.uri === uri && p.running), 20000, 'the run of the first edit');
        expect(
            client.results.some(r => r.uri === uri && r.version === first),
            'the first run ended too soon for this test'
        ).toBe(false);
        // While it runs: three more edits in a burst.
        await client.change(uri, text.replace('REE 1000 t/month', 'REE 1002 t/month'));
        await client.change(uri, text.replace('REE 1000 t/month', 'REE 1003 t/month'));
        const last = await client.change(uri, text.replace('REE 1000 t/month', 'REE 1004 t/month'));
        // The last version's run may take longer than a lens request waits on a loaded machine:
        // wait for its results, then the lens must show them.
        await client.until(() => client.results.some(r => r.uri === uri && r.version === last), 60000, 'the run of the last edit');
        const titles = await lensTitles(uri);
        expect(titles[0]).toMatch(/^Expected: /);
        const settled = client.results.filter(r => r.uri === uri && r.version >= first).map(r => r.version);
        // The runs of the first edits were cancelled: only the last version ever settled.
        expect(settled).toEqual([last]);
        await client.until(() => client.progress.filter(p => p.uri === uri).at(-1)?.running === false, 5000, 'the progress to end');
    });

    test('the Japan example: its lenses show the same numbers as `chokepoint run`', async () => {
        const japan = path.resolve('examples/japan-2026');
        const other = new TestClient();
        try {
            await other.initialize(japan);
            const uri = fileUri(path.join(japan, 'main.choke'));
            await other.open(uri, readFileSync(path.join(japan, 'main.choke'), 'utf8'));
            const titles = (await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map(l => l.command?.title);
            const results = await other.request<{ result: { expected: { unmet: number; loss: Record<string, number> } } }>('chokepoint/results', {
                uri,
                wait: true
            });
            const unmet = Math.round(results.result.expected.unmet).toLocaleString('en-US');
            expect(titles[0]).toMatch(new RegExp(`^Expected: ${unmet} t unmet · `));
            const japanUri = fileUri(path.join(japan, 'japan.choke'));
            await other.open(japanUri, readFileSync(path.join(japan, 'japan.choke'), 'utf8'));
            const japanTitles = (await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: japanUri } })).map(l => l.command?.title);
            // japan.choke has no horizon: it shows main.choke's numbers (via main.choke).
            expect(japanTitles[0]).toBe(titles[0]);
            await other.change(uri, readFileSync(path.join(japan, 'main.choke'), 'utf8') + '\n');
            await other.until(() => other.results.some(r => r.uri === japanUri && r.status === 'ok'), 10000, 'results for japan.choke via main.choke');
            expect(japanTitles.some(t => /^\w+: China 7\d(\.\d)?%.* · HHI/.test(t ?? ''))).toBe(true);
        } finally {
            await other.stop();
        }
    });

    test('over Node IPC too (how VS Code starts it)', async () => {
        const ipc = new TestClient('ipc');
        try {
            await ipc.initialize(path.join(dir, 'ws'));
            const uri = fileUri(path.join(dir, 'ws', 'hand.choke'));
            await ipc.open(uri, HAND_MODEL);
            const titles = (await ipc.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map(l => l.command?.title);
            expect(titles[0]).toBe('Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
        } finally {
            await ipc.stop();
        }
    });

    test('the server is still alive and logged no unexpected failure', () => {
        expect(client.alive).toBe(true);
        expect(client.logs.filter(l => /uncaught|unhandled|TypeError|ReferenceError/.test(l))).toEqual([]);
    });
});

describe('imports over LSP', () => {
    test('a duplicate added in an imported file is reported in the importer at once', async () => {
        const ws = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-imports-'));
        const other = new TestClient();
        try {
            const base = 'region Atlantis\n';
            writeFileSync(path.join(ws, 'base.choke'), base);
            const mainText = 'import "./base.choke"\nregion Lemuria\n';
            writeFileSync(path.join(ws, 'main.choke'), mainText);
            await other.initialize(ws);
            const mainUri = fileUri(path.join(ws, 'main.choke'));
            const baseUri = fileUri(path.join(ws, 'base.choke'));
            await other.open(mainUri, mainText);
            await other.open(baseUri, base);
            await other.until(() => other.diagnostics.get(mainUri)?.length === 0, 10000, 'clean main.choke');
            // Nothing in main.choke refers to base.choke's names: only the import links them.
            await other.change(baseUri, base + 'region Lemuria\n');
            await other.until(() => (other.diagnostics.get(mainUri) ?? []).some(d => d.code === 'duplicate-name'), 10000, 'the duplicate in main.choke');
        } finally {
            await other.stop();
            rmSync(ws, { recursive: true, force: true });
        }
    });
});
