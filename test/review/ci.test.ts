/**
 * docs/ci.md's workflow: its `run:` commands (read from the page itself) run in a temporary
 * git repository with an `origin` holding `main`, as GitHub Actions would run them on a pull
 * request, with the built CLI standing for `npx chokepoint`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { makerModel, TempRepo } from './repo.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out', 'cli.js');

/** The workflow's steps with a `run:` (name and shell text), in order, from docs/ci.md. */
function workflowSteps(): { name: string; script: string }[] {
    const page = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(page)![1].split('\n');
    const steps: { name: string; script: string }[] = [];
    let name = '';
    for (let i = 0; i < yaml.length; i++) {
        const line = yaml[i];
        const named = /^\s+- name: (.*)$/.exec(line);
        if (named) name = named[1];
        const run = /^(\s+)(?:- )?run: (.*)$/.exec(line);
        if (!run) continue;
        if (run[2] === '|') {
            const body: string[] = [];
            while (i + 1 < yaml.length && /^\s{10,}\S/.test(yaml[i + 1])) body.push(yaml[++i].trim());
            steps.push({ name, script: body.join('\n') });
        } else steps.push({ name: line.includes('- run:') ? '' : name, script: run[2] });
    }
    return steps.filter(s => !s.script.startsWith('npm ci'));
}

const repos: TempRepo[] = [];
beforeAll(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
}, 60_000);
afterAll(() => {
    for (const r of repos) r.remove();
});

/** A repository whose origin has main with the model at `stockDays`, checked out on a branch that changes it to `branchDays`. */
function pullRequest(mainDays: number, branchDays: number): TempRepo {
    const origin = new TempRepo(false);
    origin.git('init', '-q', '--bare', '-b', 'main');
    const r = new TempRepo();
    repos.push(origin, r);
    r.write('models/main.choke', makerModel(mainDays)).commit('main');
    r.git('remote', 'add', 'origin', origin.dir);
    r.git('push', '-q', 'origin', 'main');
    r.git('checkout', '-q', '-b', 'change');
    r.write('models/main.choke', makerModel(branchDays)).commit('the change');
    return r;
}

function runStep(r: TempRepo, script: string): { code: number | null; out: string; summary: string } {
    const summary = path.join(r.dir, '..', `${path.basename(r.dir)}-summary.md`);
    rmSync(summary, { force: true });
    const shell = script.replace(/npx chokepoint/g, `"${process.execPath}" "${CLI}"`);
    const run = spawnSync('bash', ['-e', '-c', shell], {
        cwd: r.dir,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_NAME: 'pull_request' }
    });
    let text = '';
    try {
        text = readFileSync(summary, 'utf8');
        rmSync(summary);
    } catch {
        /* no summary written */
    }
    return { code: run.status, out: run.stdout + run.stderr, summary: text };
}

describe("docs/ci.md: the workflow's commands", () => {
    test('the page has the three steps', () => {
        expect(workflowSteps().map(s => s.name)).toEqual(['Check the models', 'Targets as a gate', 'What this change does to the results']);
    });

    test('a pull request that keeps the targets: every step passes, the summary holds the table', () => {
        // 30 -> 90 days of stock: Curb's unmet 101.4 t -> 0 (see makerModel), the target now met.
        const r = pullRequest(30, 90);
        const [check, gate, diff] = workflowSteps().map(s => runStep(r, s.script));
        expect(check.code).toBe(0);
        expect(check.out).toContain('0 errors');
        expect(gate.code).toBe(0);
        expect(diff.code).toBe(0);
        expect(diff.summary).toContain('✅ **No target regression**');
        expect(diff.summary).toContain('| Curb | 50% | 101 t -> 0 t (−101 t) |');
        expect(diff.out).not.toContain('::error');
    });

    test('a pull request that breaks a target: the gate and the diff fail, with annotations', () => {
        const r = pullRequest(90, 30);
        const [check, gate, diff] = workflowSteps().map(s => runStep(r, s.script));
        expect(check.code).toBe(0);
        expect(gate.code).toBe(1);
        expect(gate.out).toContain('::error title=Target missed::NoShortage fails in Curb');
        expect(diff.code).toBe(1);
        expect(diff.summary).toContain('❌ **1 target regression**');
        expect(diff.out).toContain('::error file=models/main.choke,line=3,title=Target regression::stock REE 90 days -> 30 days');
    });

    test('a model with an error: the check step fails with an annotation on its line', () => {
        const r = pullRequest(90, 45);
        r.write('models/main.choke', makerModel(90).replace('flow Mine -> Maker', 'flow Mine -> Makr')).commit('typo');
        const check = runStep(r, workflowSteps()[0].script);
        expect(check.code).toBe(1);
        expect(check.out).toMatch(/::error file=models\/main\.choke,line=8,col=\d+/);
    });
});
