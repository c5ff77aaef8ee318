/**
 * *Chokepoint: Compare with Revision...*: picks a branch, tag or recent commit (from the git
 * found on PATH) unless given one, asks the server for the grid and opens the comparison view.
 */
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import {
    ChartOverlayRequest,
    Commands,
    CompareRequest,
    type ChartOverlayParams,
    type ChartOverlayResponse,
    type CompareParams,
    type CompareResponse
} from '../../../server/src/index.js';
import type { ServerConnection } from '../server.js';
import type { ChartOverlay } from '../chart/model.js';
import { CompareView } from './compare-view.js';

/**
 * The chart's overlay of every scenario, against `chokepoint.compareWith` when there is something
 * to compare with (`none`, outside git or an unknown revision: the current scenarios alone).
 * Undefined without current results.
 */
export async function chartOverlay(server: ServerConnection, uri: string): Promise<ChartOverlay | undefined> {
    const setting = vscode.workspace.getConfiguration('chokepoint').get<string>('compareWith', 'HEAD').trim() || 'HEAD';
    const client = server.client;
    if (!client || !(await server.ready())) return undefined;
    const params: ChartOverlayParams = { uri, revision: setting === 'none' ? null : setting };
    const response = await client.sendRequest<ChartOverlayResponse>(ChartOverlayRequest, params);
    return response.status === 'ok' ? { revision: response.revision, metrics: response.overlay.metrics, windows: response.overlay.windows } : undefined;
}

export function registerCompare(server: ServerConnection): { view: CompareView; disposables: vscode.Disposable[] } {
    const view = new CompareView();
    const command = vscode.commands.registerCommand(Commands.compareWithRevision, (uriArg?: unknown, revisionArg?: unknown) =>
        compareWithRevision(server, view, uriArg, revisionArg)
    );
    return { view, disposables: [view, command] };
}

async function compareWithRevision(server: ServerConnection, view: CompareView, uriArg: unknown, revisionArg: unknown): Promise<CompareResponse | undefined> {
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !uri.path.endsWith('.choke')) {
        void vscode.window.showInformationMessage('Chokepoint: open a .choke file to compare it with a revision.');
        return undefined;
    }
    const revision = typeof revisionArg === 'string' ? revisionArg : await pickRevision(uri);
    if (!revision) return undefined;
    const client = server.client;
    if (!client || !(await server.ready())) return undefined;
    const response = await client.sendRequest<CompareResponse>(CompareRequest, { uri: uri.toString(), revision } satisfies CompareParams);
    if (response.status !== 'ok') {
        void vscode.window.showInformationMessage(`Chokepoint: ${response.message}`);
        return response;
    }
    view.show(uri, response);
    return response;
}

/** Branches, tags and the last commits of the file's repository, as a quick pick. */
async function pickRevision(uri: vscode.Uri): Promise<string | undefined> {
    const cwd = path.dirname(uri.fsPath);
    const refs = await git(cwd, ['for-each-ref', '--format=%(refname:short)\t%(objectname:short)\t%(subject)', 'refs/heads', 'refs/remotes', 'refs/tags']);
    const commits = await git(cwd, ['log', '-n', '20', '--format=%h\t%h\t%s']);
    if (refs === undefined && commits === undefined) {
        void vscode.window.showInformationMessage('Chokepoint: this file is not in a git repository (or git is not installed): nothing to compare with.');
        return undefined;
    }
    const items = [...lines(refs), ...lines(commits)].map(([name, hash, subject]) => ({
        label: name,
        description: name === hash ? '' : hash,
        detail: subject
    }));
    const picked = await vscode.window.showQuickPick([{ label: 'HEAD', description: 'the last commit', detail: '' }, ...items], {
        title: 'Chokepoint: compare with revision',
        placeHolder: 'A branch, tag or commit'
    });
    return picked?.label;
}

function lines(text: string | undefined): string[][] {
    return (text ?? '')
        .split('\n')
        .filter(l => l.trim() !== '')
        .map(l => l.split('\t'));
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
    return new Promise(resolve => execFile('git', args, { cwd, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout)));
}
