/**
 * The chart's budget frontier (`chokepoint/frontier`), on test/decisions/models/knapsack.choke:
 * the budget runs up to every candidate's cost (6 + 5 + 5 = 16 million JPY). By hand (see
 * optimize.test.ts): 0 → 900e6, B 5e6 → 855e6, A 6e6 → 840e6, B + C 10e6 → 810e6,
 * A + B 11e6 → 795e6 (A + C ties: names in order), A + B + C 16e6 → 750e6.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../server/helpers.js';
import { frontierOf } from '../../server/src/simulation/frontier.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});
afterAll(() => server.shared.simulation.Sweeps.close());

describe('the budget frontier for the chart view', () => {
    test('from the empty portfolio to every candidate, in the currency of the first cost', async () => {
        const document = await server.open('frontier.choke', readFileSync(path.join(__dirname, 'models', 'knapsack.choke'), 'utf8'));
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        const view = server.shared.simulation.Service.view(document);
        const frontier = await frontierOf(document, server.shared.workspace.LangiumDocuments, view.result!, server.shared.simulation.Sweeps);
        expect(frontier).toEqual({
            currency: 'JPY',
            points: [
                { cost: 0, expectedLoss: 900e6, measures: [] },
                { cost: 5e6, expectedLoss: 855e6, measures: ['RecycleB'] },
                { cost: 6e6, expectedLoss: 840e6, measures: ['RecycleA'] },
                { cost: 10e6, expectedLoss: 810e6, measures: ['RecycleB', 'RecycleC'] },
                { cost: 11e6, expectedLoss: 795e6, measures: ['RecycleA', 'RecycleB'] },
                { cost: 16e6, expectedLoss: 750e6, measures: ['RecycleA', 'RecycleB', 'RecycleC'] }
            ]
        });
    });

    test('says why there is none without costs', async () => {
        const document = await server.open('no-costs.choke', readFileSync(path.join(__dirname, 'models', 'rank.choke'), 'utf8'));
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        const view = server.shared.simulation.Service.view(document);
        expect(await frontierOf(document, server.shared.workspace.LangiumDocuments, view.result!, server.shared.simulation.Sweeps)).toEqual({
            message: 'No measure has a cost: add `cost` clauses to see the budget frontier.'
        });
    });
});
