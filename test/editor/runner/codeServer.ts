/**
 * code-server for the tests: installed by scripts/setup-editor.sh (cached by version), run
 * with a fresh user-data and extensions folder per run, offline (no gallery, no telemetry,
 * no update check), on a free port of 127.0.0.1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runOrThrow, startAndWaitFor, type Started } from './process.js';

export interface EditorTools {
    node24: string;
    codeServer: string;
    chromium: string;
}

/** Installs (the first time) and locates Node 24, code-server and Chromium. */
export async function setupEditorTools(root: string): Promise<EditorTools> {
    const out = await runOrThrow('bash', [join(root, 'scripts/setup-editor.sh')]);
    const value = (key: string) => {
        const line = out.split('\n').find(l => l.startsWith(`${key}=`));
        if (!line) throw new Error(`scripts/setup-editor.sh did not print ${key}:\n${out}`);
        return line.slice(key.length + 1).trim();
    };
    return { node24: value('NODE24'), codeServer: value('CODE_SERVER'), chromium: value('CHROMIUM') };
}

export interface EditorDirs {
    userData: string;
    extensions: string;
}

export async function prepareDirs(base: string): Promise<EditorDirs> {
    const dirs = { userData: join(base, 'user-data'), extensions: join(base, 'extensions') };
    await mkdir(join(dirs.userData, 'User'), { recursive: true });
    await mkdir(dirs.extensions, { recursive: true });
    await writeFile(
        join(dirs.userData, 'User', 'settings.json'),
        JSON.stringify(
            {
                'workbench.startupEditor': 'none',
                'telemetry.telemetryLevel': 'off',
                'extensions.autoCheckUpdates': false,
                'extensions.autoUpdate': false,
                'update.mode': 'none',
                'workbench.tips.enabled': false,
                'workbench.enableExperiments': false,
                'security.workspace.trust.enabled': false,
                'editor.hover.delay': 300,
                'window.commandCenter': false,
                'chat.disableAIFeatures': true,
                'workbench.secondarySideBar.defaultVisibility': 'hidden',
                'workbench.colorTheme': 'Default Dark Modern'
            },
            null,
            2
        )
    );
    return dirs;
}

function offlineEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...process.env, EXTENSIONS_GALLERY: '{}', ...extra };
}

export async function installExtension(tools: EditorTools, dirs: EditorDirs, vsix: string): Promise<void> {
    await runOrThrow(tools.node24, [tools.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
        env: offlineEnv()
    });
}

export interface RunningEditor extends Started {
    url: string;
}

export async function startCodeServer(
    tools: EditorTools,
    dirs: EditorDirs,
    workspace: string,
    logFile: string,
    env: NodeJS.ProcessEnv
): Promise<RunningEditor> {
    const started = await startAndWaitFor(
        tools.node24,
        [
            tools.codeServer,
            '--auth',
            'none',
            '--bind-addr',
            '127.0.0.1:0',
            '--user-data-dir',
            dirs.userData,
            '--extensions-dir',
            dirs.extensions,
            '--disable-workspace-trust',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-getting-started-override',
            workspace
        ],
        offlineEnv(env),
        /HTTP server listening on (http:\/\/\S+)/,
        logFile,
        60_000
    );
    return { ...started, url: started.match[1].replace(/\/$/, '') };
}

/** The URL that opens `workspace` with `file` in an editor. */
export function workspaceUrl(editor: RunningEditor, workspace: string, file?: string): string {
    const host = new URL(editor.url).host;
    const params = new URLSearchParams({ folder: workspace });
    if (file) params.set('payload', JSON.stringify([['openFile', `vscode-remote://${host}${file}`]]));
    return `${editor.url}/?${params.toString()}`;
}
