/**
 * Large models run in the simulation worker, whose results travel packed (a summary plus one
 * buffer of series, language/src/evaluation/packed-series.ts). The lenses and hovers read every series (a consumer's
 * share per period), so the worker's results must read exactly as the server's own run:
 * here one model through both runners, the worker forced with a limit of 0.
 */
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import { toJson } from '../../language/src/cli/run-json.js';
import { HybridRunner, WorkerRunner } from '../../server/src/simulation/runners.js';
import { generateModel } from '../engine/generated-model.js';
import { lower } from '../engine/helpers.js';
import { HAND_MODEL } from './fixtures.js';
import { createTestServer, type TestServer } from './helpers.js';

const SERVER_JS = path.resolve(__dirname, '../../out/server.js');
const servers: TestServer[] = [];

/** `use` with a worker runner of its own (a helper or not), disposed after. */
async function withRunner<T>(helped: boolean, use: (runner: WorkerRunner) => Promise<T>): Promise<T> {
    const runner = new WorkerRunner(SERVER_JS, helped);
    try {
        return await use(runner);
    } finally {
        runner.dispose();
    }
}
afterAll(() => servers.forEach(s => s.shared.simulation.Service.runner.dispose()));

async function titles(useWorker: boolean): Promise<string[]> {
    const server = await createTestServer();
    servers.push(server);
    if (useWorker) server.shared.simulation.Service.runner = new HybridRunner(new WorkerRunner(SERVER_JS), 0);
    const document: LangiumDocument = await server.open('worker.choke', HAND_MODEL);
    await server.shared.simulation.Service.waitForCurrent(document.uri, undefined, 20_000);
    const ask = async () =>
        ((await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? []).map(
            l => l.command!.title
        );
    // The effects of shocks and measures come in a second phase of the run.
    const deadline = Date.now() + 20_000;
    for (;;) {
        const found = await ask();
        if (!found.some(t => t.startsWith('⏳'))) return found;
        if (Date.now() > deadline) throw new Error(`no effects after 20 s: ${found.join(' | ')}`);
        await new Promise(r => setTimeout(r, 20));
    }
}

describe('results from the simulation worker', () => {
    test('give the same lenses as a run on the server thread, the per-period story included', async () => {
        const own = await titles(false);
        const fromWorker = await titles(true);
        expect(fromWorker).toEqual(own);
        // The consumer's lens reads its share per period: China 75% until the curb of March.
        expect(fromWorker[1]).toMatch(/^CurbOnly: China 75% → 0% \(2026-03\) → 75% \(baseline 75%\)/);
    });
});

describe('a main run shared with the helper worker', () => {
    test('gives the results and effects of the worker alone, byte for byte', async () => {
        const model = await lower(generateModel({ nodes: 120, flows: 300, scenarios: 5, periods: 36 }));
        const outcomes: string[] = [];
        for (const helped of [false, true]) {
            await withRunner(helped, async runner => {
                const job = runner.start(model);
                const result = await job.result;
                expect(result.kind).toBe('ok');
                const effects = await job.effects;
                expect(Object.keys(effects ?? {}).length).toBeGreaterThan(0);
                const explanations = await job.explanations;
                outcomes.push(toJson({ result: result.kind === 'ok' ? result.result : null, effects, explanations }));
            });
        }
        expect(outcomes[1] === outcomes[0]).toBe(true);
        expect(outcomes[0]).toContain('"Sc4"');
    }, 60_000);
});

describe('a helper worker that stops mid-run', () => {
    test('costs nothing but time: its runs are made again by the worker alone, the same bytes', async () => {
        const model = await lower(generateModel({ nodes: 160, flows: 400, scenarios: 5, periods: 48 }));
        const resultOf = (helped: boolean, stopHelper: boolean) =>
            withRunner(helped, async runner => {
                const job = runner.start(model);
                if (stopHelper) {
                    // The helper is private: reach it as a test may, and stop it while it runs.
                    const helper = (runner as unknown as { helper?: { terminate(): Promise<number> } }).helper;
                    expect(helper).toBeDefined();
                    await new Promise(r => setTimeout(r, 30));
                    await helper!.terminate();
                }
                const outcome = await job.result;
                expect(outcome.kind).toBe('ok');
                return toJson(outcome.kind === 'ok' ? outcome.result : null);
            });
        const alone = await resultOf(false, false);
        expect(alone).toContain('"Sc4"');
        expect((await resultOf(true, true)) === alone).toBe(true);
    }, 60_000);
});
