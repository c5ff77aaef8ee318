/**
 * `run --json` on worker threads (language/src/cli/results-json.ts, RunPool.runScenarios): this
 * thread takes the baseline and scenarios from the front, the workers from the back
 * (run-ends.ts), and each scenario is written in result order as soon as it and those before
 * it are in. The bytes are those of one thread, whatever the number of threads. Uses the built
 * worker bundle (out/pool-worker.js, `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEnds, takeBack, takeFront } from '../../language/src/evaluation/run-ends.js';
import { generateModel } from '../engine/generated-model.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');
const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-scenario-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('run --json on several threads', () => {
    it('prints the bytes of one thread on two and on three, with plants, measures and targets', () => {
        const file = path.join(dir, 'generated.choke');
        writeFileSync(file, generateModel({ nodes: 120, flows: 300, scenarios: 5, periods: 36 }));
        const one = cli('run', file, '--json', '--threads', '1');
        expect(one.status).toBe(0);
        const parsed = JSON.parse(one.stdout) as { scenarios: { name: string }[]; measures: Record<string, unknown> };
        expect(parsed.scenarios.map(s => s.name)).toEqual(['baseline', 'Sc0', 'Sc1', 'Sc2', 'Sc3', 'Sc4']);
        expect(Object.keys(parsed.measures).length).toBeGreaterThan(0);
        for (const threads of ['2', '3']) {
            const many = cli('run', file, '--json', '--threads', threads);
            expect(many.status).toBe(0);
            expect(many.stdout === one.stdout, `--threads ${threads}`).toBe(true);
        }
    });

    it('prints the same bytes for the Japan example and one of its scenarios', () => {
        for (const extra of [[], ['--scenario', 'ShockEmbargo']]) {
            const one = cli('run', JAPAN, '--json', '--threads', '1', ...extra);
            const two = cli('run', JAPAN, '--json', '--threads', '2', ...extra);
            expect(one.status).toBe(0);
            expect(two.stdout === one.stdout).toBe(true);
        }
    });
});

describe('runs shared from both ends', () => {
    it('hands out every run once, the front in order and the back in reverse', () => {
        const ends = runEnds(5);
        expect([takeFront(ends), takeBack(ends), takeFront(ends), takeBack(ends), takeFront(ends)]).toEqual([0, 4, 1, 3, 2]);
        expect([takeFront(ends), takeBack(ends)]).toEqual([-1, -1]);
        expect(takeFront(runEnds(0))).toBe(-1);
        expect(() => runEnds(40_000)).toThrow(/at most 32767 runs/);
    });
});
