import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from './helpers.js';
import { plainTextMarkdown } from '../../server/src/lsp/plain-markdown.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

describe('doc comments in hover are plain text', () => {
    test('links, remote images, html and emphasis from a shared model are escaped, line breaks kept', async () => {
        const text = [
            '// Click [here](https://evil.example/x) or see https://evil.example and www.evil.example',
            '// ![tracker](https://evil.example/pixel.png) <img src="https://evil.example/i.png"> **bold**',
            'consumer Makers in Japan { needs REE 10 t/month }',
            ''
        ].join('\n');
        const document = await server.open('doc-comment.choke', text);
        const hover = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('Makers') + 1)
        });
        const value = (hover?.contents as { value: string }).value;
        const comment = value.split('\n\n---\n\n')[1];
        expect(comment).toBe(
            'Click \\[here\\]\\(https\\:\\/\\/evil\\.example\\/x\\) or see https\\:\\/\\/evil\\.example and www\\.evil\\.example  \n' +
                '\\!\\[tracker\\]\\(https\\:\\/\\/evil\\.example\\/pixel\\.png\\) \\<img src\\=\\"https\\:\\/\\/evil\\.example\\/i\\.png\\"\\> \\*\\*bold\\*\\*'
        );
        // Nothing that a markdown renderer would turn into a link or an image is left unescaped.
        expect(comment).not.toMatch(/(^|[^\\])(\[|!\[|<|https:\/\/)/);
    });

    test('control characters are shown as escapes; a label with backticks cannot close the code block', async () => {
        expect(plainTextMarkdown('a\u0000b\u001b[31m')).toBe('a\\\\u0000b\\\\u001b\\[31m');
        const text = 'consumer Makers "````" in Japan { needs REE 10 t/month }\n';
        const document = await server.open('fence.choke', text);
        const hover = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('Makers') + 1)
        });
        const value = (hover?.contents as { value: string }).value;
        expect(value.startsWith('`````chokepoint\nconsumer Makers "````" in Japan')).toBe(true);
    });
});
