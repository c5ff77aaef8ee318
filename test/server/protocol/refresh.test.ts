import { afterAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client.js';
import { HAND_MODEL } from '../fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-refresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('one edit: refreshes are coalesced, never sent while one is unanswered', async () => {
    const client = new TestClient();
    // Like VS Code, which answers only once it has asked for the new lenses.
    client.refreshAnswerMs = 200;
    try {
        writeFileSync(path.join(dir, 'hand.choke'), HAND_MODEL);
        await client.initialize(dir);
        const uri = fileUri(path.join(dir, 'hand.choke'));
        await client.open(uri, HAND_MODEL);
        const effectsShown = async () =>
            (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).some(l => l.command?.title.startsWith('CurbOnly: +'));
        await client.until(() => client.results.some(r => r.uri === uri && r.status === 'ok'), 10000, 'the first results');
        await client.eventually(effectsShown, 20000, 'the lenses with the effects of the shocks');
        // A quiet time in which the refreshes of the opening settle before counting: what is
        // checked is that no more come, and an absence has no event to wait for.
        await new Promise(r => setTimeout(r, 600));
        const lensesBefore = client.lensRefreshes;
        const hintsBefore = client.hintRefreshes;

        const version = await client.change(uri, HAND_MODEL.replace('needs REE 1000 t/month', 'needs REE 1001 t/month'));
        await client.until(() => client.results.some(r => r.uri === uri && r.version === version), 10000, 'the results of the edit');
        await client.eventually(effectsShown, 20000, 'the lenses with the effects after the edit');
        await new Promise(r => setTimeout(r, 600));

        // The main run and the effects after it settle at most one refresh each.
        const lenses = client.lensRefreshes - lensesBefore;
        expect(lenses).toBeGreaterThanOrEqual(1);
        expect(lenses).toBeLessThanOrEqual(2);
        expect(client.hintRefreshes - hintsBefore).toBeLessThanOrEqual(2);
        expect(client.maxUnansweredRefreshes).toBe(1);
    } finally {
        await client.stop();
    }
}, 30000);
