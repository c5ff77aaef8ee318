/**
 * The in-editor checks as an @vscode/test-electron suite (`npm run test:vscode`): VS Code
 * loads this module with `--extensionTestsPath` and calls `run()`; a failed check fails it.
 */
import * as vscode from 'vscode';
import { editorChecks } from './checks.js';
import { fixtureNamed } from './fixtures.js';
import { runChecks } from './harness.js';

export async function run(): Promise<void> {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!workspace) throw new Error('open the example folder as the workspace');
    const results = await runChecks(editorChecks(fixtureNamed(process.env.CHOKEPOINT_EDITOR_FIXTURE), workspace), line => console.log(line));
    const failed = results.filter(r => !r.passed).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    if (failed) throw new Error(`${failed} in-editor check(s) failed`);
}
