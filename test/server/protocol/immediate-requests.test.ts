import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client.js';
import { generateModel } from './generate.js';
import { LARGE_FILE_CHARS } from '../../../server/src/documents/document-update-handler.js';
import type { ResultsResponse } from '../../../server/src/protocol.js';

/**
 * Completion and hover never wait for the rebuild of an edit (issue 16, item 3): sent right
 * after a `didChange`, while the server has the new text but has not built it, they answer
 * from the last linked build, before that rebuild ends (its diagnostics are the last thing it
 * does). The model has 1,600 declarations, so its rebuild (parse, link, validate) is a few
 * hundred milliseconds of work on the server's thread. The order of the answers is asserted,
 * never a time.
 */
const SUPPLIERS = 400;
const MODEL = generateModel({ suppliers: SUPPLIERS, consumers: 400, flowsPerConsumer: 2, shocks: 5, scenarios: 4 });

let dir: string;
let client: TestClient;
let uri: string;

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-immediate-'));
    writeFileSync(path.join(dir, 'big.choke'), MODEL);
    client = new TestClient();
    await client.initialize(dir);
    uri = fileUri(path.join(dir, 'big.choke'));
    await client.open(uri, MODEL);
    await client.request('chokepoint/results', { uri, wait: true });
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

/** Resolves with `label` once diagnostics of `uri` that satisfy `test` arrive. */
function rebuilt(label: string, test: (diagnostics: Diagnostic[]) => boolean, events: string[]): Promise<void> {
    const from = client.published.length;
    return client
        .until(() => client.published.slice(from).some(p => p.uri === uri && test(p.diagnostics)), 30000, label)
        .then(() => {
            events.push(label);
        });
}

const labels = (answer: CompletionList | CompletionItem[] | null) => (answer ? (Array.isArray(answer) ? answer : answer.items) : []).map(i => i.label);

describe('completion and hover during a rebuild', () => {
    test('completion after `flow ` typed at the end answers from the last build, before the rebuild of that text ends', async () => {
        const events: string[] = [];
        // One edit declares a supplier and types `flow ` below it.
        const typed = MODEL + 'supplier Fresh in China { produces REE 5 t/month }\nflow ';
        await client.change(uri, typed);
        // The typed text is half a declaration: its rebuild ends with a syntax error.
        const done = rebuilt('rebuild validated', d => d.some(x => x.severity === 1), events);
        const lines = typed.split('\n');
        const request = () =>
            client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
                textDocument: { uri },
                position: { line: lines.length - 1, character: 'flow '.length }
            });
        const answer = await request().then(a => {
            events.push('completion answered');
            return a;
        });
        await done;
        expect(events).toEqual(['completion answered', 'rebuild validated']);
        const offered = labels(answer);
        // A flow's source is a supplier or a plant: every supplier of the last build, no consumer;
        // the supplier being typed is not built yet.
        const suppliers = offered.filter(l => /^S\d+$/.test(l));
        expect(suppliers.length).toBe(SUPPLIERS);
        expect(suppliers).toContain('S0');
        expect(suppliers).toContain(`S${SUPPLIERS - 1}`);
        expect(offered).not.toContain('Fresh');
        expect(offered.filter(l => /^C\d+$/.test(l))).toEqual([]);
        // Once built, the same request offers it too.
        expect(labels(await request())).toContain('Fresh');
        await client.change(uri, MODEL);
        await client.until(() => client.diagnostics.get(uri)?.every(d => d.severity !== 1) ?? false, 30000, 'the model back');
    });

    test('hover right after a line is inserted above answers before the rebuild, at the moved position', async () => {
        const events: string[] = [];
        // A supplier nobody uses, at the top: every declaration moves one line down in the
        // client's text, and the rebuild's diagnostics say the new supplier is unused.
        const typed = 'supplier Extra in China { produces REE 5 t/month }\n' + MODEL;
        const done = rebuilt(
            'rebuild validated',
            d => d.some(x => x.code === 'unused-supplier' && (typeof x.message === 'string' ? x.message : x.message.value).includes('Extra')),
            events
        );
        await client.change(uri, typed);
        const line = typed.split('\n').findIndex(l => l.startsWith('consumer C7 '));
        const hover = await client
            .request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 'consumer C'.length } })
            .then(h => {
                events.push('hover answered');
                return h;
            });
        await done;
        expect(events).toEqual(['hover answered', 'rebuild validated']);
        const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
        expect(value).toContain('consumer C7 in Japan');
        // The range is of the client's text (the name `C7` on the moved line), not of the built one.
        expect(hover?.range).toEqual({ start: { line, character: 9 }, end: { line, character: 11 } });
    });
});

describe('a burst of edits to a large file', () => {
    test('is built once, for its last text, and then its results are current', async () => {
        expect(MODEL.length).toBeGreaterThanOrEqual(LARGE_FILE_CHARS);
        const need = (t: number) => MODEL.replace(/(consumer C0 in Japan \{\n {2}needs REE )\d+/, `$1${t}`);
        const from = client.published.length;
        // Four edits well inside the large-file delay: one rebuild, of the last.
        let version = 0;
        for (const t of [5000, 6000, 7000, 8000]) version = await client.change(uri, need(t));
        const answer = await client.request<ResultsResponse>('chokepoint/results', { uri, wait: true });
        expect(answer).toMatchObject({ version, status: 'ok', stale: false });
        const baseline = answer.result!.scenarios[0];
        // C0 needs the last edit's 8,000 t in every month.
        expect([...new Set(baseline.consumers.C0.materials.REE.series.need)]).toEqual([8000]);
        // The rebuild published C0's diagnostics once (the explanations may follow it), never per edit.
        const rebuilds = client.published.slice(from).filter(p => p.uri === uri).length;
        expect(rebuilds).toBeGreaterThanOrEqual(1);
        expect(rebuilds).toBeLessThanOrEqual(2);
        await client.change(uri, MODEL);
        await client.request('chokepoint/results', { uri, wait: true });
    });
});
