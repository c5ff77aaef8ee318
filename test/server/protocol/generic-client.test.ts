import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, InitializeResult } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client.js';
import { HAND_MODEL } from '../fixtures.js';

/** A client other than ours: it implements no `chokepoint.*` command and prefers UTF-8 positions. */
let dir: string;
let client: TestClient;
let init: InitializeResult;
let uri: string;
const messages: string[] = [];

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-generic-'));
    writeFileSync(path.join(dir, 'hand.choke'), HAND_MODEL);
    client = new TestClient();
    client.connection.onNotification('window/showMessage', (p: { message: string }) => {
        messages.push(p.message);
    });
    init = await client.connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: fileUri(dir),
        workspaceFolders: [{ uri: fileUri(dir), name: 'ws' }],
        capabilities: { general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] }, textDocument: { codeLens: {} } }
    });
    await client.connection.sendNotification('initialized', {});
    uri = fileUri(path.join(dir, 'hand.choke'));
    await client.open(uri, HAND_MODEL);
});

afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
});

describe('a generic LSP client', () => {
    test('the position encoding is stated: UTF-16, which every client supports', () => {
        expect(init.capabilities.positionEncoding).toBe('utf-16');
    });

    test('lenses carry server commands, listed in executeCommandProvider', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        const commands = new Set(lenses.map(l => l.command?.command));
        expect([...commands].sort()).toEqual(['chokepoint.server.runScenario', 'chokepoint.server.showChartData', 'chokepoint.server.showDetails']);
        expect(init.capabilities.executeCommandProvider?.commands.sort()).toEqual([...commands].sort());
    });

    test('executing a lens command: details as markdown and a message; the chart data as a table', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        const details = lenses.find(l => l.command?.command === 'chokepoint.server.showDetails' && l.command.arguments?.[1] === 'Industry')!;
        const markdown = await client.request<string>('workspace/executeCommand', { command: details.command!.command, arguments: details.command!.arguments });
        // The consumer's hover metrics (fixtures.ts): 500 t unmet in CurbOnly, fill 1 - 500 / 12,000 = 95.8%.
        expect(markdown.startsWith('**Industry**\n\n')).toBe(true);
        expect(markdown).toMatch(/CurbOnly[^\n]*500 t[^\n]*95\.8%/);
        await client.until(() => messages.length > 0, 5000, 'a message');
        expect(messages[0]).toBe('Industry');
        const chart = lenses.find(l => l.command?.command === 'chokepoint.server.showChartData')!;
        const table = await client.request<string>('workspace/executeCommand', { command: chart.command!.command, arguments: chart.command!.arguments });
        expect(table).toContain('| period | baseline | CurbOnly |');
        await expect(client.request('workspace/executeCommand', { command: 'chokepoint.server.showDetails', arguments: [uri, 'Nobody'] })).rejects.toThrow(
            /No declaration named 'Nobody'/
        );
    });
});
