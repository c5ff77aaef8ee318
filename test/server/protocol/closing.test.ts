import { afterAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from './lsp-client.js';
import { generateModel, SLOW_MODEL } from './generate.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-closing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The shutdown answer is a plain message round trip once nothing blocks the server: a few
 * milliseconds. The bound is far above that (and above any build or lowering step of this
 * model), and far below the seconds the simulation of this model takes, so it only fails
 * when the server waits for the run.
 */
const SHUTDOWN_BOUND_MS = 3000;

test('closing and deleting a model being simulated: the run stops, shutdown is answered at once', async () => {
    const client = new TestClient();
    try {
        await client.initialize(dir);
        const file = path.join(dir, 'big.choke');
        // Seconds of engine time in the worker thread (daily steps, 300 consumers, 10 scenarios).
        const text = generateModel({ ...SLOW_MODEL, suppliers: 300, consumers: 300 });
        writeFileSync(file, text);
        const uri = fileUri(file);
        await client.open(uri, text);
        await client.until(() => client.progress.some(p => p.uri === uri && p.running), 30000, 'the run to start');
        expect(
            client.results.filter(r => r.uri === uri),
            'the run ended too soon for this test'
        ).toEqual([]);

        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        unlinkSync(file);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
        const answered = await Promise.race([
            client.request('shutdown', null).then(() => true),
            new Promise<boolean>(resolve => setTimeout(() => resolve(false), SHUTDOWN_BOUND_MS))
        ]);
        expect(answered, 'shutdown answered').toBe(true);
        // In this order: the run stopped (its progress ended) and never settled, then shutdown was answered.
        expect(client.progress.filter(p => p.uri === uri).map(p => p.running)).toEqual([true, false]);
        expect(client.results.filter(r => r.uri === uri)).toEqual([]);

        const exited = new Promise<number | null>(resolve => client.process.once('exit', code => resolve(code)));
        await client.connection.sendNotification('exit');
        expect(await exited).toBe(0);
    } finally {
        if (client.alive) client.process.kill();
        client.connection.dispose();
    }
}, 60000);
