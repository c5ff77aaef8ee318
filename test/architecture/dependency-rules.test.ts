/**
 * The dependency and purity rules fail when broken. Each case writes a small tree of sources
 * into a temporary copy of the project's layout (same configs, the same node_modules), with one
 * forbidden import or call, and runs the real checker on it: dependency-cruiser with
 * .dependency-cruiser.cjs, ESLint with eslint.config.mjs. A clean tree passes both.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

/** A tiny project shaped like the real one: each package's entry and one engine module. */
const CLEAN: Record<string, string> = {
    'language/src/engine/simulate.ts':
        "import type { LoweredModel } from '../lowering/model.js';\nexport const simulate = (model: LoweredModel): number => model.periods;\n",
    'language/src/lowering/model.ts': 'export interface LoweredModel { periods: number }\n',
    'language/src/evaluation/simulation.ts': "export { simulate } from '../engine/simulate.js';\n",
    'language/src/index.ts': "export { simulate } from './evaluation/simulation.js';\n",
    'language/src/view.ts': 'export const displayNumber = (value: number): string => String(value);\n',
    'server/src/protocol.ts': "export const ResultsRequest = 'chokepoint/results';\n",
    'server/src/index.ts': "export * from './protocol.js';\n",
    'server/src/runner.ts': "import { simulate } from '../../language/src/index.js';\nexport const run = simulate;\n",
    'client/src/extension.ts':
        "import { ResultsRequest } from '../../server/src/index.js';\nimport { displayNumber } from '../../language/src/view.js';\nexport const shown = `${ResultsRequest} ${displayNumber(1)}`;\n"
};

let dirs: string[] = [];
afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
});

function project(extra: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-rules-'));
    dirs.push(dir);
    for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'eslint.config.mjs', 'choke-text.d.ts'])
        copyFileSync(path.join(ROOT, file), path.join(dir, file));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

interface Violation {
    rule: { name: string };
    from: string;
    to: string;
}

