/**
 * Sweeps split into shards (`--shard I/N`, one process each, as CI matrix jobs would run them)
 * and joined by `chokepoint merge`: the merged output is the unsharded command's, byte for
 * byte. Runs the built CLI (`npm run build`) as separate processes.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { shardRange } from '../../language/src/cli/shard.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');
const KNAPSACK = path.join(ROOT, 'test/decisions/models/knapsack.choke');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): { stdout: string; stderr: string; status: number | null } {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

/** The shards as separate processes running at the same time, each written to its own file. */
async function shards(count: number, ...args: string[]): Promise<string[]> {
    const files = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
            const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args, '--shard', `${i + 1}/${count}`], { maxBuffer: 1 << 28 });
            const file = path.join(tmp, `${args.join('_').replace(/\W+/g, '_')}-${i + 1}-of-${count}.json`);
            writeFileSync(file, stdout);
            return file;
        })
    );
    return files;
}

function merged(files: string[]): string {
    const run = cli('merge', ...files);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
}

describe('shard ranges', () => {
    it('cover every item once, in order, sizes differing by at most one', () => {
        // ⌊(I−1)·10/3⌋ .. ⌊I·10/3⌋: 0..3, 3..6, 6..10.
        expect([1, 2, 3].map(index => shardRange({ index, count: 3 }, 10))).toEqual([
            { from: 0, to: 3 },
            { from: 3, to: 6 },
            { from: 6, to: 10 }
        ]);
        // More shards than items: some are empty, none overlaps (⌊1·2/4⌋ = 0, ⌊2·2/4⌋ = 1, ...).
        expect([1, 2, 3, 4].map(index => shardRange({ index, count: 4 }, 2))).toEqual([
            { from: 0, to: 0 },
            { from: 0, to: 1 },
            { from: 1, to: 1 },
            { from: 1, to: 2 }
        ]);
    });
});

describe('chokepoint merge', () => {
    it("joins two halves of rank --json into the single run's bytes", async () => {
        const one = cli('rank', JAPAN, '--json');
        expect(one.status).toBe(0);
        const halves = await shards(2, 'rank', JAPAN, '--json');
        expect(merged([halves[1], halves[0]])).toBe(one.stdout);
        // Each half holds its own nodes: ⌊total/2⌋ in the first (the ranges of shardRange).
        const total = (JSON.parse(one.stdout) as { nodes: unknown[] }).nodes.length;
        const first = JSON.parse(cli('rank', JAPAN, '--shard', '1/2').stdout) as { total: number; from: number; to: number; part: { nodes: unknown[] } };
        expect(first.total).toBe(total);
        expect([first.from, first.to, first.part.nodes.length]).toEqual([0, Math.floor(total / 2), Math.floor(total / 2)]);
    });

    it('joins three shards of the rank table, whatever the thread count of each', async () => {
        const one = cli('rank', JAPAN);
        const files = await shards(3, 'rank', JAPAN, '--threads', '1');
        expect(merged(files)).toBe(one.stdout);
    });

    it('joins two halves of optimize, JSON and table', async () => {
        const budget = ['--budget', '100', 'billion', 'JPY'];
        const one = cli('optimize', JAPAN, ...budget, '--json');
        expect(one.status).toBe(0);
        const halves = await shards(2, 'optimize', JAPAN, ...budget, '--json');
        expect(merged(halves)).toBe(one.stdout);
        // The runs add up: each half runs its own portfolios in every scenario with a probability.
        const partRuns = halves.map(f => (JSON.parse(readFileSync(f, 'utf8')) as { part: { frame: { runs: number } } }).part.frame.runs);
        expect(partRuns[0] + partRuns[1]).toBe((JSON.parse(one.stdout) as { runs: number }).runs);
        expect(partRuns.every(r => r > 0)).toBe(true);
        const table = cli('optimize', KNAPSACK, '--budget', '10', 'million', 'JPY');
        expect(table.status).toBe(0);
        expect(merged(await shards(2, 'optimize', KNAPSACK, '--budget', '10', 'million', 'JPY'))).toBe(table.stdout);
    });

    it('joins two halves of run --samples --json (results, measures and uncertainty) and of its table', async () => {
        const one = cli('run', JAPAN, '--samples', '30', '--seed', '4', '--json');
        expect(one.status).toBe(0);
        expect(merged(await shards(2, 'run', JAPAN, '--samples', '30', '--seed', '4', '--json'))).toBe(one.stdout);
        const table = cli('run', JAPAN, '--samples', '30', '--seed', '4');
        expect(merged(await shards(2, 'run', JAPAN, '--samples', '30', '--seed', '4'))).toBe(table.stdout);
    });

    it('refuses a missing, doubled or foreign shard in one line, exit 2', async () => {
        const [a, b] = await shards(2, 'run', JAPAN, '--samples', '4');
        const [other] = await shards(2, 'run', JAPAN, '--samples', '5');
        expect(cli('merge', a)).toMatchObject({
            status: 2,
            stderr: 'Shard 2/2 is missing: merge needs every shard of the sweep (1 of 2 given).\n',
            stdout: ''
        });
        expect(cli('merge', a, a, b)).toMatchObject({ status: 2, stderr: `Shard 1/2 is given twice (${a} and ${a}).\n` });
        expect(cli('merge', a, other).stderr).toMatch(
            /^\S+ is a shard of another sweep \(chokepoint run \S+ --samples=5 in 2 shards\) than \S+ \(chokepoint run \S+ --samples=4 in 2 shards\)\.\n$/
        );
        expect(cli('merge', JAPAN)).toMatchObject({
            status: 2,
            stderr: `${JAPAN} is not a shard of a sweep (what rank, optimize or run --samples print with --shard I/N).\n`
        });
        expect(cli('merge', path.join(tmp, 'nothing.json'))).toMatchObject({ status: 2 });
    });

    it('refuses a bad --shard, and --shard without samples, exit 2', () => {
        expect(cli('rank', JAPAN, '--shard', '3/2')).toMatchObject({
            status: 2,
            stderr: "--shard takes I/N, this process's part and the number of parts, with 1 ≤ I ≤ N ≤ 1000 (e.g. 1/4), not '3/2'.\n"
        });
        expect(cli('optimize', JAPAN, '--budget', '1', 'JPY', '--shard', '0/2').status).toBe(2);
        expect(cli('run', JAPAN, '--shard', '1/2')).toMatchObject({
            status: 2,
            stderr: '--shard splits the samples of `run --samples N`; without --samples there is nothing to split.\n'
        });
    });
});
