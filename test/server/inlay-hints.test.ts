import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { createTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

async function hints(document: LangiumDocument): Promise<Array<[string, string]>> {
    const text = document.textDocument.getText();
    const lines = text.split('\n');
    const result = await server.Chokepoint.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }
    });
    // Each hint with the text of its line before it.
    return (result ?? []).map(h => [
        lines[h.position.line].slice(0, h.position.character).trim(),
        typeof h.label === 'string' ? h.label : h.label.map(part => part.value).join('')
    ]);
}

describe('inlay hints', () => {
    test('on the spec example: tonnes for days, rates per month', async () => {
        const document = await server.open('spec.choke', readFileSync('examples/spec/spec.choke', 'utf8'));
        expect(await hints(document)).toEqual([
            // 18,000 t/yr x (365/12) / 365 = 1,500 t/month; 1,200 t/yr -> 100 t/month.
            ['produces REE 18000 t/yr', '1,500 t/month'],
            ['produces REE 1200 t/yr', '100 t/month'],
            // 3,400 t/yr / 12 = 283.3 -> 283 t/month.
            ['makes NdFeB 3400 t/yr', '283 t/month'],
            // 30 days of 1,478 t/month: 30 x 1,478 x 12 / 365 = 1,457.8 -> 1,458 t.
            ['stock REE 30 days', '≈ 1,458 t'],
            // 60 days of the served consumer's need: 60 x 1,478 x 12 / 365 = 2,915.5 -> 2,916 t.
            ['holds REE 60 days', '≈ 2,916 t']
        ]);
    });

    test('weekly steps: rates per week; ranges convert both ends', async () => {
        const document = await server.open('weekly.choke', 'step week\nsupplier S in China { produces REE 365..730 t/yr }\n');
        // 365 t/yr = 1 t/day = 7 t/week; 730 t/yr = 14 t/week.
        expect(await hints(document)).toEqual([['supplier S in China { produces REE 365..730 t/yr', '7..14 t/week']]);
    });

    test('each kind follows its setting', async () => {
        const document = await server.open('settings-hints.choke', readFileSync('examples/spec/spec.choke', 'utf8'));
        server.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { chokepoint: { inlayHints: { rates: false } } } });
        try {
            expect((await hints(document)).map(h => h[1])).toEqual(['≈ 1,458 t', '≈ 2,916 t']);
            server.shared.workspace.ConfigurationProvider.updateConfiguration({
                settings: { chokepoint: { inlayHints: { rates: false, quantities: false } } }
            });
            expect(await hints(document)).toEqual([]);
        } finally {
            server.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { chokepoint: {} } });
        }
    });
});
