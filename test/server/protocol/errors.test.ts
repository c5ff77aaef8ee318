import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from './lsp-client.js';
import { HAND_MODEL } from '../fixtures.js';

/**
 * Every failure is an LSP error response, never a *result* that looks like an error
 * (`{ code: -32802, message }`, which a client takes as its answer): for every request type, on a
 * document the server does not know, and right after `initialized`, before the workspace loaded.
 */
const position = { line: 1, character: 10 };
const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
const REQUESTS: Array<[string, (uri: string) => unknown]> = [
    ['textDocument/hover', uri => ({ textDocument: { uri }, position })],
    ['textDocument/completion', uri => ({ textDocument: { uri }, position })],
    ['textDocument/definition', uri => ({ textDocument: { uri }, position })],
    ['textDocument/references', uri => ({ textDocument: { uri }, position, context: { includeDeclaration: true } })],
    ['textDocument/documentHighlight', uri => ({ textDocument: { uri }, position })],
    ['textDocument/documentSymbol', uri => ({ textDocument: { uri } })],
    ['textDocument/formatting', uri => ({ textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })],
    ['textDocument/rangeFormatting', uri => ({ textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } })],
    ['textDocument/codeAction', uri => ({ textDocument: { uri }, range, context: { diagnostics: [] } })],
    ['textDocument/codeLens', uri => ({ textDocument: { uri } })],
    ['textDocument/rename', uri => ({ textDocument: { uri }, position, newName: 'Other' })],
    ['textDocument/prepareRename', uri => ({ textDocument: { uri }, position })],
    ['textDocument/foldingRange', uri => ({ textDocument: { uri } })],
    ['textDocument/semanticTokens/full', uri => ({ textDocument: { uri } })],
    ['textDocument/inlayHint', uri => ({ textDocument: { uri }, range })],
    ['chokepoint/results', uri => ({ uri })]
];

/** What came back: `error <code>` for an error response, or the result's shape. */
async function outcome(client: TestClient, method: string, params: unknown): Promise<string> {
    try {
        const result = await client.request<unknown>(method, params);
        if (result && typeof result === 'object' && 'code' in result) return `error-like result ${JSON.stringify(result)}`;
        return 'result';
    } catch (error) {
        return `error ${(error as { code?: number }).code}`;
    }
}

let dir: string;
let client: TestClient;

beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-errors-'));
    mkdirSync(path.join(dir, 'ws'));
    writeFileSync(path.join(dir, 'ws', 'hand.choke'), HAND_MODEL);
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('failures are error responses', () => {
    test('before the workspace has loaded, and on a document nobody opened: never an error-like result', async () => {
        client = new TestClient();
        await client.initialize(path.join(dir, 'ws'));
        // Sent at once after `initialized`: the workspace is still loading.
        const early = await Promise.all(
            REQUESTS.map(async ([method, params]) => `${method}: ${await outcome(client, method, params(fileUri(path.join(dir, 'ws', 'hand.choke'))))}`)
        );
        const unknown = await Promise.all(
            REQUESTS.map(async ([method, params]) => `${method}: ${await outcome(client, method, params('file:///nowhere/missing.choke'))}`)
        );
        expect([...early, ...unknown].filter(o => o.includes('error-like'))).toEqual([]);
        expect(client.alive).toBe(true);
    });
});
