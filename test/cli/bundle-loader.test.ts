/**
 * out/cli.js and out/server.js (language/src/loading/bundle-loader.ts) load their bundle through
 * V8's code cache, kept under the system's temporary folder. The cache is written once, used
 * after, replaced when V8 refuses it, and never changes a byte of output. Uses the built bundles
 * (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');
const dirs: string[] = [];
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-loader-'));
    dirs.push(dir);
    return dir;
}

function runJapan(tmp: string, env: Record<string, string> = {}) {
    const run = spawnSync(process.execPath, [CLI, 'run', JAPAN, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '', ...env }
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
}

function cacheFiles(tmp: string): string[] {
    try {
        return readdirSync(path.join(tmp, 'chokepoint-compile-cache')).map(f => path.join(tmp, 'chokepoint-compile-cache', f));
    } catch {
        return [];
    }
}

describe('the bundle loader', () => {
    it('writes the cache at the first run, reads it after, and the output stays the same', () => {
        const tmp = tempDir();
        const first = runJapan(tmp);
        const [cache] = cacheFiles(tmp);
        expect(path.basename(cache ?? '')).toMatch(/^cli-main-[0-9a-f]{16}\.bin$/);
        const written = statSync(cache);
        expect(written.size).toBeGreaterThan(100_000);
        // Accepted by V8, so not written again.
        expect(runJapan(tmp) === first).toBe(true);
        expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
        expect(cacheFiles(tmp)).toEqual([cache]);
    });

    it('replaces a cache V8 refuses, with the same output', () => {
        const tmp = tempDir();
        const first = runJapan(tmp);
        const [cache] = cacheFiles(tmp);
        writeFileSync(cache, 'not a code cache');
        expect(runJapan(tmp) === first).toBe(true);
        expect(statSync(cache).size).toBeGreaterThan(100_000);
        expect(readFileSync(cache).subarray(0, 16).toString()).not.toBe('not a code cache');
    });

    it("deletes the caches of the bundle's earlier builds when it writes one", () => {
        const tmp = tempDir();
        const folder = path.join(tmp, 'chokepoint-compile-cache');
        mkdirSync(folder);
        writeFileSync(path.join(folder, 'cli-main-0123456789abcdef.bin'), 'an earlier build');
        writeFileSync(path.join(folder, 'server-main-0123456789abcdef.bin'), 'another bundle');
        runJapan(tmp);
        const names = cacheFiles(tmp).map(f => path.basename(f));
        expect(names).toContain('server-main-0123456789abcdef.bin');
        expect(names.filter(n => n.startsWith('cli-main-'))).toHaveLength(1);
        expect(names).not.toContain('cli-main-0123456789abcdef.bin');
    });

    it('keeps no cache with NODE_DISABLE_COMPILE_CACHE', () => {
        const tmp = tempDir();
        const withCache = runJapan(tempDir());
        expect(runJapan(tmp, { NODE_DISABLE_COMPILE_CACHE: '1' }) === withCache).toBe(true);
        expect(cacheFiles(tmp)).toEqual([]);
    });

    it('loads bundles that require only Node modules (the loader passes its own require)', () => {
        for (const bundle of ['out/cli-main.js', 'out/server-main.js']) {
            const text = readFileSync(path.join(ROOT, bundle), 'utf8');
            const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
            expect(required.length, bundle).toBeGreaterThan(3);
            expect(
                required.filter(id => !isBuiltin(id)),
                bundle
            ).toEqual([]);
        }
    });
});
