/**
 * One editor session for a fixture: a temporary copy of the example as the workspace, fresh
 * code-server folders with the .vsix (and optionally the companion) installed, code-server
 * started, and Chromium on the workspace. Used by the editor tests and the editor benchmark.
 */
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, prepareDirs, startCodeServer, workspaceUrl, type EditorTools, type RunningEditor } from './codeServer.js';
import { runOrThrow } from './process.js';

export interface SessionOptions {
    root: string;
    tools: EditorTools;
    vsix: string;
    /** Repository folder copied as the workspace. */
    folder: string;
    /** Install the companion extension that runs the in-editor checks. */
    companion: boolean;
    /** Extra environment of code-server (and so of the extension host). */
    env?: NodeJS.ProcessEnv;
    logFile: string;
}

export interface Session {
    base: string;
    workspace: string;
    editor: RunningEditor;
    browser: Browser;
    /** Merges settings into the user settings file (code-server applies them at once). */
    updateUserSettings(settings: Record<string, unknown>): Promise<void>;
    /** A new browser window on the workspace (optionally with a file open), watching its requests. */
    open(file?: string, onRequest?: (request: Request) => void): Promise<Page>;
    /** Ends the session; with `keepLogsIn`, copies the editor's logs (output channels too) there first. */
    close(keepLogsIn?: string): Promise<void>;
}

export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

export async function startSession(options: SessionOptions): Promise<Session> {
    const base = await mkdtemp(join(tmpdir(), 'chokepoint-editor-'));
    let editor: RunningEditor | undefined;
    let browser: Browser | undefined;
    try {
        const workspace = join(base, 'workspace');
        await cp(join(options.root, options.folder), workspace, { recursive: true });
        const dirs = await prepareDirs(base);
        await installExtension(options.tools, dirs, options.vsix);
        if (options.companion) await installExtension(options.tools, dirs, await companionVsix(options.root, base));
        editor = await startCodeServer(options.tools, dirs, workspace, options.logFile, options.env ?? {});
        browser = await chromium.launch({ executablePath: options.tools.chromium, args: CHROMIUM_ARGS });
        const running = editor;
        const launched = browser;
        return {
            base,
            workspace,
            editor: running,
            browser: launched,
            async updateUserSettings(settings: Record<string, unknown>) {
                const file = join(dirs.userData, 'User', 'settings.json');
                const current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
                await writeFile(file, JSON.stringify({ ...current, ...settings }, null, 2));
            },
            async open(file?: string, onRequest?: (request: Request) => void) {
                const page = await launched.newPage({ viewport: { width: 1500, height: 950 } });
                // Webviews are frames of the page: their requests show here too.
                if (onRequest) page.on('request', onRequest);
                await page.goto(workspaceUrl(running, workspace, file ? join(workspace, file) : undefined));
                await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
                return page;
            },
            async close(keepLogsIn?: string) {
                await launched.close();
                await running.stop();
                if (keepLogsIn) await cp(join(dirs.userData, 'logs'), join(keepLogsIn, 'logs'), { recursive: true }).catch(() => undefined);
                await rm(base, { recursive: true, force: true });
            }
        };
    } catch (error) {
        await browser?.close();
        await editor?.stop();
        await rm(base, { recursive: true, force: true });
        throw error;
    }
}

/** Packages the companion extension (built by test/editor/build.mjs) as a .vsix. */
async function companionVsix(root: string, base: string): Promise<string> {
    const folder = join(base, 'companion');
    await cp(join(root, '.cache/editor-test/companion'), folder, { recursive: true });
    await writeFile(join(folder, 'README.md'), "Runs Chokepoint's in-editor checks (test only).\n");
    const out = join(base, 'companion.vsix');
    await runOrThrow(
        process.execPath,
        [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
        { cwd: folder }
    );
    return out;
}
