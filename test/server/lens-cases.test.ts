/**
 * Lens cases as data: test/server/cases/lenses/NAME.choke and, beside it, NAME.lenses.txt with
 * every lens the server shows once the results (and the effects of shocks and measures) are in,
 * one per line as `LINE: TITLE` (1-based line). See cases/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from './helpers.js';

const CASES = path.join(__dirname, 'cases', 'lenses');
const files = readdirSync(CASES)
    .filter(f => f.endsWith('.choke'))
    .sort();

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

describe('lens cases', () => {
    test.each(files)('%s', async file => {
        const expected = readFileSync(path.join(CASES, file.replace(/\.choke$/, '.lenses.txt')), 'utf8')
            .split('\n')
            .filter(l => l.trim() !== '');
        const document = await server.open(`lens-cases/${file}`, readFileSync(path.join(CASES, file), 'utf8'));
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        await server.shared.simulation.Service.whenIdle(10_000);
        const lenses = await server.Chokepoint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect((lenses ?? []).map(l => `${l.range.start.line + 1}: ${l.command!.title}`)).toEqual(expected);
    });
});
