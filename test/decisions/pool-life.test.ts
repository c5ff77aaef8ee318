/**
 * The run pool kept by a long-lived caller (the language server): a cancelled batch leaves the
 * pool usable, with the same summaries as a fresh pool on one thread; `load` swaps the model;
 * a worker that stops fails its batch without hanging it and is replaced. Two threads each time
 * (the bundled worker, out/pool-worker.js: `npm run build`).
 *
 * test/decisions/models/knapsack.choke by hand (events: 0 Curb, 1 RecycleA, 2 RecycleB,
 * 3 RecycleC, 4 Free): the curb leaves three makers 300 t short each at JPY 1 million per t,
 * so [Curb] loses 900 t and 900e6; RecycleA recycles 20% of MakerA's 300 t, 60 t: [Curb,
 * RecycleA] loses 840e6; RecycleB and RecycleC 15%, 45 t each: all three lose 900 - 60 - 90 =
 * 750e6.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lower } from '../engine/helpers.js';
import { RunPool } from '../../language/src/evaluation/pool.js';
import { SimulationCancelled } from '../../language/src/evaluation/simulation.js';
import { evaluateMeasureValues, evaluateMeasureValuesWith } from '../../language/src/evaluation/measure-values.js';
import type { RunSummary } from '../../language/src/decisions/summary.js';

const KNAPSACK = readFileSync(path.join(__dirname, 'models', 'knapsack.choke'), 'utf8');
/** The same makers at JPY 2 million per t: every loss doubles. */
const DEARER = KNAPSACK.replaceAll('loss 1 million JPY per t', 'loss 2 million JPY per t');
const STOPPING_WORKER = path.join(__dirname, 'fixtures', 'stopping-pool-worker.mjs');

/** 8 kinds of run, repeated: 20,000 runs, 625 pieces of 32, far more than one message of results. */
const KINDS = [[0], [0, 1], [0, 2], [0, 3], [0, 1, 2, 3], [], [0, 4], [0, 2, 3]];
const SWEEP = Array.from({ length: 2500 }, () => KINDS).flat();

const pools: RunPool[] = [];
afterAll(async () => {
    await Promise.all(pools.map(p => p.close()));
});

function pool(model: Awaited<ReturnType<typeof lower>>, threads: number, script?: string): RunPool {
    const made = script ? new RunPool(model, threads, script) : new RunPool(model, threads);
    pools.push(made);
    return made;
}

const text = (summaries: RunSummary[]) => JSON.stringify(summaries);

describe('a run pool that outlives its batches', () => {
    it('gives the hand-computed losses on two threads', async () => {
        const two = pool(await lower(KNAPSACK), 2);
        expect(two.size).toBe(2);
        const [curb, recycleA, all] = await two.run([[0], [0, 1], [0, 1, 2, 3]]);
        expect(curb.unmet).toBe(900);
        expect(curb.loss).toEqual({ JPY: 900e6 });
        expect(recycleA.loss).toEqual({ JPY: 840e6 });
        expect(all.loss).toEqual({ JPY: 750e6 });
    });

    it('is usable after a batch aborted once its first results arrived, with the same summaries as a fresh pool', async () => {
        const model = await lower(KNAPSACK);
        const two = pool(model, 2);
        await two.warm();
        const controller = new AbortController();
        let progressSeen = 0;
        const cancelled = two.run(SWEEP, {
            signal: controller.signal,
            onProgress: done => {
                progressSeen = done;
                controller.abort();
            }
        });
        await expect(cancelled).rejects.toBeInstanceOf(SimulationCancelled);
        // Aborted mid-sweep: some results had come, far from all of them.
        expect(progressSeen).toBeGreaterThan(0);
        expect(progressSeen).toBeLessThan(SWEEP.length);
        const fresh = text(await pool(model, 1).run(SWEEP));
        expect(text(await two.run(SWEEP))).toBe(fresh);
        // And again after an abort by a timer of 0, wherever the workers were.
        const timed = new AbortController();
        const running = two.run(SWEEP, { signal: timed.signal });
        setTimeout(() => timed.abort(), 0);
        await expect(running).rejects.toBeInstanceOf(SimulationCancelled);
        expect(text(await two.run(SWEEP))).toBe(fresh);
    });

    it('is usable after cancel() stopped the batch in progress', async () => {
        const model = await lower(KNAPSACK);
        const two = pool(model, 2);
        const running = two.run(SWEEP);
        two.cancel();
        await expect(running).rejects.toBeInstanceOf(SimulationCancelled);
        const [curb, recycleA] = await two.run([[0], [0, 1]]);
        expect([curb.loss.JPY, recycleA.loss.JPY]).toEqual([900e6, 840e6]);
    });

    it('rejects at once a batch whose signal is already aborted, and runs the next', async () => {
        const two = pool(await lower(KNAPSACK), 2);
        const aborted = AbortSignal.abort();
        await expect(two.run(SWEEP, { signal: aborted })).rejects.toBeInstanceOf(SimulationCancelled);
        const one = pool(await lower(KNAPSACK), 1);
        await expect(one.run(SWEEP, { signal: aborted })).rejects.toBeInstanceOf(SimulationCancelled);
        expect((await two.run([[0, 1, 2, 3]]))[0].loss).toEqual({ JPY: 750e6 });
    });

    it('runs the batches after load(model) on the new model', async () => {
        const cheaper = await lower(KNAPSACK),
            dearer = await lower(DEARER);
        const two = pool(cheaper, 2);
        await two.run([[0]]);
        two.load(dearer);
        // Every loss doubles: 2 × 900e6, 2 × 840e6, 2 × 750e6.
        const summaries = await two.run([[0], [0, 1], [0, 1, 2, 3]]);
        expect(summaries.map(s => s.loss.JPY)).toEqual([1800e6, 1680e6, 1500e6]);
        expect(text(await two.run(SWEEP.slice(0, 800)))).toBe(text(await pool(dearer, 1).run(SWEEP.slice(0, 800))));
        two.load(cheaper);
        expect((await two.run([[0]]))[0].loss).toEqual({ JPY: 900e6 });
    });

    it('fails a batch whose worker stops, without hanging, and replaces the worker for the next', async () => {
        const model = await lower(KNAPSACK);
        const two = pool(model, 2, STOPPING_WORKER);
        await two.warm();
        await expect(two.run([...SWEEP.slice(0, 200), [3, 2, 1, 0]])).rejects.toThrow('A sweep worker stopped (exit code 7).');
        expect(two.size).toBe(2);
        expect(text(await two.run(SWEEP.slice(0, 800)))).toBe(text(await pool(model, 1).run(SWEEP.slice(0, 800))));
    });

    it("sends the measures' values as the plan's families: the same values as on this thread", async () => {
        const model = await lower(
            KNAPSACK.replace('scenario Curbed probability 100% { Curb }', 'scenario Curbed probability 100% { Curb, RecycleA, RecycleB }')
        );
        const two = pool(model, 2);
        const sent: number[] = [];
        const values = await evaluateMeasureValuesWith(model, {}, families => {
            sent.push(families.length);
            return two.runFamilies(families);
        });
        // One family for the one scenario with measures: itself, without RecycleA, without RecycleB.
        expect(sent).toEqual([1]);
        expect(JSON.stringify(values)).toBe(JSON.stringify(evaluateMeasureValues(model)));
        // Without RecycleA the scenario loses 60 t more: JPY 60 million avoided.
        expect(values.RecycleA.scenarios.Curbed.lossAvoided).toEqual({ JPY: 60e6 });
    });
});
