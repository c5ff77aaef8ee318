import type { LangiumDocument } from 'langium';
import { isOperationCancelled, URI } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { CodeLensRefreshRequest, InlayHintRefreshRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { STDLIB_TEXT } from '../../language/src/workspace/stdlib.js';
import type { LangiumCoreAndPartialLSPServices } from 'langium/lsp';
import type { ChokepointSharedServices } from './chokepoint-lsp-module.js';
import type { ResultsParams, ResultsResponse } from './protocol.js';
import { LibraryTextRequest, ResultsChangedNotification, ResultsRequest, SimulationProgressNotification } from './protocol.js';

/**
 * What the server adds to Langium's request handling: the custom requests and
 * notifications of protocol.ts, lens/hint refreshes, and code lenses that first wait for
 * the simulation of the current text (outside the workspace lock, so the rebuild after a
 * newer edit never waits for a lens).
 */
export function registerChokepointHandlers(connection: Connection, shared: ChokepointSharedServices): void {
    const simulation = shared.simulation.Service;
    const documents = shared.workspace.LangiumDocuments;
    const workspaceReady = () => shared.workspace.WorkspaceManager.ready;
    let lensRefresh = false;
    let hintRefresh = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport ?? false;
        hintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport ?? false;
    });
    const refresh = () => {
        // A client that went away or refuses is no reason to fail: refreshes are hints.
        if (lensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        if (hintRefresh) connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
    };
    simulation.notifier = {
        progress: params => void connection.sendNotification(SimulationProgressNotification, params),
        resultsChanged: params => void connection.sendNotification(ResultsChangedNotification, params),
        refresh
    };
    shared.settings.Settings.onChange(refresh);

    connection.onRequest(ResultsRequest, (params: ResultsParams, token: CancellationToken) => guarded(async () => {
        await workspaceReady();
        const uri = URI.parse(params.uri);
        if (params.wait) await simulation.waitForCurrent(uri, token);
        const document = documents.getDocument(uri);
        if (!document) return { uri: params.uri, version: 0, status: 'unknown', errorCount: 0, stale: false } satisfies ResultsResponse;
        return simulation.view(document);
    }));

    connection.onRequest(LibraryTextRequest, () => STDLIB_TEXT);

    // Replaces Langium's handler (one handler per method): wait for the run, then answer.
    connection.onCodeLens((params, token) => guarded(async () => {
        await workspaceReady();
        const uri = URI.parse(params.textDocument.uri);
        await simulation.waitForCurrent(uri, token);
        const document = documents.getDocument(uri);
        const provider = shared.ServiceRegistry.hasServices(uri) ? (shared.ServiceRegistry.getServices(uri) as LangiumCoreAndPartialLSPServices).lsp?.CodeLensProvider : undefined;
        if (!document || !provider) return [];
        return await withDocument(shared, document, () => provider.provideCodeLens(document, params, token)) ?? [];
    }));
}

/** Runs a read against the workspace like Langium's own handlers do. */
async function withDocument<T>(shared: ChokepointSharedServices, _document: LangiumDocument, read: () => T | Promise<T>): Promise<T> {
    return shared.workspace.WorkspaceLock.read(read, 1 /* ReadPriority.Immediate */);
}

/** Cancellation becomes the LSP error a client expects; anything else is logged, not fatal. */
async function guarded<T>(handler: () => Promise<T>): Promise<T | ResponseError<void>> {
    try {
        return await handler();
    } catch (error) {
        if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        if (error instanceof ResponseError) return error;
        console.error('chokepoint:', error);
        return new ResponseError(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
    }
}
