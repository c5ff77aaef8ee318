/**
 * `run --samples N` on several threads (language/src/cli/sample-threads.ts): a worker loads the
 * files again and draws chunks of samples from the shared counter; the draws, put back in
 * sample order, are those of one thread, so the output is the same bytes. Uses the built
 * worker bundle (out/samples-worker.js, `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { drawSamplesOnThreads, SAMPLE_CHUNK } from '../../language/src/cli/sample-threads.js';
import { drawSamples } from '../../language/src/evaluation/uncertainty.js';
import { loadModel } from '../../language/src/loading/load.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');

async function japan() {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, [JAPAN]);
    return { root: loaded.roots[0], documents: services.shared.workspace.LangiumDocuments };
}

function cli(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('samples drawn on several threads', () => {
    const options = { samples: 40, seed: 7 };

    it('a worker alone draws the same samples as this thread, chunk by chunk from the shared counter', async () => {
        const { root, documents } = await japan();
        const alone = drawSamples(root, documents, options, 0, 40);
        if (alone.status !== 'ok') throw new Error(alone.status);
        // Japan's four ranges (stockpile days, recycling, ...) drawn in every sample.
        expect(alone.ranges).toBe(4);
        const chunks: Array<[number, number, number]> = [];
        const threaded = await drawSamplesOnThreads(root, documents, { file: JAPAN }, options, { from: 0, to: 40 }, 2, {
            drawHere: false,
            onChunk: (thread, from, to) => chunks.push([thread, from, to])
        });
        expect(threaded).toEqual(alone);
        // Only the worker (thread 1) drew, in chunks of SAMPLE_CHUNK: 0-8, 8-16, ... 32-40.
        expect(chunks.map(([thread]) => thread)).toEqual([1, 1, 1, 1, 1]);
        expect(chunks.map(([, from, to]) => [from, to])).toEqual([0, 8, 16, 24, 32].map(k => [k, k + SAMPLE_CHUNK]));
    });

    it('this thread and a worker together: the same draws, a range starting past 0 included', async () => {
        const { root, documents } = await japan();
        const alone = drawSamples(root, documents, options, 13, 40);
        const together = await drawSamplesOnThreads(root, documents, { file: JAPAN }, options, { from: 13, to: 40 }, 2);
        expect(together).toEqual(alone);
        if (together.status !== 'ok') throw new Error(together.status);
        expect(together.draws).toHaveLength(27);
    });

    it('`run --samples --json` prints the same bytes on one thread and on two', () => {
        const one = cli('run', JAPAN, '--samples', '120', '--seed', '3', '--json', '--threads', '1');
        const two = cli('run', JAPAN, '--samples', '120', '--seed', '3', '--json', '--threads', '2');
        expect(one.status).toBe(0);
        expect(two.status).toBe(0);
        expect(two.stdout).toBe(one.stdout);
        const uncertainty = (JSON.parse(one.stdout) as { uncertainty: { samples: number; ranges: number } }).uncertainty;
        expect([uncertainty.samples, uncertainty.ranges]).toEqual([120, 4]);
    });

    it('`--threads` without `--samples` or `--json` is a usage error', () => {
        const run = cli('run', JAPAN, '--threads', '2');
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('--threads sets the threads of `run --samples N` or `run --json`');
    });
});
