/**
 * The hardening fuzz at full length: 10,000 random edits over LSP against the bundled server
 * (insertions of the language's tokens, deletions, pastes from other files, undo bursts), a
 * request after each; then a 10 MB file opened. Counts what must stay zero and the server's
 * resident memory. `node test/bench/run.mjs fuzz` runs it alone.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri } from '../server/protocol/lsp-client.js';
import { runFuzz } from '../server/protocol/fuzz-run.js';
import { HAND_MODEL } from '../server/fixtures.js';
import { table } from './util.js';

const EDITS = Number(process.env.FUZZ_EDITS ?? 10_000);
const OTHERS = ['examples/japan-2026/japan.choke', 'examples/japan-2026/shocks.choke', 'examples/spec/forms.choke'].map(f => readFileSync(f, 'utf8'));

export async function bench(): Promise<{ title: string; markdown: string }> {
    const started = Date.now();
    const report = await runFuzz({ edits: EDITS, seed: 20261206, start: HAND_MODEL, others: OTHERS, rssEvery: 500 });
    const seconds = (Date.now() - started) / 1000;
    // A 10 MB model opened in the editor (never parsed: file-too-large).
    const parts = ['horizon 2026-01 to 2026-12\n'];
    for (let i = 0; parts.length * 52 < 10e6; i++) parts.push(`supplier S${String(i).padStart(6, '0')} in China { produces REE 10 t/month }\n`);
    const hugeUri = fileUri(path.join(path.dirname(new URL(report.uri).pathname), 'huge.choke'));
    await report.client.open(hugeUri, parts.join(''));
    await report.client.until(() => report.client.diagnostics.has(hugeUri), 20000, 'diagnostics of the 10 MB file');
    const rssHuge = await report.client.rss();
    const alive = report.client.alive;
    await report.dispose();
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const markdown = [
        `${EDITS.toLocaleString('en-US')} random edits with ${report.requests.toLocaleString('en-US')} requests in ${seconds.toFixed(0)} s ` +
            '(`test/server/protocol/fuzz-run.ts`; `npm test` runs 500 of them in `fuzz.test.ts`). Targets: every count 0, RSS < 400 MB.',
        '',
        table(
            [
                'crashes',
                'error responses',
                'responses > 2 s',
                'NaN/Infinity/undefined shown',
                'failures logged',
                'max RSS',
                'RSS at the end',
                'RSS after opening a 10 MB file'
            ],
            [
                [
                    alive && report.alive ? 0 : 1,
                    report.errors.length,
                    report.slow.length,
                    report.wrong.length,
                    report.logged.length,
                    mib(report.maxRss),
                    mib(report.finalRss),
                    mib(rssHuge)
                ]
            ]
        ),
        ...[...report.errors, ...report.slow, ...report.wrong, ...report.logged].slice(0, 10).map(line => `- ${line}`)
    ].join('\n');
    return { title: 'Hardening fuzz (LSP)', markdown };
}
