/** `cost` on measures in the editor: completion of the keyword and of the currency, the formatter. */
import { beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { EmptyFileSystem, URI } from 'langium';
import { createTestServer, type TestServer } from '../server/helpers.js';
import { createChokepointServices } from '../../server/src/chokepoint-lsp-module.js';
import { formatText } from '../../server/src/lsp/formatter/formatter.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

async function labels(text: string): Promise<string[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(server.Chokepoint)({
        text,
        index: 0,
        parseOptions: { documentUri: `memory:///cost-${Math.random()}.choke` },
        assert: list => {
            items = [...list.items];
        }
    });
    return items.map(i => i.label);
}

const MODEL = 'consumer C in Japan { needs REE 10 t/month  loss 5 million EUR per t }\nreserve R in Japan { holds REE 30 days serves C }\n';

describe('measure costs in the editor', () => {
    test("`cost` is offered inside a measure, currencies after its amount (the model's own first)", async () => {
        expect(await labels(MODEL + 'measure M { release R <|> }')).toContain('cost');
        const currencies = await labels(MODEL + 'measure M { release R  cost 39 billion <|> }');
        expect(currencies[0]).toBe('EUR');
        expect(currencies).toContain('JPY');
    });

    test('the formatter puts each cost clause on its own line and keeps its tokens', () => {
        const services = createChokepointServices(EmptyFileSystem);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(
            'measure M { release R cost 39 billion JPY cost 1.2 billion JPY per year from 2026-01 }',
            URI.parse('memory:///fmt-cost.choke')
        );
        expect(formatText(document)).toBe('measure M {\n  release R\n  cost 39 billion JPY\n  cost 1.2 billion JPY per year\n  from 2026-01\n}\n');
    });
});
