/**
 * The editor's sweeps on the server's run pool (server/src/simulation/sweeps.ts), two threads:
 * the ranking request honours its cancellation token and the next request on the same pool
 * answers as `chokepoint rank` would; a newer text supersedes an older sweep of the same
 * document; the frontier is cancellable too; the hover reads the ranking the view computed and
 * never computes one for a model this big. Figures by hand in many-suppliers.ts and
 * editor-frontier.test.ts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../server/helpers.js';
import { rankingResponse } from '../../server/src/simulation/ranking-request.js';
import { rankingMarkdown } from '../../server/src/simulation/ranking.js';
import { frontierOf } from '../../server/src/simulation/frontier.js';
import { SweepService } from '../../server/src/simulation/sweeps.js';
import { prepare } from '../../server/src/simulation/engine-adapter.js';
import { evaluateRanking } from '../../language/src/evaluation/ranking.js';
import { manySuppliersModel } from './many-suppliers.js';

let server: TestServer;
const sweeps = new SweepService({ threads: 2 });
beforeAll(async () => {
    server = await createTestServer();
});
afterAll(async () => {
    await sweeps.close();
    await server.shared.simulation.Sweeps.close();
});

async function openModel(name: string, text: string): Promise<LangiumDocument> {
    const document = await server.open(name, text);
    await server.shared.simulation.Service.waitForCurrent(document.uri);
    return document;
}

function rank(document: LangiumDocument, on: SweepService, token?: CancellationTokenSource) {
    return rankingResponse(
        server.shared.simulation.Service,
        server.shared.workspace.LangiumDocuments,
        document,
        { uri: document.uri.toString() },
        on,
        token?.token
    );
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
        () => 'answered',
        (error: unknown) => error
    );
}

/** The request's error: an LSP error with this code (the handlers pass it through as it is). */
function expectCode(error: unknown, code: number): void {
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<void>).code).toBe(code);
}

describe('the editor sweeps on the server pool', () => {
    test('the ranking request honours its token; the next request on the same pool answers as chokepoint rank', async () => {
        const document = await openModel('many-cancel.choke', manySuppliersModel());
        const source = new CancellationTokenSource();
        const cancelled = rank(document, sweeps, source);
        source.cancel();
        expectCode(await rejection(cancelled), LSPErrorCodes.RequestCancelled);
        expect(sweeps.runningFor(document.uri.toString())).toBe(0);

        const answer = await rank(document, sweeps);
        expect('markdown' in answer).toBe(true);
        const markdown = (answer as { markdown: string }).markdown;
        // S250 out for 3 months: 3 × 250 = 750 t, JPY 750 million; S1's flow: 3 t, the last of 500.
        expect(markdown).toContain('| 1 | S250 | supplier | 750 t | 750 million JPY loss | X | 0 days | 0 days |');
        expect(markdown).toContain('| 2 | S250 -> X | flow | 750 t | 750 million JPY loss | X | 0 days | 0 days |');
        expect(markdown).toContain('| 500 | S1 -> X | flow | 3 t | 3 million JPY loss | X | 0 days | 0 days |');
        // The same ranking, byte for byte, as one thread here (what `chokepoint rank` runs).
        const prepared = prepare(document, server.shared.workspace.LangiumDocuments);
        if (prepared.status !== 'ok') throw new Error('the model does not lower');
        expect(markdown).toBe(rankingMarkdown(evaluateRanking(prepared.model)!, 'many-cancel.choke'));
    });

    test('a sweep of newer results of a document aborts the older one; the same results do not', async () => {
        const document = await openModel('many-supersede.choke', manySuppliersModel());
        const prepared = prepare(document, server.shared.workspace.LangiumDocuments);
        if (prepared.status !== 'ok') throw new Error('the model does not lower');
        const model = prepared.model;
        const uri = document.uri.toString();
        // 400 baseline runs: 400 × 120 × 251 ≈ 12 million work units, on the pool.
        const runs = Array.from({ length: 400 }, () => []);
        const older = {},
            newer = {};
        const first = sweeps.start(uri, older);
        const firstAnswer = first.answer(() => first.runs(model, runs));
        const same = sweeps.start(uri, older);
        const sameAnswer = same.answer(() => same.runs(model, runs));
        const second = sweeps.start(uri, newer);
        expectCode(await rejection(firstAnswer), LSPErrorCodes.ContentModified);
        // The second sweep of the older results is superseded as well.
        expectCode(await rejection(sameAnswer), LSPErrorCodes.ContentModified);
        const summaries = await second.answer(() => second.runs(model, runs.slice(0, 2)));
        // Nothing out: X gets all 31,375 t/month, nothing unmet.
        expect(summaries.map(s => s.unmet)).toEqual([0, 0]);
        expect(sweeps.runningFor(uri)).toBe(0);
        // Two sweeps of the same results both answer.
        const a = sweeps.start(uri, newer),
            b = sweeps.start(uri, newer);
        const [fromA, fromB] = await Promise.all([a.answer(() => a.runs(model, [[]])), b.answer(() => b.runs(model, [[]]))]);
        expect([fromA[0].unmet, fromB[0].unmet]).toEqual([0, 0]);
    });

    test('the frontier is cancellable, and the next one answers', async () => {
        const pool = new SweepService({ threads: 2, minWork: 0 });
        try {
            const document = await openModel('frontier-cancel.choke', readFileSync(path.join(__dirname, 'models', 'knapsack.choke'), 'utf8'));
            const result = server.shared.simulation.Service.view(document).result!;
            const source = new CancellationTokenSource();
            const cancelled = frontierOf(document, server.shared.workspace.LangiumDocuments, result, pool, source.token);
            source.cancel();
            expectCode(await rejection(cancelled), LSPErrorCodes.RequestCancelled);
            const frontier = await frontierOf(document, server.shared.workspace.LangiumDocuments, result, pool);
            // By hand (editor-frontier.test.ts): 900e6 with nothing, 750e6 with all three for 16e6.
            expect('points' in frontier && frontier.points[0]).toEqual({ cost: 0, expectedLoss: 900e6, measures: [] });
            expect('points' in frontier && frontier.points.at(-1)).toEqual({ cost: 16e6, expectedLoss: 750e6, measures: ['RecycleA', 'RecycleB', 'RecycleC'] });
        } finally {
            await pool.close();
        }
    });

    test("the hover on a big model shows no rank until the ranking view computed it, then the view's", async () => {
        const document = await openModel('many-hover.choke', manySuppliersModel());
        const hover = async () => {
            const offset = document.textDocument.getText().indexOf('S250 in');
            const content = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() },
                position: document.textDocument.positionAt(offset + 1)
            });
            return content ? (content.contents as { value: string }).value : '';
        };
        expect(await hover()).not.toContain('Criticality');
        await rank(document, server.shared.simulation.Sweeps);
        expect(await hover()).toContain(
            '**Criticality** #1 of 500 (out for 3 months from the first period, baseline): 750 t unmet · 750 million JPY loss · hits X. ' +
                'Time to survive: 0 days; if lost for good: 0 days.'
        );
    });
});
