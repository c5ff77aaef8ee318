/**
 * What warming the run pool buys (docs/performance.md, "Sweeps on all cores"): the first batch
 * on a cold pool (workers started with the batch: thread start, the engine bundle loaded, the
 * model copied, the engine compiled while it runs) against the first batch on a pool whose
 * `warm()` resolved, and what `warm()` itself takes. Japan example, the last scenario's runs;
 * fresh pools of 2 workers, median of 5. `node test/bench/run.mjs pool-warm`.
 */
import * as path from 'node:path';
import { RunPool } from '../../language/src/evaluation/pool.js';
import { japanModel, median, ms, table } from './util.js';

const ROOT = process.cwd();
const WORKER = path.join(ROOT, 'out/pool-worker.js');
const THREADS = 2;

export async function bench(): Promise<{ title: string; markdown: string }> {
    const model = await japanModel();
    const scenario = model.scenarios[model.scenarios.length - 1].events;
    const rows: (string | number)[][] = [];
    for (const count of [100, 1000]) {
        const runs = Array.from({ length: count }, () => scenario);
        const cold: number[] = [],
            warmUp: number[] = [],
            warm: number[] = [],
            second: number[] = [];
        for (let i = 0; i < 5; i++) {
            let start = performance.now();
            const coldPool = new RunPool(model, THREADS, WORKER);
            await coldPool.run(runs);
            cold.push(performance.now() - start);
            await coldPool.close();

            start = performance.now();
            const warmPool = new RunPool(model, THREADS, WORKER);
            await warmPool.warm();
            warmUp.push(performance.now() - start);
            start = performance.now();
            await warmPool.run(runs);
            warm.push(performance.now() - start);
            start = performance.now();
            await warmPool.run(runs);
            second.push(performance.now() - start);
            await warmPool.close();
        }
        rows.push([count, ms(median(cold)), ms(median(warmUp)), ms(median(warm)), ms(median(second))]);
    }
    const markdown = [
        `Fresh pools of ${THREADS} workers over the Japan example (the last scenario's runs), median of 5:`,
        '',
        table(['runs', 'first batch, cold pool', 'warm() itself', 'first batch after warm()', 'next batch'], rows),
        ''
    ].join('\n');
    return { title: 'Warming the run pool', markdown };
}
