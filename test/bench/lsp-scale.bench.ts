/**
 * Big models live in the editor (issue 16, item 3): the bundled language server driven over
 * stdio JSON-RPC on the big generated model (2,000 nodes, 4,800 flows, 10 scenarios, 120
 * months) as the held-out probe does, each row in ms and as a ratio to `calibration()`:
 * spawn → first lenses with numbers (and the same for the Japan example), an edit of one
 * consumer's need → lenses with the new numbers, completion after `flow ` right after an edit
 * and when idle, and the server's resident memory after 20 edits.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { generateModel } from '../engine/generated-model.js';
import { fileUri, TestClient } from '../server/protocol/lsp-client.js';
import { calibration } from './scale.bench.js';
import { median, ms, table } from './util.js';

export const BIG = { nodes: 2000, flows: 4800, scenarios: 10, periods: 120 };
const JAPAN = path.resolve('examples/japan-2026/main.choke');
/** Repetitions of each measurement (fresh servers for the spawn rows). */
const RUNS = Number(process.env.LSP_SCALE_RUNS ?? 3);
const EDITS = 20;

const titlesOf = (lenses: CodeLens[]) => lenses.map(l => l.command?.title ?? '');
/** The file lens carries numbers of the current text (not outdated, not simulating). */
const hasNumbers = (titles: string[]) => /^(Expected|Baseline)/.test(titles[0] ?? '');

async function lensTitles(client: TestClient, uri: string): Promise<string[]> {
    return titlesOf(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }));
}

/** Asks for lenses until `done` holds (the server answers `⏳ simulating…` after 3 s). */
async function lensesUntil(client: TestClient, uri: string, done: (titles: string[]) => boolean, timeoutMs = 60_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const titles = await lensTitles(client, uri);
        if (done(titles)) return titles;
        if (Date.now() > deadline) throw new Error(`no fresh lenses after ${timeoutMs} ms: ${titles[0]}`);
        await new Promise(r => setTimeout(r, 10));
    }
}

/** Spawn (the server process started here) → initialize → didOpen → lenses with numbers. */
export async function firstLenses(file: string): Promise<{ ms: number; client: TestClient; uri: string; titles: string[] }> {
    const start = performance.now();
    const client = new TestClient();
    await client.initialize(path.dirname(file));
    const uri = fileUri(file);
    await client.open(uri, readFileSync(file, 'utf8'));
    const titles = await lensesUntil(client, uri, hasNumbers);
    return { ms: performance.now() - start, client, uri, titles };
}

