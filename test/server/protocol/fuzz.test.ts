import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'langium';
import { fileUri, TestClient } from './lsp-client.js';
import { HAND_MODEL } from '../fixtures.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays exactly. */
function random(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const TOKENS = ['flow', 'supplier', 'consumer', 'reserve', 'shock', 'measure', 'scenario', 'target', 'embargo', 'needs', 'stock', 'holds',
    'serves', 'release', 'from', 'for', 'until', 'lead', 'ramp', 'cut', 'on', 'to', 'in', 'of', 'by', 'dependency', 'unmet', 'cover',
    'probability', 'import', 'horizon', 'step', 'China', 'Japan', 'REE', 'Industry', 'Curb', 'X', '1000', '0', '-5', '1_000', '1.5e3',
    '2026-02', '2026-13', 't/month', 't', 'days', 'months', '%', '..', '->', '{', '}', ',', ':', '*', '<=', '"', '"label"', '// c', '/*', '*/',
    '\n', ' ', 'million', 'JPY', 'planned', 'baseline'];

/** Outcomes a request may have on half-typed text: an answer, or cancelled as outdated. */
const ACCEPTED_ERRORS = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

let dir: string;
let client: TestClient;

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-fuzz-'));
    writeFileSync(path.join(dir, 'fuzz.choke'), HAND_MODEL);
    client = new TestClient();
    await client.initialize(dir);
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('fuzz', () => {
    test('100 random edits never crash the server or leave it silent', async () => {
        // FUZZ_SEED replays another sequence of edits.
        const next = random(Number(process.env.FUZZ_SEED ?? 20260101));
        const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
        const uri = fileUri(path.join(dir, 'fuzz.choke'));
        let text = HAND_MODEL;
        await client.open(uri, text);
        const failures: string[] = [];
        const pending: Promise<unknown>[] = [];
        const ask = (method: string, params: unknown) => {
            pending.push(client.request(method, params).catch((error: { code?: number, message?: string }) => {
                if (!ACCEPTED_ERRORS.has(error.code ?? 0)) failures.push(`${method}: ${error.code} ${error.message}`);
            }));
        };
        for (let edit = 0; edit < 100; edit++) {
            const at = Math.floor(next() * (text.length + 1));
            text = next() < 0.45
                ? text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 20)))
                : text.slice(0, at) + (next() < 0.5 ? ' ' : '') + pick(TOKENS) + (next() < 0.5 ? ' ' : '') + text.slice(at);
            await client.change(uri, text);
            const document = TextDocument.create(uri, 'chokepoint', 0, text);
            const position = document.positionAt(Math.floor(next() * (text.length + 1)));
            const textDocument = { uri };
            switch (edit % 10) {
                case 0: ask('textDocument/codeLens', { textDocument }); break;
                case 1: ask('textDocument/hover', { textDocument, position }); break;
                case 2: ask('textDocument/completion', { textDocument, position }); break;
                case 3: ask('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }); break;
                case 4: ask('textDocument/documentSymbol', { textDocument }); break;
                case 5: ask('textDocument/semanticTokens/full', { textDocument }); break;
                case 6: ask('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) } }); break;
                case 7: ask('textDocument/foldingRange', { textDocument }); break;
                case 8: ask('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: client.diagnostics.get(uri) ?? [] } }); break;
                default: ask('chokepoint/results', { uri }); break;
            }
            // Every fourth edit waits for nothing (a typing burst); the others let the server breathe.
            if (edit % 4 !== 0) await new Promise(r => setTimeout(r, 5));
        }
        await Promise.all(pending);
        expect(failures).toEqual([]);
        // Still answering, about the last text.
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        expect(Array.isArray(lenses)).toBe(true);
        const results = await client.request<{ version: number }>('chokepoint/results', { uri, wait: true });
        expect(results.version).toBe(101);
        // And back to a sound text: the hand-checked numbers again.
        await client.change(uri, HAND_MODEL);
        const titles = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map(l => l.command?.title);
        expect(titles[0]).toBe('Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
        expect(client.alive).toBe(true);
        expect(client.logs.filter(l => /uncaught|unhandled|TypeError|ReferenceError|RangeError/.test(l))).toEqual([]);
        expect(client.stderr).toBe('');
    });
});
