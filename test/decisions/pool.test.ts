/**
 * The run pool: the same summaries, byte for byte, on one thread and on several; a batch can
 * be cancelled. Uses the bundled worker (out/pool-worker.js: `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lower } from '../engine/helpers.js';
import { poolWorkerScript, RunPool, threadsFor } from '../../language/src/evaluation/pool.js';
import { SimulationCancelled } from '../../language/src/evaluation/simulation.js';
import { singleRuns } from '../../language/src/decisions/run-families.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const KNAPSACK = path.join(__dirname, 'models', 'knapsack.choke');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');

function cli(...args: string[]): string {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
}

const pools: RunPool[] = [];
afterAll(async () => {
    await Promise.all(pools.map(p => p.close()));
});

describe('the run pool', () => {
    it('has its worker bundle, free of Langium', () => {
        const script = poolWorkerScript();
        expect(script).toBeDefined();
        expect(readFileSync(script!, 'utf8')).not.toMatch(/langium/i);
    });

    it('gives optimize and rank the same bytes on 1 and 2 threads', () => {
        for (const args of [
            ['optimize', KNAPSACK, '--budget', '10 million JPY', '--json'],
            ['rank', JAPAN, '--json'],
            ['optimize', JAPAN, '--budget', '100 billion JPY']
        ]) {
            expect(cli(...args, '--threads', '2')).toBe(cli(...args, '--threads', '1'));
        }
    });

    it('returns each run at its index whatever thread ran it, and equals this thread', async () => {
        const model = await lower(readFileSync(KNAPSACK, 'utf8'));
        const runs = [[0], [0, 1], [0, 2], [0, 3], [0, 1, 2, 3], [], [0, 4], [0, 2, 3]];
        const one = new RunPool(model, 1),
            two = new RunPool(model, 2);
        pools.push(one, two);
        expect(two.size).toBe(2);
        const repeated = Array.from({ length: 20 }, () => runs).flat();
        expect(JSON.stringify(await two.run(repeated))).toBe(JSON.stringify(await one.run(repeated)));
    });

    it('collects a shared batch (written into shared memory, waited for without the event loop) equal to this thread', async () => {
        const model = await lower(readFileSync(KNAPSACK, 'utf8'));
        const runs = Array.from({ length: 40 }, (_, i) => [0, ...[1, 2, 3, 4].filter(m => (i >> (m - 1)) & 1)]);
        const two = new RunPool(model, 2),
            one = new RunPool(model, 1);
        pools.push(two, one);
        // Let the workers start, as run --json lets them while it simulates.
        await new Promise(resolve => setTimeout(resolve, 200));
        expect(JSON.stringify(two.runShared(singleRuns(runs)).wait())).toBe(JSON.stringify(await one.run(runs)));
        expect(JSON.stringify(one.runShared(singleRuns(runs)).wait())).toBe(JSON.stringify(await one.run(runs)));
    });

    it('stops a batch when cancelled', async () => {
        const model = await lower(readFileSync(KNAPSACK, 'utf8'));
        const pool = new RunPool(model, 2);
        pools.push(pool);
        const running = pool.run(Array.from({ length: 20000 }, () => [0, 1, 2]));
        pool.cancel();
        await expect(running).rejects.toBeInstanceOf(SimulationCancelled);
    });

    it('stays on this thread for small sweeps', async () => {
        const model = await lower(readFileSync(KNAPSACK, 'utf8'));
        expect(threadsFor(model, 10)).toBe(1);
        expect(threadsFor(model, 10, 2)).toBe(2);
    });
});
