/**
 * The language server over LSP, against the bundled `out/server.js` (stdio), as an editor
 * sees it: from `didChange` to code lenses with fresh numbers, on the Japan example and on
 * a generated 2,000-declaration file; completion latency while a long simulation runs; and
 * the server's resident memory over a simulated hour of edits.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, CompletionList } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../server/protocol/lsp-client.js';
import { declarationCount, generateModel, SLOW_MODEL, type ModelShape } from '../server/protocol/generate.js';
import { median, ms, table } from './util.js';

const JAPAN_DIR = 'examples/japan-2026';
const EDITS = 41;
export const LARGE: ModelShape = { suppliers: 600, consumers: 340, flowsPerConsumer: 3, shocks: 30, scenarios: 6 };
const SLOW = SLOW_MODEL;

export async function bench(): Promise<{ title: string; markdown: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-lsp-bench-'));
    try {
        const load = os.loadavg()[0];
        const japan = await lensLatency(path.join(JAPAN_DIR, 'japan.choke'), JAPAN_DIR, text =>
            text.replace('flow ChinaExporters -> Automotive { REE 570 t/month', 'flow ChinaExporters -> Automotive { REE 560 t/month')
        );
        const largeFile = path.join(dir, 'large.choke');
        writeFileSync(largeFile, generateModel(LARGE));
        const large = await lensLatency(largeFile, dir, text => text.replace('flow S0 -> C0 { REE 33 t/month', 'flow S0 -> C0 { REE 32 t/month'));
        const completion = await completionDuringSimulation(dir);
        const memory = await memoryOverAnHour();
        const verdict = (value: number, limit: number) =>
            value <= limit ? `${ms(value)} (limit ${ms(limit)}: ok)` : `${ms(value)} (limit ${ms(limit)}: OVER)`;
        const markdown = [
            'Measured over LSP against the bundled `out/server.js --stdio` (`test/bench/lsp.bench.ts`): the time from sending',
            '`textDocument/didChange` to receiving `textDocument/codeLens` whose numbers are of the new text (the server',
            'answers lenses once the simulation of the current text is done), over ' + `${EDITS - 1} edits after a warm-up, alternating a flow volume.`,
            '',
            table(
                ['model', 'declarations', 'median', 'min', 'max'],
                [
                    [
                        'Japan example (edits in `japan.choke`, lenses via `main.choke`)',
                        `${modelDeclarations(JAPAN_DIR)} in 9 files`,
                        verdict(median(japan.times), 50),
                        ms(Math.min(...japan.times)),
                        ms(Math.max(...japan.times))
                    ],
                    [
                        `generated (${LARGE.suppliers} suppliers, ${LARGE.consumers} consumers, ${LARGE.consumers * LARGE.flowsPerConsumer} flows, ${LARGE.scenarios} scenarios, 36 months)`,
                        declarationCount(LARGE),
                        verdict(median(large.times), 300),
                        ms(Math.min(...large.times)),
                        ms(Math.max(...large.times))
                    ]
                ]
            ),
            '',
            `Completion while a long simulation runs (${SLOW.consumers * SLOW.flowsPerConsumer} flows, ${SLOW.scenarios} scenarios, daily steps over three years;`,
            `one run takes ${ms(completion.runMs)}): ${completion.times.length} completion requests sent while the run was in progress;`,
            `median ${verdict(median(completion.times), 50)}, max ${ms(Math.max(...completion.times))}.`,
            '',
            `Memory over a simulated hour of edits: ${memory.edits} edits to the Japan example (one a second of typing: insertions and`,
            'deletions in `japan.choke`, lenses requested after every tenth), resident set size of the server process:',
            '',
            table(
                ['edits', 'RSS'],
                memory.samples.map(s => [s.edits, `${(s.rss / 2 ** 20).toFixed(0)} MiB`])
            ),
            '',
            `Growth over the second half of the hour: ${memory.growthMiB.toFixed(1)} MiB (${memory.bounded ? 'bounded' : 'GROWING'}).`,
            '',
            `The machine's load average (1 minute) was ${load.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores:`,
            'other work on the machine shows in these times.'
        ].join('\n');
        return { title: 'Language server (LSP)', markdown };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * Opens `file` in a server rooted at `folder`, then times didChange -> fresh lenses. `settings`
 * are the client's `chokepoint` settings; `settleMs` is waited after the first edit (for work
 * the lenses do not wait for, such as the comparison's base side).
 */
