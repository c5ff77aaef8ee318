import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'langium';
import { fileUri, TestClient } from './lsp-client.js';
import { generateModel } from './generate.js';

/**
 * Edit requests right after a `didChange`, while the rebuild of the new text is in progress (a
 * model of 1,600 declarations takes a few hundred milliseconds to build): they answer for the
 * text they were made for, so applying their edits never undoes what was just typed.
 */
let dir: string;
let client: TestClient;
let uri: string;
let BIG = generateModel({ suppliers: 400, consumers: 400, flowsPerConsumer: 2, shocks: 5, scenarios: 4 });

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-race-'));
    writeFileSync(path.join(dir, 'big.choke'), BIG);
    client = new TestClient();
    await client.initialize(dir);
    uri = fileUri(path.join(dir, 'big.choke'));
    await client.open(uri, BIG);
    // Canonical first, so that formatting later has only the typed line to change.
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    BIG = apply(BIG, edits);
    await client.change(uri, BIG);
    await client.request('chokepoint/results', { uri, wait: true });
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

function apply(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create(uri, 'chokepoint', 0, text), edits);
}

describe('edit requests during a rebuild', () => {
    test('formatting right after a didChange formats the new text, keeping the edit', async () => {
        // Typed at the end: a declaration with a double space (something to format).
        const typed = BIG + 'supplier  Added in China { produces REE 5 t/month }\n';
        await client.change(uri, typed);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        const formatted = apply(typed, edits ?? []);
        expect(formatted).toBe(BIG + 'supplier Added in China {\n  produces REE 5 t/month\n}\n');
    });

    test('range formatting likewise', async () => {
        const typed = BIG + 'supplier  Other in China { produces REE 5 t/month }\n';
        await client.change(uri, typed);
        const lines = typed.split('\n').length;
        const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
            textDocument: { uri },
            range: { start: { line: lines - 3, character: 0 }, end: { line: lines, character: 0 } },
            options: { tabSize: 2, insertSpaces: true }
        });
        expect(apply(typed, edits ?? [])).toBe(BIG + 'supplier Other in China {\n  produces REE 5 t/month\n}\n');
    });

    test('rename right after a didChange renames in the new text', async () => {
        // The new text declares Renamed and uses it; the old one has neither.
        const typed = BIG + 'supplier Fresh in China { produces REE 5 t/month }\nflow Fresh -> C1 { REE 1 t/month }\n';
        await client.change(uri, typed);
        const line = typed.split('\n').length - 3;
        const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', {
            textDocument: { uri },
            position: { line, character: 10 },
            newName: 'Renamed'
        });
        const renamed = apply(typed, edit?.changes?.[uri] ?? []);
        expect(renamed.endsWith('supplier Renamed in China { produces REE 5 t/month }\nflow Renamed -> C1 { REE 1 t/month }\n')).toBe(true);
    });
});
