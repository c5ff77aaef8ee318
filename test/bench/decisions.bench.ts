/**
 * Decision sweeps: `chokepoint optimize` with 12 candidates over the Japan scenarios (every
 * portfolio affordable: 4,096 × 4 runs), on one thread and on every core, as the built CLI in
 * a fresh process; and where the worker pool starts to pay (the crossover: pool startup and
 * the model's copy against the runs it shares out).
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunPool, sweepWork } from '../../language/src/evaluation/pool.js';
import { japanModel, median, ms, table } from './util.js';

const ROOT = process.cwd();
const CLI = path.join(ROOT, 'out/cli.js');
const WORKER = path.join(ROOT, 'out/pool-worker.js');
const JAPAN_12 = path.join(ROOT, 'test/bench/models/japan-12.choke');
const CANDIDATES =
    'ReleaseAtOnce,DualSourcing,ABStandards,Recycling,Substitution,MultiOfftake,DomesticMidstream,' +
    'DeepSeaMudProgramme,StockpileBuilding,EarlyRelease,ExtraRecycling,DefenceSubstitution';

function timedCli(args: string[]): { wall: number; cpu: number } {
    const before = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, CLI, ...args], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - before) / 1e6;
    const [user, sys] = (run.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
    return { wall, cpu: (user + sys) * 1000 };
}

export async function bench(): Promise<{ title: string; markdown: string }> {
    const optimizeArgs = ['optimize', JAPAN_12, '--budget', '10 trillion JPY', '--measures', CANDIDATES];
    const rows: (string | number)[][] = [];
    for (const threads of ['1', String(os.availableParallelism())]) {
        const runs = [0, 1, 2].map(() => timedCli([...optimizeArgs, '--threads', threads]));
        const wall = median(runs.map(r => r.wall)),
            cpu = median(runs.map(r => r.cpu));
        rows.push([threads, ms(wall), ms(cpu), (cpu / wall).toFixed(2)]);
    }

    const model = await japanModel();
    const scenario = model.scenarios[model.scenarios.length - 1].events;
    const crossover: (string | number)[][] = [];
    for (const count of [50, 100, 200, 400, 800, 1600, 3200]) {
        const runs = Array.from({ length: count }, () => scenario);
        const times = async (threads: number) =>
            median(
                await Promise.all([0, 1, 2].map(async () => 0)).then(async () => {
                    const samples: number[] = [];
                    for (let i = 0; i < 3; i++) {
                        const start = performance.now();
                        const pool = new RunPool(model, threads, WORKER);
                        await pool.run(runs);
                        await pool.close();
                        samples.push(performance.now() - start);
                    }
                    return samples;
                })
            );
        const one = await times(1),
            all = await times(os.availableParallelism());
        crossover.push([count, sweepWork(model, count).toLocaleString('en-US'), ms(one), ms(all), all < one ? 'pool' : 'this thread']);
    }
    const markdown = [
        `\`node out/cli.js optimize test/bench/models/japan-12.choke --budget "10 trillion JPY" --measures <12> --threads N\`: 12 candidates, ` +
            '4,096 portfolios × 4 scenarios with a probability = 16,384 runs, exact; median of 3 fresh processes. Target: ≤ 30 s with both cores.',
        '',
        table(['threads', 'wall', 'CPU (user + sys)', 'CPU ÷ wall'], rows),
        '',
        "Crossover: N runs of the Japan example's DualSystem scenario, in-process, pool started and closed inside the time " +
            '(median of 3). "Work" is runs × periods × (lines + consumer slots), the measure `threadsFor` compares with `POOL_MIN_WORK`.',
        '',
        table(['runs', 'work', 'this thread', `pool of ${os.availableParallelism()}`, 'faster'], crossover)
    ].join('\n');
    return { title: 'Decision sweeps (optimize, the run pool)', markdown };
}
