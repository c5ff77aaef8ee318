/**
 * `npm run test:editor`: the extension in a real editor, offline. Installs the packaged
 * .vsix into code-server (with the test-only companion extension), opens the example in
 * Debian's Chromium, collects the companion's in-editor checks, then checks what a person
 * sees with Playwright. Prints every check and a closing `N passed, N failed`; exits 1 on
 * any failure. Screenshots and logs go to test-results/editor/.
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installExtension, prepareDirs, setupEditorTools, startCodeServer, workspaceUrl, type RunningEditor } from './codeServer.js';
import { runOrThrow } from './process.js';
import { uiChecks } from './ui.js';
import { vsixProblems, zipEntries } from './vsix.js';
import { fixtureNamed } from '../suite/fixtures.js';
import { runChecks, waitFor, type CheckResult } from '../suite/harness.js';

const root = resolve('.');
const results = join(root, 'test-results', 'editor');
const COMPANION_TIMEOUT_MS = 240_000;

async function main(): Promise<number> {
    const fixtureName = process.env.CHOKEPOINT_EDITOR_FIXTURE;
    const fixture = fixtureNamed(fixtureName);
    const version = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version as string;
    const vsix = join(root, `chokepoint-${version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
    await rm(results, { recursive: true, force: true });
    await mkdir(results, { recursive: true });
    const all: CheckResult[] = [];
    const log = (line: string) => console.log(line);

    all.push(...await runChecks([{
        name: 'the .vsix holds only what the extension needs',
        run: async () => {
            const problems = vsixProblems(await zipEntries(vsix));
            if (problems.length) throw new Error(problems.join('\n'));
        }
    }], line => log(`[vsix] ${line}`)));

    const tools = await setupEditorTools(root);
    const base = await mkdtemp(join(tmpdir(), 'chokepoint-editor-'));
    const workspace = join(base, 'workspace');
    await cp(join(root, fixture.folder), workspace, { recursive: true });
    const dirs = await prepareDirs(base);
    await installExtension(tools, dirs, vsix);
    await installExtension(tools, dirs, await companionVsix(base));

    const resultsFile = join(base, 'companion-results.json');
    let editor: RunningEditor | undefined;
    let browser: Browser | undefined;
    try {
        editor = await startCodeServer(tools, dirs, workspace, join(results, 'code-server.log'), {
            CHOKEPOINT_EDITOR_RESULTS: resultsFile,
            ...(fixtureName ? { CHOKEPOINT_EDITOR_FIXTURE: fixtureName } : {})
        });
        browser = await chromium.launch({
            executablePath: tools.chromium,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        });
        const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
        const browserLog: string[] = [];
        page.on('console', message => { if (message.type() === 'error') browserLog.push(message.text()); });
        await page.goto(workspaceUrl(editor, workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

        // The companion runs the in-editor checks as soon as the window is up.
        const readCompanion = async () => existsSync(resultsFile)
            ? JSON.parse(await readFile(resultsFile, 'utf8')) as { done: boolean, results: CheckResult[] }
            : { done: false, results: [] };
        const companion = await waitFor('the companion\'s results', async () => {
            const read = await readCompanion();
            return read.done ? read : undefined;
        }, COMPANION_TIMEOUT_MS, 500).catch(async error => {
            await page.screenshot({ path: join(results, 'companion-timeout.png') });
            const partial = await readCompanion();
            partial.results.push({ name: 'the in-editor checks finish', passed: false, ms: COMPANION_TIMEOUT_MS, error: String(error) });
            return partial;
        });
        for (const r of companion.results) {
            all.push({ ...r, name: `[api] ${r.name}` });
            log(`[api] ${r.passed ? '✓' : '✗'} ${r.name} (${r.ms} ms)${r.error ? `\n${indent(r.error)}` : ''}`);
        }
        if (!companion.done) return report(all);
        const ui = await runChecks(uiChecks(page, fixture, results), line => log(`[ui] ${line}`), async done => {
            const last = done[done.length - 1];
            if (!last.passed) await page.screenshot({ path: join(results, `failed-${done.length}.png`) });
        });
        all.push(...ui.map(r => ({ ...r, name: `[ui] ${r.name}` })));
        if (browserLog.length) await writeFile(join(results, 'browser-errors.log'), browserLog.join('\n'));
    } finally {
        await browser?.close();
        await editor?.stop();
        await rm(base, { recursive: true, force: true });
    }

    return report(all);
}

function report(all: CheckResult[]): number {
    const passed = all.filter(r => r.passed).length;
    const failed = all.length - passed;
    if (failed) {
        console.log('\nFailed:');
        for (const r of all.filter(r => !r.passed)) console.log(`✗ ${r.name}\n${indent(r.error ?? '')}`);
    }
    console.log(`\nScreenshots and logs: ${results}`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

/** Packages the companion extension (built by test/editor/build.mjs) as a .vsix. */
async function companionVsix(base: string): Promise<string> {
    const folder = join(base, 'companion');
    await cp(join(root, '.cache/editor-test/companion'), folder, { recursive: true });
    await writeFile(join(folder, 'README.md'), 'Runs Chokepoint\'s in-editor checks (test only).\n');
    const out = join(base, 'companion.vsix');
    await runOrThrow(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: folder });
    return out;
}

function indent(text: string): string {
    return text.split('\n').map(l => `    ${l}`).join('\n');
}

main().then(code => { process.exitCode = code; }, error => {
    console.error(error instanceof Error ? error.stack : error);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
});
