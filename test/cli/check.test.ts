import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../language/src/cli/main.js';
import { generateModel } from '../engine/generated-model.js';

const REPO = path.resolve(__dirname, '..', '..');

/** Runs `chokepoint ARGS` in-process; returns exit code, stdout lines and stderr lines. */
async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
        args,
        s => out.push(...s.split('\n')),
        s => err.push(...s.split('\n'))
    );
    return { code, out, err };
}

const BROKEN = [
    'supplier Lynas in Malaysia { produces REE 100 t }',
    'consumer Makers in Japan { needs REE 80 t/month }',
    'flow Lynas -> Makrs { REE 80 t/month }',
    ''
].join('\n');

const CLEAN = [
    'horizon 2026-01 to 2026-12',
    'supplier Lynas in Malaysia { produces REE 100 t/month }',
    'consumer Makers in Japan { needs REE 80 t/month }',
    'flow Lynas -> Makers { REE 80 t/month }',
    ''
].join('\n');

describe('chokepoint check', () => {
    let dir: string;
    let previous: string;
    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-cli-'));
        previous = process.cwd();
        // Paths are printed relative to the working directory.
        process.chdir(dir);
    });
    afterEach(() => {
        process.chdir(previous);
        rmSync(dir, { recursive: true, force: true });
    });

    test('prints file:line:col: severity: message [code], then a summary; exit 1 on errors', async () => {
        writeFileSync('broken.choke', BROKEN);
        const { code, out, err } = await run('check', 'broken.choke');
        expect(out).toEqual([
            'broken.choke:1:43: error: `produces REE` in supplier Lynas must be a rate (t/yr, t/month, t/week, t/day or kt/yr) such as `18000 t/yr`, not `100 t` (a quantity). [unit-kind]',
            "broken.choke:3:15: error: Unknown plant, consumer or reserve 'Makrs' in a flow's destination: did you mean 'Makers'? [unknown-name]",
            '2 errors, 0 warnings, 0 hints in 1 file'
        ]);
        expect([code, err]).toEqual([1, []]);
    });

    test('a clean model exits 0; warnings and hints alone exit 0', async () => {
        writeFileSync('clean.choke', CLEAN);
        expect(await run('check', 'clean.choke')).toEqual({ code: 0, out: ['0 errors, 0 warnings, 0 hints in 1 file'], err: [] });
        writeFileSync('hinted.choke', CLEAN + 'supplier Spare in Vietnam { produces REE 1 t/month }\nreserve Idle in Japan { holds REE 1 t }\n');
        const { code, out } = await run('check', 'hinted.choke');
        expect(out.map(l => l.replace(/: (warning|hint): .* \[/, ': $1: … ['))).toEqual([
            'hinted.choke:5:10: hint: … [unused-supplier]',
            'hinted.choke:6:9: warning: … [reserve-serves-nobody]',
            '0 errors, 1 warning, 1 hint in 1 file'
        ]);
        expect(code).toBe(0);
    });

    test('a directory is recursed (sorted, hidden folders and node_modules skipped); output sorted by file then position', async () => {
        mkdirSync('models/sub', { recursive: true });
        mkdirSync('models/.hidden');
        mkdirSync('models/node_modules');
        writeFileSync('models/b.choke', 'region A\nregion A\n');
        writeFileSync('models/a.choke', 'region Z\nregion Z\n');
        writeFileSync('models/sub/c.choke', CLEAN);
        writeFileSync('models/.hidden/x.choke', 'garbage');
        writeFileSync('models/node_modules/y.choke', 'garbage');
        writeFileSync('models/notes.txt', 'not a model');
        const { code, out } = await run('check', 'models');
        expect(out.map(l => l.replace(/ '.*$/, ''))).toEqual([
            'models/a.choke:1:8: error:',
            'models/a.choke:2:8: error:',
            'models/b.choke:1:8: error:',
            'models/b.choke:2:8: error:',
            '4 errors, 0 warnings, 0 hints in 3 files'
        ]);
        expect(code).toBe(1);
    });

    test('--format github prints workflow annotations (hints as notices, properties escaped)', async () => {
        writeFileSync('broken.choke', BROKEN);
        writeFileSync('hint.choke', 'bloc Quad { members Japan }\n');
        const { code, out } = await run('check', '--format', 'github', 'broken.choke', 'hint.choke');
        expect(out).toEqual([
            '::error file=broken.choke,line=1,col=43,title=unit-kind::`produces REE` in supplier Lynas must be a rate (t/yr, t/month, t/week, t/day or kt/yr) such as `18000 t/yr`, not `100 t` (a quantity).',
            "::error file=broken.choke,line=3,col=15,title=unknown-name::Unknown plant, consumer or reserve 'Makrs' in a flow's destination: did you mean 'Makers'?",
            "::notice file=hint.choke,line=1,col=6,title=replaces-library::'Quad' replaces the standard library's declaration of the same name; this file and those that import it use this one.",
            '2 errors, 0 warnings, 1 hint in 2 files'
        ]);
        expect(code).toBe(1);
        expect((await run('check', '--format=github', 'hint.choke')).code).toBe(0);
        // `%`, `,` and `:` are escaped as GitHub requires (data: %25; properties also %2C and %3A).
        writeFileSync('odd,name.choke', 'horizon 2026-01 to 2026-12\nshock S { embargo China -> Japan cut 120% }\nscenario A probability 100% { S }\n');
        expect((await run('check', '--format', 'github', 'odd,name.choke')).out[0]).toBe(
            '::error file=odd%2Cname.choke,line=2,col=38,title=out-of-range::`cut` in shock S is `120%25`; it must be between 0%25 and 100%25.'
        );
    });

    test('a file that is not UTF-8 gets a clear error with its first bad byte', async () => {
        writeFileSync('latin1.choke', Buffer.concat([Buffer.from('region Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
        const { code, out } = await run('check', 'latin1.choke');
        expect(out).toEqual([
            'latin1.choke:1:1: error: This file is not valid UTF-8 text (first bad byte at offset 10); save it as UTF-8. [not-utf8]',
            '1 error, 0 warnings, 0 hints in 1 file'
        ]);
        expect(code).toBe(1);
    });

    test('an empty file is a warning, not an error', async () => {
        writeFileSync('empty.choke', '');
        writeFileSync('blank.choke', '\n   \n');
        const { code, out } = await run('check', 'empty.choke', 'blank.choke');
        expect(out).toEqual([
            'blank.choke:1:1: warning: This file declares nothing (it is empty or holds only comments); add declarations or delete it. [empty-file]',
            'empty.choke:1:1: warning: This file declares nothing (it is empty or holds only comments); add declarations or delete it. [empty-file]',
            '0 errors, 2 warnings, 0 hints in 2 files'
        ]);
        expect(code).toBe(0);
    });

    test('a missing file is a usage error (exit 2) with a one-line message; other paths are still checked', async () => {
        writeFileSync('clean.choke', CLEAN);
        const { code, out, err } = await run('check', 'nope.choke', 'clean.choke');
        expect(err).toEqual(['chokepoint: no such file or directory: nope.choke']);
        expect(out).toEqual(['0 errors, 0 warnings, 0 hints in 1 file']);
        expect(code).toBe(2);
    });

    test('an import of a missing file is an error on the import line', async () => {
        writeFileSync('main.choke', 'import "./gone.choke"\nregion A\n');
        const { code, out } = await run('check', 'main.choke');
        expect(out[0]).toBe(
            `main.choke:1:8: error: Cannot import './gone.choke': there is no file ${path.join(dir, 'gone.choke')} (import paths are relative to the importing file). [import-not-found]`
        );
        expect(code).toBe(1);
    });

    test('usage errors exit 2: no command, unknown command, no path, unknown option, bad format, empty directory', async () => {
        mkdirSync('nothing');
        for (const args of [
            [],
            ['frobnicate'],
            ['check'],
            ['check', '--strict', 'x.choke'],
            ['check', '--format', 'xml', 'x.choke'],
            ['check', '--format=xml', 'x.choke'],
            ['check', 'nothing']
        ]) {
            const { code, err } = await run(...args);
            expect(code, args.join(' ')).toBe(2);
            expect(err.join('\n'), args.join(' ')).not.toMatch(/\n\s+at /); // never a stack trace
        }
        expect((await run('check', 'nothing')).err).toEqual(['chokepoint: no .choke files in directory nothing']);
        expect((await run('check', '--format', 'xml', 'x.choke')).err[0]).toBe("--format takes 'plain' or 'github', not 'xml'.");
        expect((await run('--help')).code).toBe(0);
    });
});

describe('the bundled CLI (out/cli.js)', () => {
    test('runs as a program: output, summary and exit code', () => {
        const cli = path.join(REPO, 'out', 'cli.js');
        expect(existsSync(cli), 'run `node esbuild.mjs` (npm test does) before this test').toBe(true);
        const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bin-'));
        try {
            writeFileSync(path.join(dir, 'broken.choke'), BROKEN);
            const result = spawnSync(process.execPath, [cli, 'check', 'broken.choke'], { cwd: dir, encoding: 'utf8' });
            expect(result.stdout.split('\n')).toEqual([
                'broken.choke:1:43: error: `produces REE` in supplier Lynas must be a rate (t/yr, t/month, t/week, t/day or kt/yr) such as `18000 t/yr`, not `100 t` (a quantity). [unit-kind]',
                "broken.choke:3:15: error: Unknown plant, consumer or reserve 'Makrs' in a flow's destination: did you mean 'Makers'? [unknown-name]",
                '2 errors, 0 warnings, 0 hints in 1 file',
                ''
            ]);
            expect([result.status, result.stderr]).toEqual([1, '']);
            const missing = spawnSync(process.execPath, [cli, 'check', 'missing.choke'], { cwd: dir, encoding: 'utf8' });
            expect([missing.status, missing.stderr]).toEqual([2, 'chokepoint: no such file or directory: missing.choke\n']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test('run --json prints the bytes it prints in-process (written as bytes, in chunks)', async () => {
        const cli = path.join(REPO, 'out', 'cli.js');
        const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bin-'));
        try {
            // Large enough for several 1 MB chunks.
            const file = path.join(dir, 'large.choke');
            writeFileSync(file, generateModel({ nodes: 300, flows: 700, scenarios: 5, periods: 150 }));
            const lines: string[] = [];
            expect(
                await main(
                    ['run', file, '--json'],
                    s => lines.push(s),
                    () => undefined
                )
            ).toBe(0);
            const expected = lines.join('\n') + '\n';
            expect(expected.length).toBeGreaterThan(2 << 20);
            const result = spawnSync(process.execPath, [cli, 'run', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
            expect([result.status, result.stderr]).toEqual([0, '']);
            expect(result.stdout === expected).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
