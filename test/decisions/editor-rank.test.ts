/**
 * The ranking in the editor, on test/decisions/models/rank.choke (figures in rank.test.ts): the
 * hover on a supplier or a flow shows its rank and time to survive; the ranking request
 * returns the markdown view.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../server/helpers.js';
import { rankingResponse } from '../../server/src/simulation/ranking-request.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});
afterAll(() => server.shared.simulation.Sweeps.close());

const MODEL = readFileSync(path.join(__dirname, 'models', 'rank.choke'), 'utf8');

async function hoverAt(document: LangiumDocument, search: string): Promise<string> {
    const offset = document.textDocument.getText().indexOf(search);
    await server.shared.simulation.Service.waitForCurrent(document.uri);
    const hover = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + 1)
    });
    return hover ? (hover.contents as { value: string }).value : '';
}

describe('criticality in the editor', () => {
    test("a supplier's hover shows its rank, loss and time to survive", async () => {
        const document = await server.open('rank-hover.choke', MODEL);
        const text = await hoverAt(document, 'B in Australia');
        expect(text).toContain(
            '**Criticality** #4 of 5 (out for 3 months from the first period, baseline): 100 t unmet · 100 million JPY loss · hits X. ' +
                'Time to survive: 15.2 days; if lost for good: 15.2 days.'
        );
    });

    test("a flow's hover ranks the pair (both A -> X flows together); a planned supplier has no rank", async () => {
        const document = await server.open('rank-hover-flow.choke', MODEL);
        expect(await hoverAt(document, 'Second: A')).toContain('**Criticality** #3 of 5');
        expect(await hoverAt(document, 'C in Canada')).not.toContain('Criticality');
    });

    test('the ranking view is the table of chokepoint rank', async () => {
        const document = await server.open('rank-view.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        const response = await rankingResponse(
            server.shared.simulation.Service,
            server.shared.workspace.LangiumDocuments,
            document,
            { uri: document.uri.toString() },
            server.shared.simulation.Sweeps
        );
        expect('markdown' in response).toBe(true);
        const markdown = (response as { markdown: string }).markdown;
        expect(markdown).toContain('# Criticality: rank-view.choke');
        expect(markdown).toContain('| 1 | A | supplier | 310 t | 460 million JPY loss | X, Y | 0 days | 0 days |');
        const bad = await rankingResponse(
            server.shared.simulation.Service,
            server.shared.workspace.LangiumDocuments,
            document,
            { uri: document.uri.toString(), outage: 'soon' },
            server.shared.simulation.Sweeps
        );
        expect(bad).toEqual({ message: 'The outage must be a duration such as "1 month", not \'soon\'.' });
    });
});
