/**
 * Test-only companion extension for the code-server run (code-server has no
 * `--extensionTestsPath`). On startup it runs the in-editor checks against the workspace
 * and writes their results as JSON to the file named by CHOKEPOINT_EDITOR_RESULTS; the
 * Playwright runner waits for that file. Without that variable it does nothing.
 */
import * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';
import { editorChecks } from '../suite/checks.js';
import { fixtureNamed } from '../suite/fixtures.js';
import { runChecks } from '../suite/harness.js';

export async function activate(): Promise<void> {
    const resultsPath = process.env.CHOKEPOINT_EDITOR_RESULTS;
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!resultsPath || !workspace) return;
    const log = vscode.window.createOutputChannel('Chokepoint editor tests');
    const fixture = fixtureNamed(process.env.CHOKEPOINT_EDITOR_FIXTURE);
    const started = Date.now();
    const results = await runChecks(editorChecks(fixture, workspace), line => log.appendLine(line));
    // Leave the window as a person would find it for the checks of what is on screen.
    await vscode.commands.executeCommand('workbench.action.files.revertAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await writeFile(resultsPath, JSON.stringify({ ms: Date.now() - started, results }, null, 2));
}

export function deactivate(): void {}
