import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// The webview script runs in a browser: it has its own tsconfig (with the DOM library),
// which the project's `tsc -p .` does not cover.
test('the chart webview script typechecks', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'client/webview/tsconfig.json', '--noEmit'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
}, 60_000);
