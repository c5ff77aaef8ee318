/**
 * `npm run test:editor`: the extension in a real editor, offline. For each example (the
 * Japan model, then the language spec's), installs the packaged .vsix into code-server with
 * the test-only companion extension, opens the workspace in Debian's Chromium, collects the
 * companion's in-editor checks, then checks what a person sees with Playwright. Prints
 * every check and a closing `N passed, N failed`; exits 1 on any failure. Screenshots and
 * logs go to test-results/editor/<example>/. CHOKEPOINT_EDITOR_FIXTURE=spec runs one example.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setupEditorTools, type EditorTools } from './codeServer.js';
import { startSession } from './session.js';
import { uiChecks } from './ui.js';
import { vsixProblems, zipEntries } from './vsix.js';
import { FIXTURE_NAMES, fixtureNamed } from '../suite/fixtures.js';
import { runChecks, waitFor, type CheckResult } from '../suite/harness.js';

const root = resolve('.');
const resultsRoot = join(root, 'test-results', 'editor');
const COMPANION_TIMEOUT_MS = 240_000;
const log = (line: string) => console.log(line);

async function main(): Promise<number> {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const vsix = join(root, `chokepoint-${version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
    await rm(resultsRoot, { recursive: true, force: true });
    await mkdir(resultsRoot, { recursive: true });
    const all: CheckResult[] = [];
    all.push(
        ...(await runChecks(
            [
                {
                    name: 'the .vsix holds only what the extension needs',
                    run: async () => {
                        const problems = vsixProblems(await zipEntries(vsix));
                        if (problems.length) throw new Error(problems.join('\n'));
                    }
                }
            ],
            line => log(`[vsix] ${line}`)
        ))
    );

    const tools = await setupEditorTools(root);
    const only = process.env.CHOKEPOINT_EDITOR_FIXTURE;
    for (const name of only ? [only] : FIXTURE_NAMES) {
        all.push(...(await runFixture(name, tools, vsix)));
    }
    return report(all);
}

async function runFixture(name: string, tools: EditorTools, vsix: string): Promise<CheckResult[]> {
    const fixture = fixtureNamed(name);
    const results = join(resultsRoot, name);
    await mkdir(results, { recursive: true });
    const resultsFile = join(results, 'companion-results.json');
    const all: CheckResult[] = [];
    const add = (phase: string, r: CheckResult) => {
        all.push({ ...r, name: `[${name} ${phase}] ${r.name}` });
        log(`[${name} ${phase}] ${r.passed ? '✓' : '✗'} ${r.name} (${r.ms} ms)${r.error ? `\n${indent(r.error)}` : ''}`);
    };
    const session = await startSession({
        root,
        tools,
        vsix,
        folder: fixture.folder,
        companion: true,
        logFile: join(results, 'code-server.log'),
        env: { CHOKEPOINT_EDITOR_RESULTS: resultsFile, CHOKEPOINT_EDITOR_FIXTURE: name }
    });
    try {
        // Every request of the browser (workbench and webviews) that leaves this machine.
        const external: string[] = [];
        const page = await session.open(undefined, request => {
            const url = new URL(request.url());
            // `*.vscode-resource.vscode-cdn.net` names a webview's local files: the webview's
            // service worker answers those from the extension folder, not the network.
            const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.vscode-resource.vscode-cdn.net');
            if (/^(https?|wss?):$/.test(url.protocol) && !local) external.push(request.url());
        });
        const browserErrors: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error') browserErrors.push(message.text());
        });

        // The companion runs the in-editor checks as soon as the window is up.
        const readCompanion = async () =>
            existsSync(resultsFile)
                ? (JSON.parse(await readFile(resultsFile, 'utf8')) as { done: boolean; results: CheckResult[] })
                : { done: false, results: [] };
        const companion = await waitFor(
            "the companion's results",
            async () => {
                const read = await readCompanion();
                return read.done ? read : undefined;
            },
            COMPANION_TIMEOUT_MS,
            500
        ).catch(async error => {
            await page.screenshot({ path: join(results, 'companion-timeout.png') });
            const partial = await readCompanion();
            partial.results.push({ name: 'the in-editor checks finish', passed: false, ms: COMPANION_TIMEOUT_MS, error: String(error) });
            return partial;
        });
        for (const r of companion.results) add('api', r);
        if (!companion.done) return all;

        const control = { setColorTheme: (theme: string) => session.updateUserSettings({ 'workbench.colorTheme': theme }) };
        await runChecks(
            uiChecks(page, fixture, results, control),
            () => {},
            async done => {
                const last = done[done.length - 1];
                if (!last.passed) await page.screenshot({ path: join(results, `failed-${done.length}.png`) });
                add('ui', last);
            }
        );
        add(
            'ui',
            (
                await runChecks([
                    {
                        name: 'nothing was fetched from outside this machine',
                        run: async () => {
                            if (external.length) throw new Error(`requests: ${[...new Set(external)].join(', ')}`);
                        }
                    }
                ])
            )[0]
        );
        if (browserErrors.length) await writeFile(join(results, 'browser-errors.log'), browserErrors.join('\n'));
        return all;
    } finally {
        await session.close(results);
    }
}

function report(all: CheckResult[]): number {
    const passed = all.filter(r => r.passed).length;
    const failed = all.length - passed;
    if (failed) {
        console.log('\nFailed:');
        for (const r of all.filter(r => !r.passed)) console.log(`✗ ${r.name}\n${indent(r.error ?? '')}`);
    }
    console.log(`\nScreenshots and logs: ${resultsRoot}`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

function indent(text: string): string {
    return text
        .split('\n')
        .map(l => `    ${l}`)
        .join('\n');
}

main().then(
    code => {
        process.exitCode = code;
    },
    error => {
        console.error(error instanceof Error ? error.stack : error);
        console.log('0 passed, 1 failed');
        process.exitCode = 1;
    }
);
