/**
 * The extension as installed: the size of the .vsix and of its bundles, and the time from
 * opening the Japan example in code-server (a new window, the .vsix installed, Chromium) to
 * its first code lenses with numbers on screen. Packages the extension first
 * (`npm run package`) and runs the measurement in its own process (Playwright is not bundled
 * into benchmarks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { median, ms, table } from './util.js';

const RUNS = 5;

export async function bench(): Promise<{ title: string; markdown: string }> {
    execFileSync('npm', ['run', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync(process.execPath, ['test/editor/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const kib = (path: string) => `${(statSync(path).size / 1024).toFixed(0)} KiB`;
    const output = execFileSync(process.execPath, ['.cache/editor-test/first-lenses.js', String(RUNS)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit']
    });
    const { runs } = JSON.parse(output.trim().split('\n').at(-1)!) as { runs: Array<{ workbench: number; text: number; lenses: number }> };
    const row = (what: string, key: 'workbench' | 'text' | 'lenses') => {
        const values = runs.map(r => r[key]);
        return [what, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))];
    };
    const markdown = [
        `The packaged extension (\`npm run package\`: esbuild release bundles, \`vsce package\`), and in code-server 4.139.1`,
        `with the .vsix installed, in headless Chromium: from opening a new window on \`examples/japan-2026\` with \`japan.choke\``,
        `open to the first code lens with numbers on screen (\`China 77%\` above \`Automotive\`). Each run is a new window, so a new`,
        `extension host and language server; median of ${RUNS} runs after one warm-up (\`test/bench/editor.bench.ts\`).`,
        '',
        table(
            ['file', 'size'],
            [
                [`\`chokepoint-${version}.vsix\``, kib(`chokepoint-${version}.vsix`)],
                ['`out/extension.js` (client, minified)', kib('out/extension.js')],
                ['`out/server.js` (language server, minified)', kib('out/server.js')],
                ['`out/chart.js` (chart view with Chart.js, minified)', kib('out/chart.js')]
            ]
        ),
        '',
        table(
            ['from opening the window to', 'median', 'min', 'max'],
            [row('the workbench loaded', 'workbench'), row('`japan.choke` shown (coloured)', 'text'), row('**its first lenses with numbers**', 'lenses')]
        )
    ].join('\n');
    return { title: 'Extension: package size and first lenses in code-server', markdown };
}
