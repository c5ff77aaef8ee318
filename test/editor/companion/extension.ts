/**
 * Test-only companion extension for the code-server run (code-server has no
 * `--extensionTestsPath`). On startup it runs the in-editor checks against the workspace
 * and writes their results as JSON to the file named by CHOKEPOINT_EDITOR_RESULTS; the
 * Playwright runner waits for that file. Without that variable it does nothing.
 */
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { editorChecks } from '../suite/checks.js';
import { fixtureNamed } from '../suite/fixtures.js';
import { runChecks, type CheckResult } from '../suite/harness.js';

export async function activate(): Promise<void> {
    const resultsPath = process.env.CHOKEPOINT_EDITOR_RESULTS;
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    // Once per test run: a window reload (one of the checks) activates the companion again.
    if (!resultsPath || !workspace || existsSync(resultsPath)) return;
    const log = vscode.window.createOutputChannel('Chokepoint editor tests');
    const fixture = fixtureNamed(process.env.CHOKEPOINT_EDITOR_FIXTURE);
    const started = Date.now();
    // Results are written after each check (`done: false`), so a run that hangs still shows how far it got.
    const write = (results: CheckResult[], done: boolean) => writeFile(resultsPath, JSON.stringify({ done, ms: Date.now() - started, results }, null, 2));
    const results = await runChecks(
        editorChecks(fixture, workspace),
        line => log.appendLine(line),
        partial => write(partial, false)
    );
    // Leave the window as a person would find it for the checks of what is on screen. The
    // checks undid their edits, so saving writes the workspace copy's original text back.
    try {
        await vscode.workspace.saveAll(false);
        await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    } catch (error) {
        results.push({ name: 'the window is left clean', passed: false, ms: 0, error: String(error) });
    }
    await write(results, true);
}

export function deactivate(): void {}
