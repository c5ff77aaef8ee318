import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'langium';
import { fileUri, TestClient } from './lsp-client.js';
import { random, randomEdit, type EditorState } from '../edit-corpus.js';

/** Anything that reads wrong in a title, a hint or a hover. */
export const WRONG_TEXT = /NaN|Infinity|undefined|\[object /;

export interface FuzzOptions {
    edits: number;
    seed: number;
    /** The text edited, and texts to paste lines from. */
    start: string;
    others?: readonly string[];
    /** RSS sampled every this many edits. */
    rssEvery?: number;
}

export interface FuzzReport {
    edits: number;
    requests: number;
    /** Error responses (any code), as `method: code message`. */
    errors: string[];
    /** Responses that took more than 2 s, as `method: ms`. */
    slow: string[];
    /** NaN, Infinity or undefined in a lens title, an inlay hint or a hover. */
    wrong: string[];
    /** Unexpected failures the server logged. */
    logged: string[];
    alive: boolean;
    maxRss: number;
    finalRss: number;
    /** The version `chokepoint/results` reports at the end (the last edit's). */
    finalVersion: number;
    client: TestClient;
    uri: string;
    dispose(): Promise<void>;
}

/**
 * Random edits over LSP against the bundled server, with one request after each (lens, hover,
 * completion, inlay hints, symbols, formatting, semantic tokens, folding, code actions,
 * results, in turn). Every answer is checked: no error response, none slower than 2 s, no wrong
 * text. The client is left open for further checks; call `dispose`.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-fuzz-'));
    writeFileSync(path.join(dir, 'fuzz.choke'), options.start);
    const client = new TestClient();
    await client.initialize(dir);
    const next = random(options.seed);
    const uri = fileUri(path.join(dir, 'fuzz.choke'));
    const state: EditorState = { text: options.start, history: [] };
    await client.open(uri, state.text);
    const report: FuzzReport = {
        edits: options.edits,
        requests: 0,
        errors: [],
        slow: [],
        wrong: [],
        logged: [],
        alive: true,
        maxRss: 0,
        finalRss: 0,
        finalVersion: 0,
        client,
        uri,
        dispose: async () => {
            await client.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    };
    const pending: Promise<unknown>[] = [];
    const ask = (method: string, params: unknown, texts: (answer: unknown) => string[] = () => []) => {
        const started = Date.now();
        report.requests++;
        pending.push(
            client.request(method, params).then(
                answer => {
                    const ms = Date.now() - started;
                    if (ms > 2000) report.slow.push(`${method}: ${ms} ms`);
                    for (const text of texts(answer)) if (WRONG_TEXT.test(text)) report.wrong.push(`${method}: ${text.slice(0, 200)}`);
                },
                (error: { code?: number; message?: string }) => {
                    report.errors.push(`${method}: ${error.code} ${error.message}`);
                }
            )
        );
    };
    for (let edit = 0; edit < options.edits; edit++) {
        const text = randomEdit(state, next, options.others ?? []);
        await client.change(uri, text);
        const document = TextDocument.create(uri, 'chokepoint', 0, text);
        const position = document.positionAt(Math.floor(next() * (text.length + 1)));
        const textDocument = { uri };
        switch (edit % 10) {
            case 0:
                ask('textDocument/codeLens', { textDocument }, a => ((a as Array<{ command?: { title: string } }>) ?? []).map(l => l.command?.title ?? ''));
                break;
            case 1:
                ask('textDocument/hover', { textDocument, position }, a => [(a as { contents?: { value?: string } } | null)?.contents?.value ?? '']);
                break;
            case 2:
                ask('textDocument/completion', { textDocument, position });
                break;
            case 3:
                ask('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
                break;
            case 4:
                ask('textDocument/documentSymbol', { textDocument });
                break;
            case 5:
                ask('textDocument/semanticTokens/full', { textDocument });
                break;
            case 6:
                ask('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) } }, a =>
                    ((a as Array<{ label: unknown }>) ?? []).map(h => String(h.label))
                );
                break;
            case 7:
                ask('textDocument/foldingRange', { textDocument });
                break;
            case 8:
                ask('textDocument/codeAction', {
                    textDocument,
                    range: { start: position, end: position },
                    context: { diagnostics: client.diagnostics.get(uri) ?? [] }
                });
                break;
            default:
                ask('chokepoint/results', { uri });
                break;
        }
        // Typing: bursts of up to four edits whose requests are not awaited, then a pause in which
        // the editor waits for its answers (as one does after typing a word).
        if (edit % 4 === 3) await Promise.all(pending.splice(0));
        else await new Promise(r => setTimeout(r, 5));
        if (options.rssEvery && edit % options.rssEvery === 0) report.maxRss = Math.max(report.maxRss, await client.rss());
    }
    await Promise.all(pending);
    const results = await client.request<{ version: number }>('chokepoint/results', { uri, wait: true });
    report.finalVersion = results.version;
    report.finalRss = await client.rss();
    report.maxRss = Math.max(report.maxRss, report.finalRss);
    report.alive = client.alive;
    report.logged = client.logs.filter(l => /uncaught|unhandled|TypeError|ReferenceError|RangeError|An error occurred/.test(l));
    return report;
}
