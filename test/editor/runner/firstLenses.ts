/**
 * Measures, in code-server with the installed .vsix, the time from opening the Japan
 * example (a new window with japan.choke open) to its first code lenses with numbers on
 * screen, with the time to the workbench and to the file's text on the way. Prints JSON
 * `{ runs: Array<{ workbench, text, lenses }> }` (ms) for test/bench/editor.bench.ts.
 * Usage: node .cache/editor-test/first-lenses.js RUNS
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setupEditorTools } from './codeServer.js';
import { startSession } from './session.js';

const WARM_UP = 1;

async function main(): Promise<void> {
    const runs = Number(process.argv[2] ?? 5);
    const root = resolve('.');
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const tools = await setupEditorTools(root);
    const session = await startSession({
        root,
        tools,
        vsix: join(root, `chokepoint-${version}.vsix`),
        folder: 'examples/japan-2026',
        companion: false,
        logFile: join(root, 'test-results', 'first-lenses-code-server.log')
    });
    const times: Array<{ workbench: number; text: number; lenses: number }> = [];
    try {
        for (let i = 0; i < WARM_UP + runs; i++) {
            const started = performance.now();
            const page = await session.open('japan.choke');
            const workbench = performance.now() - started;
            await page.locator('.monaco-editor .view-lines', { hasText: 'consumer Automotive' }).first().waitFor({ timeout: 120_000 });
            const text = performance.now() - started;
            // The Automotive lens: China 570 of 740 t in the first period = 77%.
            await page.locator('.monaco-editor .codelens-decoration', { hasText: 'China 77%' }).first().waitFor({ timeout: 120_000 });
            if (i >= WARM_UP) times.push({ workbench, text, lenses: performance.now() - started });
            await page.close();
        }
    } finally {
        await session.close();
    }
    console.log(JSON.stringify({ runs: times }));
}

main().catch(error => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
});
