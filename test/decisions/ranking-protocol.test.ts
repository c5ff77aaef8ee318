/**
 * The ranking request over the wire, on the bundled server (out/server.js: `npm run build`):
 * cancelled by its client, it answers RequestCancelled; the next request on the same server
 * (its pool kept for the session) answers the ranking. The model is above the pool's
 * crossover, so the sweep runs on the server's workers (figures by hand in many-suppliers.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { afterAll, expect, test } from 'vitest';
import { fileUri, TestClient } from '../server/protocol/lsp-client.js';
import type { RankingResponse } from '../../server/src/protocol.js';
import { manySuppliersModel } from './many-suppliers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-ranking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a cancelled ranking request answers RequestCancelled, and the next one on the same server answers', async () => {
    const client = new TestClient();
    try {
        await client.initialize(dir);
        const file = path.join(dir, 'many.choke');
        const text = manySuppliersModel();
        writeFileSync(file, text);
        const uri = fileUri(file);
        await client.open(uri, text);
        await client.until(() => client.results.some(r => r.uri === uri && r.status === 'ok'), 30000, 'the results');

        const source = new CancellationTokenSource();
        const cancelled = client.connection.sendRequest<RankingResponse>('chokepoint/ranking', { uri }, source.token);
        source.cancel();
        const error = await cancelled.then(
            () => 'answered',
            (e: unknown) => e
        );
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);

        const answer = await client.request<RankingResponse>('chokepoint/ranking', { uri });
        expect('markdown' in answer && answer.markdown).toContain('| 1 | S250 | supplier | 750 t | 750 million JPY loss | X | 0 days | 0 days |');
        expect('markdown' in answer && answer.markdown).toContain('| 500 | S1 -> X | flow | 3 t | 3 million JPY loss | X | 0 days | 0 days |');
        expect(client.stderr).not.toContain('chokepoint:');
        expect(client.alive).toBe(true);
    } finally {
        await client.stop();
    }
});
