import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../language/src/cli/main.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-confined-'));
mkdirSync(path.join(dir, 'project', 'models'), { recursive: true });
mkdirSync(path.join(dir, 'elsewhere'));
// A model outside the project that would link if it were read (it declares Far).
writeFileSync(path.join(dir, 'elsewhere', 'far.choke'), 'supplier Far in Australia { produces REE 100 t/month }\n');
symlinkSync(path.join(dir, 'elsewhere', 'far.choke'), path.join(dir, 'project', 'models', 'link.choke'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(cwd: string, ...args: string[]) {
    const out: string[] = [],
        err: string[] = [];
    const before = process.cwd();
    process.chdir(cwd);
    try {
        const code = await main(
            ['check', ...args],
            s => out.push(...s.split('\n')),
            s => err.push(...s.split('\n'))
        );
        return { code, out, err };
    } finally {
        process.chdir(before);
    }
}

function model(...imports: string[]): string {
    const file = path.join(dir, 'project', 'models', 'main.choke');
    writeFileSync(file, [...imports.map(i => `import "${i}"`), 'horizon 2026-01 to 2026-12', 'consumer C in Japan { needs REE 10 t/month }', ''].join('\n'));
    return file;
}

describe('imports confined to the workspace (CLI)', () => {
    test('/etc/passwd: an error at the import, exit 1, no internal failure', async () => {
        model('/etc/passwd');
        const { code, out, err } = await check(path.join(dir, 'project'), 'models/main.choke');
        expect(err).toEqual([]);
        expect(out[0]).toMatch(/^models\/main\.choke:1:8: error: Cannot import '\/etc\/passwd': it lies outside the workspace .*\[import-outside-workspace\]$/);
        expect(code).toBe(1);
    });

    test('../ leaving the root, and a symbolic link out of it: refused, never read', async () => {
        model('../../elsewhere/far.choke', './link.choke');
        const { code, out } = await check(path.join(dir, 'project'), 'models/main.choke');
        expect(out.filter(l => l.includes(': error: ')).map(l => /\[([a-z-]+)\]$/.exec(l)?.[1])).toEqual([
            'import-outside-workspace',
            'import-outside-workspace'
        ]);
        expect(code).toBe(1);
    });

    test('--root widens the workspace: the same imports are read', async () => {
        model('../../elsewhere/far.choke');
        const { code, out } = await check(path.join(dir, 'project'), 'models/main.choke', '--root', dir);
        expect(out.filter(l => l.includes(': error: '))).toEqual([]);
        expect(code).toBe(0);
    });

    test('the default root is the common folder of the paths and the current folder', async () => {
        model('../../elsewhere/far.choke');
        // Run from `dir`: the common folder of dir and dir/project/models is dir, so elsewhere/ is inside.
        expect((await check(dir, 'project/models/main.choke')).code).toBe(0);
    });

    test('a file that is not .choke given to check: one clear error, never read; --root must be a folder', async () => {
        writeFileSync(path.join(dir, 'project', 'notes.txt'), 'not a model');
        const { code, out } = await check(path.join(dir, 'project'), 'notes.txt');
        expect(out[0]).toBe(
            'notes.txt:1:1: error: This is not a `.choke` file; only `.choke` files are models (rename it, or name the .choke file). [not-choke-file]'
        );
        expect(code).toBe(1);
        const wrongRoot = await check(path.join(dir, 'project'), 'models/main.choke', '--root', 'nowhere');
        expect([wrongRoot.code, wrongRoot.err]).toEqual([2, ["--root takes an existing folder, not 'nowhere'."]]);
    });
});
