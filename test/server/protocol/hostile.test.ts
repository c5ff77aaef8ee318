import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client.js';
import { HAND_MODEL } from '../fixtures.js';

/** A 10 MB model: 190,000 suppliers of 52 characters. */
function hugeModel(): string {
    const parts = ['horizon 2026-01 to 2026-12\n'];
    for (let i = 0; parts.length * 52 < 10e6; i++) parts.push(`supplier S${String(i).padStart(6, '0')} in China { produces REE 10 t/month }\n`);
    return parts.join('');
}

let dir: string;
let client: TestClient;
const huge = hugeModel();

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-hostile-'));
    mkdirSync(path.join(dir, 'ws'));
    writeFileSync(path.join(dir, 'ws', 'hand.choke'), HAND_MODEL);
    writeFileSync(path.join(dir, 'ws', 'huge.choke'), huge);
    // Not UTF-8: a Latin-1 "é" (0xE9) in a comment.
    writeFileSync(path.join(dir, 'ws', 'latin1.choke'), Buffer.from([...Buffer.from('// caf'), 0xe9, ...Buffer.from('\nregion Far\n')]));
    client = new TestClient();
    await client.initialize(path.join(dir, 'ws'));
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('hostile files in the workspace', () => {
    test('a 10 MB file elsewhere: never parsed, one file-too-large error on it, the edited file has its lenses', async () => {
        const hand = fileUri(path.join(dir, 'ws', 'hand.choke'));
        const hugeUri = fileUri(path.join(dir, 'ws', 'huge.choke'));
        await client.open(hand, HAND_MODEL);
        const titles = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: hand } })).map(l => l.command?.title);
        expect(titles[0]).toBe('Expected: 500 t unmet · 500 million JPY loss · worst: CurbOnly (500 t unmet)');
        await client.until(() => client.diagnostics.has(hugeUri), 20000, 'diagnostics of huge.choke');
        expect(client.diagnostics.get(hugeUri)!.map(d => [d.range.start.line, d.range.start.character, d.code])).toEqual([[0, 0, 'file-too-large']]);
    });

    test('a file in the workspace that is not UTF-8: one not-utf8 error at 1:1, never parsed as mojibake', async () => {
        const latin1 = fileUri(path.join(dir, 'ws', 'latin1.choke'));
        await client.until(() => client.diagnostics.has(latin1), 20000, 'diagnostics of latin1.choke');
        expect(client.diagnostics.get(latin1)!.map(d => [d.range.start.line, d.range.start.character, d.code])).toEqual([[0, 0, 'not-utf8']]);
    });

    test('the 10 MB file opened in the editor: the same error, and formatting offers no edit (it would erase the file)', async () => {
        const hugeUri = fileUri(path.join(dir, 'ws', 'huge.choke'));
        await client.open(hugeUri, huge);
        const edits = await client.request<TextEdit[] | null>('textDocument/formatting', {
            textDocument: { uri: hugeUri },
            options: { tabSize: 2, insertSpaces: true }
        });
        expect(edits ?? []).toEqual([]);
        expect(client.diagnostics.get(hugeUri)!.map(d => d.code)).toEqual(['file-too-large']);
        expect(await client.rss()).toBeLessThan(400 * 2 ** 20);
        expect(client.alive).toBe(true);
    });
});
