/**
 * `chokepoint diff HEAD~1` on the Japan example, both sides simulated, as users run it: the
 * built CLI in a fresh process, in a temporary repository whose last commit changes one
 * assumption (Automotive's own stock, 30 -> 45 days). Target: 2 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, ms, table } from './util.js';
import { lensLatency } from './lsp.bench.js';

const ROOT = process.cwd();

export async function bench(): Promise<{ title: string; markdown: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-diff-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    try {
        cpSync(path.join(ROOT, 'examples', 'japan-2026'), path.join(dir, 'japan'), { recursive: true });
        git('init', '-q', '-b', 'main');
        git('-c', 'user.email=b@example.org', '-c', 'user.name=Bench', 'add', '-A');
        git('-c', 'user.email=b@example.org', '-c', 'user.name=Bench', 'commit', '-q', '-m', 'base');
        const file = path.join(dir, 'japan', 'japan.choke');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/(consumer Automotive[\s\S]*?stock REE )30 days/, '$145 days'));
        git('-c', 'user.email=b@example.org', '-c', 'user.name=Bench', 'commit', '-q', '-a', '-m', 'Automotive keeps 45 days');
        const rows: (string | number)[][] = [];
        for (const args of [
            ['diff', 'HEAD~1'],
            ['diff', 'HEAD~1', '--json'],
            ['diff', 'HEAD~1', '--format', 'markdown']
        ]) {
            const times: number[] = [];
            for (let i = 0; i < 6; i++) {
                const start = performance.now();
                const run = spawnSync(process.execPath, [path.join(ROOT, 'out', 'cli.js'), ...args], { cwd: dir, stdio: 'ignore' });
                if (run.status !== 0) throw new Error(`chokepoint ${args.join(' ')} exited ${run.status}`);
                if (i > 0) times.push(performance.now() - start);
            }
            rows.push([`\`chokepoint ${args.join(' ')}\``, ms(median(times)), ms(Math.max(...times))]);
        }
        const deltas = await lensDeltaCost();
        const added = (deltas.head / deltas.none - 1) * 100;
        return {
            title: 'Review: `chokepoint diff` on the Japan example, lens deltas against HEAD',
            markdown: [
                'The built CLI in a fresh process (`node out/cli.js`, startup included), in a temporary repository holding',
                "`examples/japan-2026` whose last commit changes Automotive's own stock from 30 to 45 days: both sides read",
                'with git, parsed, validated and simulated (6 scenarios × 60 months each). Median and worst of 5 runs after one',
                'warm-up. Target: 2 s.',
                '',
                table(['command', 'median', 'worst'], rows),
                '',
                'Lens deltas against HEAD (`lensDeltaCost`): didChange -> fresh lenses over LSP against `out/server.js`, the Japan',
                'example in a git repository, alternating a flow volume in `japan.choke` (40 edits after a warm-up), with',
                '`chokepoint.compareWith` `none` and `HEAD` (the base side computed once, then cached). Target: at most 20% more.',
                '',
                table(
                    ['compareWith', 'median didChange -> fresh lenses'],
                    [
                        ['none', ms(deltas.none)],
                        ['HEAD', ms(deltas.head)]
                    ]
                ),
                '',
                `HEAD adds ${added.toFixed(0)}% (${added <= 20 ? 'ok' : 'OVER'}). A lens with a delta: \`${deltas.title}\`.`
            ].join('\n')
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * Lens deltas against HEAD: didChange -> fresh lenses on the Japan example in a git
 * repository, with `chokepoint.compareWith` `none` and `HEAD` (the base side cached after the
 * first edit). Target: HEAD adds at most 20%.
 */
export async function lensDeltaCost(): Promise<{ none: number; head: number; title: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-deltas-'));
    try {
        cpSync(path.join(ROOT, 'examples', 'japan-2026'), dir, { recursive: true });
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=b@example.org', '-c', 'user.name=Bench', ...args], { cwd: dir });
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        const edit = (text: string) =>
            text.replace('flow ChinaExporters -> Automotive { REE 570 t/month', 'flow ChinaExporters -> Automotive { REE 560 t/month');
        const file = path.join(dir, 'japan.choke');
        const none = await lensLatency(file, dir, edit, { settings: { compareWith: 'none' } });
        const head = await lensLatency(file, dir, edit, { settings: { compareWith: 'HEAD' }, settleMs: 3000 });
        const title = head.titles.find(t => t.includes('vs HEAD')) ?? '';
        if (!title) throw new Error('no lens shows a delta against HEAD');
        return { none: median(none.times), head: median(head.times), title };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
