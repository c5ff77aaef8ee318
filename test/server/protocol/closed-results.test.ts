import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResultsResponse } from '../../../server/src/protocol.js';
import { fileUri, TestClient } from './lsp-client.js';

/**
 * Memory stays bounded by the open files: closing a model drops its results (issue 16, item
 * 3), while another open model keeps its own; opening it again runs it again.
 */
const model = (need: number) =>
    [
        'horizon 2026-01 to 2026-12',
        'supplier Mines in China { produces REE 1000 t/month }',
        `consumer Plant in Japan { needs REE ${need} t/month }`,
        'flow Mines -> Plant { REE 1000 t/month }',
        ''
    ].join('\n');

let dir: string;
let client: TestClient;

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-closed-'));
    client = new TestClient();
    await client.initialize(dir);
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

const results = (uri: string, wait = false) => client.request<ResultsResponse>('chokepoint/results', { uri, wait });

test('closing a model drops its results; the other open model keeps its own', async () => {
    const [a, b] = ['a.choke', 'b.choke'].map(name => path.join(dir, name));
    // 1,200 t/month needed, 1,000 supplied: 200 t short a month, 2,400 t over the 12 months.
    writeFileSync(a, model(1200));
    // 1,100 t/month needed: 100 t short a month, 1,200 t in the year.
    writeFileSync(b, model(1100));
    const [uriA, uriB] = [fileUri(a), fileUri(b)];
    await client.open(uriA, model(1200));
    await client.open(uriB, model(1100));
    expect((await results(uriA, true)).result?.scenarios[0].totals.unmet).toBe(2400);
    expect((await results(uriB, true)).result?.scenarios[0].totals.unmet).toBe(1200);

    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriA } });
    // The close is applied with the next build of the file (back to its saved text, the same here).
    await client.eventually(async () => (await results(uriA)).result === undefined, 5000, 'the closed model to lose its results');
    const closed = await results(uriA);
    expect(closed).toMatchObject({ status: 'running', stale: false });
    expect(closed.result).toBeUndefined();
    const open = await results(uriB);
    expect(open).toMatchObject({ status: 'ok', stale: false });
    expect(open.result?.scenarios[0].totals.unmet).toBe(1200);

    // Opened again: run again, the same numbers.
    await client.open(uriA, model(1200));
    expect((await results(uriA, true)).result?.scenarios[0].totals.unmet).toBe(2400);
});