/** The rules dependency-cruiser reports broken, as `rule: from -> to`. */
function dependencyViolations(dir: string): string[] {
    const run = spawnSync(process.execPath, [DEPCRUISE, 'language', 'server', 'client', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
        cwd: dir,
        encoding: 'utf8'
    });
    const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
    // A package is reported where it resolves (the node_modules link leads out of `dir`).
    return report.summary.violations.map(v => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\//, 'node_modules/')}`);
}

/** The exit code of the check as `npm run lint:deps` runs it (0: every rule kept). */
function lintDepsStatus(dir: string): number | null {
    return spawnSync(process.execPath, [DEPCRUISE, 'language', 'server', 'client', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8' })
        .status;
}

describe('dependency rules (dependency-cruiser)', () => {
    test('a tree that keeps them passes', () => {
        const dir = project({});
        expect(dependencyViolations(dir)).toEqual([]);
        expect(lintDepsStatus(dir)).toBe(0);
    });

    test('server code importing the engine directly, not through the entry, fails', () => {
        const dir = project({ 'server/src/shortcut.ts': "import { simulate } from '../../language/src/engine/simulate.js';\nexport const run = simulate;\n" });
        expect(dependencyViolations(dir).sort()).toEqual([
            'one-evaluator: server/src/shortcut.ts -> language/src/engine/simulate.ts',
            'server-imports-language-through-its-entry: server/src/shortcut.ts -> language/src/engine/simulate.ts'
        ]);
        // So `npm run lint`, hence `npm test`, fails.
        expect(lintDepsStatus(dir)).not.toBe(0);
    });

    test('language code running the engine itself, not through evaluation/, fails', () => {
        const dir = project({ 'language/src/cli/run.ts': "import { simulate } from '../engine/simulate.js';\nexport const run = simulate;\n" });
        expect(dependencyViolations(dir)).toEqual(['one-evaluator: language/src/cli/run.ts -> language/src/engine/simulate.ts']);
    });

    test('the engine importing Langium, a Node built-in or the syntax tree fails', () => {
        const dir = project({
            'language/src/engine/impure.ts':
                "import { URI } from 'langium';\nimport { readFileSync } from 'node:fs';\nimport type { Model } from '../generated/ast.js';\n" +
                'export const probe = (m: Model) => [URI, readFileSync, m];\n',
            'language/src/generated/ast.ts': 'export interface Model { name: string }\n'
        });
        expect(dependencyViolations(dir).sort()).toEqual([
            'engine-imports-no-langium-lsp-or-vscode: language/src/engine/impure.ts -> fs',
            'engine-imports-no-langium-lsp-or-vscode: language/src/engine/impure.ts -> node_modules/langium/lib/index.d.ts',
            'engine-imports-only-the-lowered-model-and-values: language/src/engine/impure.ts -> language/src/generated/ast.ts'
        ]);
    });

    test('dependencies pointing the wrong way (language -> server, server -> client, client -> server internals) fail', () => {
        const dir = project({
            'language/src/upward.ts': "import { ResultsRequest } from '../../server/src/index.js';\nexport const up = ResultsRequest;\n",
            'server/src/upward.ts': "import { shown } from '../../client/src/extension.js';\nexport const up = shown;\n",
            'client/src/inside.ts': "import { ResultsRequest } from '../../server/src/protocol.js';\nexport const inside = ResultsRequest;\n"
        });
        expect(dependencyViolations(dir).sort()).toEqual([
            'client-imports-server-through-its-entry: client/src/inside.ts -> server/src/protocol.ts',
            'language-imports-no-server-or-client: language/src/upward.ts -> server/src/index.ts',
            'server-imports-no-client: server/src/upward.ts -> client/src/extension.ts'
        ]);
    });

    test('an import loop between lowering and the engine fails, even through types only', () => {
        const dir = project({
            'language/src/lowering/model.ts':
                "import type { StepUnit } from '../engine/results.js';\nexport interface LoweredModel { periods: number, step: StepUnit }\n",
            'language/src/engine/results.ts':
                "import type { LoweredModel } from '../lowering/model.js';\nexport type StepUnit = 'month';\nexport type Of = LoweredModel;\n"
        });
        // A loop is reported once, from where the checker entered it.
        expect(dependencyViolations(dir)).toEqual(['no-cycles-through-the-model: language/src/engine/results.ts -> language/src/lowering/model.ts']);
    });

    test('a runtime import loop fails', () => {
        const dir = project({
            'server/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
            'server/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n"
        });
        expect(dependencyViolations(dir)).toEqual(['no-import-cycles: server/src/a.ts -> server/src/b.ts']);
    });

    test('tests may import anything', () => {
        const dir = project({
            'test/engine/direct.test.ts': "import { simulate } from '../../language/src/engine/simulate.js';\nexport const s = simulate;\n"
        });
        const run = spawnSync(
            process.execPath,
            [DEPCRUISE, 'language', 'server', 'client', 'test', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
            { cwd: dir, encoding: 'utf8' }
        );
        expect((JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations).toEqual([]);
    });
});

describe('engine purity (ESLint)', () => {
    test('a clock, scheduling or unseeded randomness in the engine fails; the same outside the engine passes', () => {
        const impure = 'export const t = (): number => performance.now() + Math.random();\nsetImmediate(() => undefined);\n';
        const dir = project({ 'language/src/engine/clock.ts': impure, 'server/src/clock.ts': impure });
        const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', 'language/src/engine/clock.ts', 'server/src/clock.ts'], {
            cwd: dir,
            encoding: 'utf8'
        });
        const files = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
        const found = files.flatMap(f => f.messages.map(m => `${path.relative(dir, f.filePath)}:${m.line} ${m.ruleId}`));
        expect(found).toEqual([
            'language/src/engine/clock.ts:1 no-restricted-globals',
            'language/src/engine/clock.ts:1 no-restricted-properties',
            'language/src/engine/clock.ts:2 no-restricted-globals'
        ]);
        expect(run.status).toBe(1);
    });
});
