import { beforeAll, describe, expect, test } from 'vitest';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectSymbols, expectSemanticToken, highlightHelper } from 'langium/test';
import { ResponseError, SemanticTokenTypes } from 'vscode-languageserver';
import { createTestServer, type TestServer } from './helpers.js';
import { HAND_MODEL } from './fixtures.js';
import { STDLIB_TEXT } from '../../language/src/loading/stdlib.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

const markers = { indexMarker: '@', rangeStartMarker: '[[', rangeEndMarker: ']]' };

describe('navigation', () => {
    test('document symbols: the horizon and every declaration, unnamed flows as routes', async () => {
        await expectSymbols(server.Chokepoint)({
            text: HAND_MODEL,
            expectedSymbols: [
                'horizon 2026-01 to 2026-12',
                'ChinaMines',
                'VietnamMines',
                'Industry',
                'ChinaMines → Industry',
                'VietnamMines → Industry',
                'Stockpile',
                'Curb',
                'Hold',
                'CurbOnly',
                'ChinaShare'
            ]
        });
        await expectSymbols(server.Chokepoint)({
            text: 'consumer C "Car makers" in Japan { }\nflow Offtake: A -> C { }',
            expectedSymbols: ['C consumer "Car makers" 13', 'Offtake: A → C flow 12'],
            symbolToString: s => `${s.name} ${s.detail} ${s.kind}`
        });
    });

    test('find references, declaration included', async () => {
        await expectFindReferences(server.Chokepoint)({
            ...markers,
            includeDeclaration: true,
            text: 'supplier [[Mi@nes]] in China { produces REE 10 t/month }\nconsumer C in Japan { needs REE 10 t/month }\nflow [[Mines]] -> C { REE 10 t/month }\nmeasure M { switch C to [[Mines]] after 1 month }'
        });
    });

    test('go to definition within a file', async () => {
        await expectGoToDefinition(server.Chokepoint)({
            ...markers,
            index: 0,
            rangeIndex: 0,
            text: 'consumer [[Industry]] in Japan { needs REE 10 t/month }\nreserve R in Japan { holds REE 10 t serves Indu@stry }'
        });
    });

    test('go to definition into the read-only standard library', async () => {
        const document = await server.open('definition.choke', 'consumer C in Japan { needs REE 10 t/month }\n');
        const offset = document.textDocument.getText().indexOf('Japan');
        const links = await server.Chokepoint.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset + 2)
        });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe('chokepoint-lib:/stdlib.choke');
        const line = STDLIB_TEXT.split('\n').findIndex(l => l === 'region Japan');
        expect(links![0].targetSelectionRange).toEqual({ start: { line, character: 7 }, end: { line, character: 12 } });
    });

    test('rename across files', async () => {
        const world = await server.open('rename/world.choke', 'supplier Mines in China { produces REE 10 t/month }\n');
        const main = await server.open(
            'rename/main.choke',
            'import "./world.choke"\nconsumer C in Japan { needs REE 10 t/month }\nflow Mines -> C { REE 10 t/month }\n'
        );
        const position = main.textDocument.positionAt(main.textDocument.getText().indexOf('Mines ->') + 1);
        const edit = await server.Chokepoint.lsp.RenameProvider!.rename(main, { textDocument: { uri: main.uri.toString() }, position, newName: 'ChinaMines' });
        const changes = edit!.changes!;
        expect(Object.keys(changes).sort()).toEqual([main.uri.toString(), world.uri.toString()].sort());
        expect(changes[world.uri.toString()]).toEqual([
            { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } }, newText: 'ChinaMines' }
        ]);
        expect(changes[main.uri.toString()]).toEqual([{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 10 } }, newText: 'ChinaMines' }]);
    });

    test('renaming a name of the standard library is refused with a message', async () => {
        const document = await server.open('rename-lib.choke', 'consumer C in Japan { needs REE 10 t/month }\n');
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf('Japan') + 1);
        const params = { textDocument: { uri: document.uri.toString() }, position };
        const refusal = /'Japan' is declared in the standard library, which is read-only and cannot be renamed/;
        expect(() => server.Chokepoint.lsp.RenameProvider!.prepareRename(document, params)).toThrow(refusal);
        await expect(server.Chokepoint.lsp.RenameProvider!.rename(document, { ...params, newName: 'Nippon' })).rejects.toThrow(refusal);
        await expect(server.Chokepoint.lsp.RenameProvider!.rename(document, { ...params, newName: 'Nippon' })).rejects.toBeInstanceOf(ResponseError);
    });

    test('a new name must be a name', async () => {
        const document = await server.open('rename-bad.choke', 'consumer C in Japan { needs REE 10 t/month }\n');
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf('C in') + 0);
        const params = { textDocument: { uri: document.uri.toString() }, position };
        await expect(server.Chokepoint.lsp.RenameProvider!.rename(document, { ...params, newName: '2cool' })).rejects.toThrow(/'2cool' cannot be a name/);
        await expect(server.Chokepoint.lsp.RenameProvider!.rename(document, { ...params, newName: 'stock' })).rejects.toThrow(/'stock' cannot be a name/);
    });

    test('folding: blocks and comment runs', async () => {
        await expectFoldings(server.Chokepoint)({
            ...markers,
            text: '[[// Line one\n// Line two]]\n[[consumer C in Japan {\n  needs REE 10 t/month\n  stock REE 30 days]]\n}\nregion A\n'
        });
    });

    test('semantic tokens colour names by what they name', async () => {
        const tokens = await highlightHelper(server.Chokepoint)(
            'supplier <|Mines|> in <|China|> { produces <|REE|> 10 t/month }\nconsumer <|C|> in Japan { needs REE 10 t/month }\nflow <|Mines|> -> <|C|> { REE 10 t/month }'
        );
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.variable });
    });
});
