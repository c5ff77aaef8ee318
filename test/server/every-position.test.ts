import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Position } from 'vscode-languageserver';
import { createTestServer, type TestServer } from './helpers.js';
import { HAND_MODEL } from './fixtures.js';
import { editCorpus } from './edit-corpus.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

const SOURCES = [
    HAND_MODEL,
    ...[
        'examples/spec/spec.choke',
        'examples/spec/forms.choke',
        'examples/japan-2026/japan.choke',
        'examples/japan-2026/shocks.choke',
        'examples/japan-2026/measures.choke',
        'examples/crisis-2010/main.choke'
    ].map(f => readFileSync(f, 'utf8'))
];

/** Anything that reads wrong in a title, a hint or a hover. */
const WRONG = /NaN|Infinity|undefined|\[object /;

describe('every position of every file of a random-edit corpus', () => {
    // FUZZ_SEED replays another corpus.
    const corpus = editCorpus(SOURCES, Number(process.env.CORPUS_FILES ?? 7), 8, Number(process.env.FUZZ_SEED ?? 12));
    test.each(corpus.map((text, i) => [i, text] as const))(
        'file %i: hover, completion, lens, inlay hints and symbols never fail',
        async (i, text) => {
            const document = await server.open(`corpus-${i}.choke`, text);
            const lsp = server.Chokepoint.lsp;
            const textDocument = { uri: document.uri.toString() };
            const failures: string[] = [];
            const wrong: string[] = [];
            const attempt = async (what: string, call: () => unknown): Promise<unknown> => {
                try {
                    return await call();
                } catch (error) {
                    failures.push(`${what}: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' ') : String(error)}`);
                    return undefined;
                }
            };
            const end = document.textDocument.positionAt(text.length);
            const lenses = (await attempt('lens', () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }))) as
                Array<{ command?: { title: string } }> | undefined;
            for (const lens of lenses ?? []) if (WRONG.test(lens.command?.title ?? '')) wrong.push(`lens: ${lens.command?.title}`);
            const hints = (await attempt('inlay', () =>
                lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: { start: { line: 0, character: 0 }, end } })
            )) as Array<{ label: unknown }> | undefined;
            for (const hint of hints ?? []) if (WRONG.test(String(hint.label))) wrong.push(`hint: ${String(hint.label)}`);
            await attempt('symbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
            for (let offset = 0; offset <= text.length; offset++) {
                const position: Position = document.textDocument.positionAt(offset);
                const hover = (await attempt(`hover at ${offset}`, () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }))) as
                    { contents?: { value?: string } } | undefined;
                const value = hover?.contents?.value ?? '';
                if (WRONG.test(value)) wrong.push(`hover at ${offset}: ${value.slice(0, 200)}`);
                await attempt(`completion at ${offset}`, () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }));
            }
            expect(failures.slice(0, 5)).toEqual([]);
            expect(wrong.slice(0, 5)).toEqual([]);
        },
        120_000
    );
});
