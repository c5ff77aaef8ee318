/**
 * The measure lens and the scenario lens's value of its measures (decisions.md §2), on the
 * recycling model of marginal.test.ts: HalfRecycling avoids 150 t and JPY 150 million in Half
 * (probability 50%): expected 75 million, for 13 million (expected 6.5 million): 11.5x.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../server/helpers.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

const MODEL = readFileSync(path.join(__dirname, 'models', 'recycling.choke'), 'utf8');

describe('decision lenses', () => {
    test('a measure lens reads avoids · expected · costs · ratio; a scenario lens adds what its measures avoid', async () => {
        const document = await server.open('values.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        for (let i = 0; i < 400 && server.shared.simulation.Service.busy; i++) await new Promise(r => setTimeout(r, 5));
        const lenses = await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const titles = (lenses ?? []).map(l => l.command!.title);
        expect(titles).toContain('avoids 150 mn JPY in Half · expected 75 mn · costs 13 mn · 11.5x');
        // FullRecycling has no cost and its scenario no probability.
        // Without it Full's stock runs out (lowest cover 0); with it the 30.4 days are never touched.
        expect(titles).toContain('avoids 200 mn JPY in Full · no cost given · in Full: lowest cover 0 → 30.4 days');
        // Half against its curb alone: 200 t → 50 t unmet, 150 million avoided.
        expect(titles.some(t => t.startsWith('50% · 50 t unmet') && t.endsWith(' · measures avoid 150 mn JPY'))).toBe(true);
    });
});
