import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

describe('providers on half-typed and out-of-range text', () => {
    test('hover on a consumer whose `stock` has no amount yet (was a TypeError in quantityHint)', async () => {
        const text = 'horizon 2026-01 to 2026-12\nconsumer Makers in Japan {\n  needs REE 100 t/month\n  stock REE\n}\n';
        const document = await server.open('half-stock.choke', text);
        const hover = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('Makers') + 1)
        });
        const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
        expect(value).toContain('consumer Makers in Japan');
        expect(value).toContain('stock REE');
    });

    test('no inlay hint for a number beyond its limit, never `Infinity`', async () => {
        // 1e308 t/day would be 3e309 t/month: Infinity. It is out of range, so no hint at all;
        // 30 days of a 1e308 t/day need likewise.
        const text =
            'horizon 2026-01 to 2026-12\nconsumer Makers in Japan {\n  needs REE 1e308 t/day\n  stock REE 30 days\n}\n' +
            'supplier Mine in China { produces REE 1200 t/yr }\n';
        const document = await server.open('huge-hints.choke', text);
        const hints = await server.Chokepoint.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }
        });
        // Only the supplier's rate: 1,200 t/yr / 12 = 100 t/month.
        expect((hints ?? []).map(h => (typeof h.label === 'string' ? h.label : h.label.map(part => part.value).join('')))).toEqual(['100 t/month']);
    });
});
