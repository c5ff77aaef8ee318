import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The protocol suite run by a second, independent LSP client: Neovim's own (headless), driving
 * the bundled server (`out/server.js`, build it first) over stdio on the Japan example.
 * `npm test` runs `scripts/setup-test-packages.sh` first, which installs Neovim (Debian's 0.7.2 works):
 * without it this suite fails, saying so, rather than being skipped.
 */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const installed = nvim.status === 0;

describe('Neovim as the LSP client', () => {
    test('Neovim is installed (scripts/setup-test-packages.sh)', () => {
        expect(installed, 'nvim is not on PATH: run scripts/setup-test-packages.sh (npm test does)').toBe(true);
    });

    test.runIf(installed)(
        'diagnostics, hover, completion, definition into the library, a lens command, formatting',
        () => {
            const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-nvim-'));
            const report = path.join(dir, 'report.txt');
            try {
                const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'luafile test/neovim/protocol.lua'], {
                    encoding: 'utf8',
                    timeout: 120_000,
                    env: { ...process.env, CHOKEPOINT_NVIM_REPORT: report, CHOKEPOINT_NODE: process.execPath }
                });
                const lines = readFileSync(report, 'utf8').trim().split('\n');
                expect(lines.filter(l => l.startsWith('FAIL'))).toEqual([]);
                expect(lines.filter(l => l.startsWith('ok')).length).toBe(14);
                expect(lines).toContain('message Automotive');
                expect(run.status).toBe(0);
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        },
        130_000
    );
});
