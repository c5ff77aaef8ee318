import { beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { createTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let labels: (text: string) => Promise<string[]>;

const MODEL = `horizon 2026-01 to 2028-12
material Mud { stage ore }
supplier ChinaExporters in China { produces REE 18000 t/yr  produces DyOxide 10 t/month }
supplier Lynas in Malaysia { produces NdPrOxide 100 t/month }
plant Magnets in Japan { makes NdFeB 3400 t/yr from NdPrMetal 0.3 }
consumer Industry in Japan { needs REE 1478 t/month }
reserve Stockpile in Japan { holds REE 60 days serves Industry }
shock Curb { embargo China -> Japan on REE from 2026-02 for 3 months }
measure Release { release Stockpile }
`;

/** Completion labels at the `<|>` mark (index 0), in the order the server sorts them. */
async function complete(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(server.Chokepoint)({
        text,
        index: 0,
        parseOptions: { documentUri: `memory:///completion-${Math.random()}.choke` },
        assert: list => {
            items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        }
    });
    return items;
}

beforeAll(async () => {
    server = await createTestServer();
    labels = async text => (await complete(text)).map(i => i.label);
});

describe('completion', () => {
    // Cases that are a model, a cursor and the labels expected: cases/completion/ (completion-cases.test.ts).

    test('durations after `lead`, quantities after `stock`, % after `cut`', async () => {
        expect((await labels(MODEL + 'flow Lynas -> Industry { NdPrOxide 5 t/month lead 2 <|> }'))[0]).toBe('months');
        expect((await labels(MODEL + 'consumer C in Japan { needs REE 100 t/month stock REE 30 <|> }'))[0]).toBe('days');
        expect(await labels(MODEL + 'shock S { embargo China -> Japan cut 25<|> }')).toContain('%');
    });

    test('stages and priorities are offered as keywords', async () => {
        expect(await labels('material M { stage <|> }')).toEqual(
            expect.arrayContaining(['ore', 'concentrate', 'oxide', 'metal', 'alloy', 'magnet', 'component'])
        );
        expect(await labels('consumer C in Japan { priority <|> }')).toEqual(expect.arrayContaining(['critical', 'high', 'normal', 'low']));
    });

    test("currencies after a money amount: the model's own first", async () => {
        const items = await labels('consumer C in Japan { loss 5 million EUR per t }\nconsumer D in Japan { loss 195 million <|> }');
        expect(items[0]).toBe('EUR');
        expect(items).toContain('JPY');
        expect(items).toContain('USD');
    });

    test('metric forms inside a target, as snippets', async () => {
        const items = await complete(MODEL + 'target T { <|> }');
        const snippets = items.filter(i => i.kind === 15 /* Snippet */).map(i => i.label);
        expect(snippets).toEqual(expect.arrayContaining(['dependency of … on … <= …%', 'cover of … >= … days', 'unmet of … <= … t']));
    });

    test('a snippet for each declaration at the top level', async () => {
        const items = await complete('<|>');
        const snippets = items.filter(i => i.kind === 15).map(i => i.label);
        for (const word of ['material', 'region', 'bloc', 'supplier', 'plant', 'consumer', 'reserve', 'flow', 'shock', 'measure', 'scenario', 'target']) {
            expect(snippets.some(s => s.startsWith(word))).toBe(true);
        }
        const consumer = items.find(i => i.label.startsWith('consumer …'))!;
        expect(consumer.insertTextFormat).toBe(2);
        expect(consumer.textEdit?.newText).toContain('needs ${3:REE}');
    });
});