export async function lensLatency(
    file: string,
    folder: string,
    edit: (text: string) => string,
    options: { settings?: unknown; settleMs?: number } = {}
): Promise<{ times: number[]; titles: string[] }> {
    const client = new TestClient();
    if (options.settings !== undefined) client.settings = options.settings;
    try {
        await client.initialize(folder);
        const uri = fileUri(file);
        const original = readFileSync(file, 'utf8');
        const edited = edit(original);
        if (edited === original) throw new Error(`the benchmark's edit does not apply to ${file}`);
        await client.open(uri, original);
        const titles = async () => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map(l => l.command?.title ?? '');
        const freshOriginal = await titles();
        if (!/^(Expected|Baseline)/.test(freshOriginal[0] ?? '')) throw new Error(`no results for ${file}: ${freshOriginal[0]}`);
        await client.change(uri, edited);
        let freshEdited = await titles();
        if (options.settleMs) {
            await new Promise(done => setTimeout(done, options.settleMs));
            freshEdited = await titles();
        }
        if (JSON.stringify(freshOriginal) === JSON.stringify(freshEdited)) throw new Error('the edit does not change any lens');
        const times: number[] = [];
        for (let i = 0; i < EDITS; i++) {
            const even = i % 2 === 0;
            const start = performance.now();
            await client.change(uri, even ? original : edited);
            const got = await titles();
            const elapsed = performance.now() - start;
            const expected = even ? freshOriginal : freshEdited;
            if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`stale lenses after edit ${i}: ${got[0]}`);
            if (i > 0) times.push(elapsed);
        }
        return { times, titles: freshEdited };
    } finally {
        await client.stop();
    }
}

const DECLARATION = /^(material|region|bloc|supplier|plant|consumer|reserve|flow|shock|measure|scenario|target)\b/gm;

function modelDeclarations(folder: string): number {
    return readdirSync(folder)
        .filter(f => f.endsWith('.choke'))
        .reduce((total, f) => total + (readFileSync(path.join(folder, f), 'utf8').match(DECLARATION) ?? []).length, 0);
}

/** Completion requests sent every 20 ms while a long simulation is in progress. */
export async function completionDuringSimulation(dir: string): Promise<{ times: number[]; runMs: number }> {
    const file = path.join(dir, 'slow.choke');
    const text = generateModel(SLOW);
    writeFileSync(file, text);
    const client = new TestClient();
    try {
        await client.initialize(dir);
        const uri = fileUri(file);
        await client.open(uri, text);
        // A first run (and the time it takes, end to end).
        let start = performance.now();
        await client.request('textDocument/codeLens', { textDocument: { uri } });
        const runMs = performance.now() - start;
        const position = { line: 2, character: 0 };
        const times: number[] = [];
        for (let round = 0; round < 3; round++) {
            const runsBefore = client.results.length;
            await client.change(uri, text.replace('REE 1000 t/month', `REE ${1001 + round} t/month`));
            await client.until(() => client.progress.some((p, i) => p.running && i >= client.progress.length - 1), 20000, 'a running simulation');
            while (client.results.length === runsBefore) {
                start = performance.now();
                await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
                if (client.results.length === runsBefore) times.push(performance.now() - start);
                await new Promise(r => setTimeout(r, 20));
            }
        }
        return { times, runMs };
    } finally {
        await client.stop();
    }
}

/** An hour of typing at one edit a second, compressed: RSS sampled every 300 edits. */
export async function memoryOverAnHour(): Promise<{ edits: number; samples: { edits: number; rss: number }[]; growthMiB: number; bounded: boolean }> {
    const file = path.join(JAPAN_DIR, 'japan.choke');
    const original = readFileSync(file, 'utf8');
    const client = new TestClient();
    const samples: { edits: number; rss: number }[] = [];
    const edits = 3600;
    try {
        await client.initialize(JAPAN_DIR);
        const uri = fileUri(file);
        await client.open(uri, original);
        await client.request('textDocument/codeLens', { textDocument: { uri } });
        samples.push({ edits: 0, rss: await client.rss() });
        let text = original;
        const anchor = original.indexOf('// Heavy electrical');
        for (let i = 1; i <= edits; i++) {
            // Type a comment word by word, then delete it again: every text is new.
            text = i % 40 === 0 ? original : text.slice(0, anchor) + `// note ${i}\n` + text.slice(anchor);
            await client.change(uri, text);
            if (i % 10 === 0) await client.request('textDocument/codeLens', { textDocument: { uri } });
            if (i % 300 === 0) samples.push({ edits: i, rss: await client.rss() });
        }
    } finally {
        await client.stop();
    }
    const half = samples.filter(s => s.edits >= edits / 2);
    const growthMiB = (half[half.length - 1].rss - half[0].rss) / 2 ** 20;
    return { edits, samples, growthMiB, bounded: growthMiB < 50 };
}
