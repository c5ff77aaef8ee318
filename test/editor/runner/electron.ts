/**
 * `npm run test:vscode`: the same in-editor checks in desktop VS Code through
 * @vscode/test-electron. Uses the VS Code named by VSCODE_EXECUTABLE if set; otherwise
 * test-electron downloads one (which needs the internet: not part of `npm test`).
 */
import { runTests } from '@vscode/test-electron';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixtureNamed } from '../suite/fixtures.js';

async function main(): Promise<number> {
    const root = resolve('.');
    const fixture = fixtureNamed(process.env.CHOKEPOINT_EDITOR_FIXTURE);
    const base = await mkdtemp(join(tmpdir(), 'chokepoint-vscode-'));
    const workspace = join(base, 'workspace');
    await cp(join(root, fixture.folder), workspace, { recursive: true });
    try {
        await runTests({
            ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
            extensionDevelopmentPath: root,
            extensionTestsPath: join(root, '.cache/editor-test/suite.js'),
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(base, 'user-data')]
        });
        return 0;
    } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        return 1;
    } finally {
        await rm(base, { recursive: true, force: true });
    }
}

void main().then(code => {
    process.exitCode = code;
});