/** One consumer's need, changed by `delta` t/month: the edit of the probe. */
export function editNeed(text: string, delta: number): string {
    return text.replace(/(consumer C0 in \w+ \{ needs NdFeB )(\d+)/, (_, head: string, value: string) => `${head}${Number(value) + delta}`);
}

/** didChange → lenses whose numbers are of the new text (different from `before`). */
async function editToLenses(client: TestClient, uri: string, text: string, before: string[]): Promise<{ ms: number; titles: string[] }> {
    const start = performance.now();
    await client.change(uri, text);
    const titles = await lensesUntil(client, uri, t => hasNumbers(t) && JSON.stringify(t) !== JSON.stringify(before));
    return { ms: performance.now() - start, titles };
}

function itemCount(answer: CompletionList | CompletionItem[] | null): number {
    if (!answer) return 0;
    return Array.isArray(answer) ? answer.length : answer.items.length;
}

/** Completion after `flow ` on a new last line, right after the edit that types it, then idle. */
async function completionAfterFlow(client: TestClient, uri: string, text: string): Promise<{ afterEdit: number; idle: number; items: number }> {
    const typed = text + 'flow ';
    const position = { line: typed.split('\n').length - 1, character: 5 };
    const ask = () => client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    await client.change(uri, typed);
    let start = performance.now();
    const first = await ask();
    const afterEdit = performance.now() - start;
    // Idle: the build of the typed text is done (its diagnostics are out).
    await new Promise(r => setTimeout(r, 3000));
    start = performance.now();
    const second = await ask();
    const idle = performance.now() - start;
    if (itemCount(first) !== itemCount(second)) throw new Error(`completion differs: ${itemCount(first)} after the edit, ${itemCount(second)} idle`);
    await client.change(uri, text);
    return { afterEdit, idle, items: itemCount(second) };
}

export interface ScaleFigures {
    calibration: number;
    spawnBig: number[];
    spawnJapan: number[];
    edit: number[];
    completionAfterEdit: number[];
    completionIdle: number[];
    completionItems: number;
    rssAfterLenses: number;
    rssAfterEdits: number;
}

export async function measure(bigFile: string): Promise<ScaleFigures> {
    const calibrations = Array.from({ length: 7 }, () => calibration());
    const figures: ScaleFigures = {
        calibration: median(calibrations.slice(2)),
        spawnBig: [],
        spawnJapan: [],
        edit: [],
        completionAfterEdit: [],
        completionIdle: [],
        completionItems: 0,
        rssAfterLenses: 0,
        rssAfterEdits: 0
    };
    for (let i = 0; i < RUNS; i++) {
        const japan = await firstLenses(JAPAN);
        figures.spawnJapan.push(japan.ms);
        await japan.client.stop();
    }
    for (let i = 0; i < RUNS; i++) {
        const big = await firstLenses(bigFile);
        figures.spawnBig.push(big.ms);
        if (i < RUNS - 1) {
            await big.client.stop();
            continue;
        }
        const { client, uri } = big;
        try {
            figures.rssAfterLenses = await client.rss();
            const original = readFileSync(bigFile, 'utf8');
            let before = big.titles;
            for (let e = 1; e <= EDITS; e++) {
                const edited = await editToLenses(client, uri, editNeed(original, e * 37), before);
                figures.edit.push(edited.ms);
                before = edited.titles;
            }
            figures.rssAfterEdits = await client.rss();
            for (let c = 0; c < RUNS; c++) {
                const completion = await completionAfterFlow(client, uri, editNeed(original, EDITS * 37));
                figures.completionAfterEdit.push(completion.afterEdit);
                figures.completionIdle.push(completion.idle);
                figures.completionItems = completion.items;
                await lensesUntil(client, uri, hasNumbers);
            }
        } finally {
            await client.stop();
        }
    }
    return figures;
}

export async function bench(): Promise<{ title: string; markdown: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-lsp-scale-'));
    try {
        const bigFile = path.join(dir, 'big.choke');
        const text = generateModel(BIG);
        writeFileSync(bigFile, text);
        const load = os.loadavg()[0];
        const f = await measure(bigFile);
        const ratio = (value: number) => `${(value / f.calibration).toFixed(2)}×`;
        const row = (what: string, values: number[], target: string) => [
            what,
            ms(median(values)),
            ratio(median(values)),
            `${ms(Math.min(...values))}–${ms(Math.max(...values))}`,
            target
        ];
        const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
        const markdown = [
            'Run with `node test/bench/run.mjs lsp-scale` (after `npm run build`; `LSP_SCALE_RUNS` repetitions, default 3).',
            `\`out/server.js --stdio\` driven over JSON-RPC (\`test/bench/lsp-scale.bench.ts\`) on the big model (\`generateModel\`: ${BIG.nodes} nodes,`,
            `${BIG.flows} flows, ${BIG.scenarios} scenarios, ${BIG.periods} months, ${(text.length / 1024).toFixed(0)} KB). Ratios are to \`calibration()\``,
            `(\`test/bench/scale.bench.ts\`), which took **${ms(f.calibration)}** here. Spawn rows: from starting the process to a`,
            '`textDocument/codeLens` answer whose file lens has numbers of the current text (fresh server each time). Edit: `didChange`',
            `of one consumer's need → lenses with the new numbers (${EDITS} edits in one server). Completion: \`flow \` typed on a new last`,
            `line, asked right after its \`didChange\` and again 3 s later (${f.completionItems} items).`,
            '',
            table(
                ['what', 'median', 'ratio to calibration', 'min–max', 'target'],
                [
                    row('spawn → first lenses with numbers (big model)', f.spawnBig, '≤ 1.9×'),
                    row('spawn → first lenses with numbers (Japan example)', f.spawnJapan, '≤ 0.30×'),
                    row("edit (one consumer's need) → lenses with the new numbers", f.edit, '≤ 0.86×'),
                    row('completion right after an edit (`flow `)', f.completionAfterEdit, '≤ 50 ms'),
                    row('completion when idle (`flow `)', f.completionIdle, '≤ 50 ms')
                ]
            ),
            '',
            `Server RSS: ${mib(f.rssAfterLenses)} after the first lenses, **${mib(f.rssAfterEdits)}** after ${EDITS} edits (target ≤ 400 MB).`,
            '',
            `Load average (1 minute): ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores.`
        ].join('\n');
        return { title: 'Language server at scale (issue 16)', markdown };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
