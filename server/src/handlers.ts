import type { LangiumDocument } from 'langium';
import { DocumentState, isOperationCancelled, ReadPriority, URI } from 'langium';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import { CodeLensRefreshRequest, InlayHintRefreshRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { STDLIB_TEXT, withPlainSeries } from '../../language/src/index.js';
import type { LangiumCoreAndPartialLSPServices } from 'langium/lsp';
import type { ChokepointSharedServices } from './chokepoint-lsp-module.js';
import type { ChartOverlayParams, ChartOverlayResponse, CompareParams, CompareResponse, ResultsParams, ResultsResponse } from './protocol.js';
import { ChartOverlayRequest, CompareRequest } from './protocol.js';
import { compareResponse } from './compare/compare-request.js';
import { chartOverlayResponse } from './compare/chart-overlay.js';
import { isDeferredCompletionParser } from './lsp/completion/deferred-parser.js';
import { CoalescedRefresh } from './lsp/refresh.js';
import { registerEditRequests } from './documents/current-text.js';
import { registerImportRoots, workspaceFolderPaths } from './documents/import-roots.js';
import { registerImmediateRequests } from './lsp/immediate-requests.js';
import { DEFAULT_WAIT_MS } from './simulation/simulation-service.js';
import { DEFAULT_SETTINGS } from './settings.js';
import {
    FrontierRequest,
    LibraryTextRequest,
    RankingRequest,
    ResultsChangedNotification,
    ResultsRequest,
    SimulationProgressNotification,
    type RankingParams
} from './protocol.js';
import { rankingResponse } from './simulation/ranking-request.js';
import { frontierOf } from './simulation/frontier.js';

/**
 * What the server adds to Langium's request handling: the custom requests and
 * notifications of protocol.ts, lens/hint refreshes, and code lenses that first wait for
 * the simulation of the current text (outside the workspace lock, so the rebuild after a
 * newer edit never waits for a lens); completion and hover that never wait.
 */
export function registerChokepointHandlers(connection: Connection, shared: ChokepointSharedServices): void {
    registerImportRoots(shared);
    registerEditRequests(connection, shared);
    const simulation = shared.simulation.Service;
    const documents = shared.workspace.LangiumDocuments;
    const workspaceReady = () => shared.workspace.WorkspaceManager.ready;
    let lensRefresh = false;
    let hintRefresh = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport ?? false;
        hintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport ?? false;
        // The settings are not fetched yet: the default revision (a `none` merely wastes a git call).
        for (const folder of workspaceFolderPaths(params)) shared.compare.Service.prefetch(folder, DEFAULT_SETTINGS.compareWith);
    });
    const lenses = new CoalescedRefresh(() => connection.sendRequest(CodeLensRefreshRequest.type));
    const hints = new CoalescedRefresh(() => connection.sendRequest(InlayHintRefreshRequest.type));
    const refresh = () => {
        if (lensRefresh) lenses.request();
        if (hintRefresh) hints.request();
    };
    simulation.notifier = {
        progress: params => void connection.sendNotification(SimulationProgressNotification, params),
        resultsChanged: params => void connection.sendNotification(ResultsChangedNotification, params),
        refresh
    };
    // Explanations (no-effect, no-match) join the validation diagnostics of their document.
    const sendDiagnostics = (uri: string, explanations: Diagnostic[]) => {
        const document = documents.getDocument(URI.parse(uri));
        if (!document || document.state < DocumentState.Validated) return;
        void connection.sendDiagnostics({ uri, version: document.textDocument.version, diagnostics: [...(document.diagnostics ?? []), ...explanations] });
    };
    simulation.explanations.publish = sendDiagnostics;
    // Langium publishes a revalidated document's own diagnostics: add the explanations still current.
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const explanations = simulation.explanations.of(document.uri.toString());
        if (explanations.length > 0) sendDiagnostics(document.uri.toString(), explanations);
    });
    shared.settings.Settings.onChange(refresh);
    shared.compare.Service.onComparisonChanged(refresh);
    // Nothing else handles `shutdown`: answer it at once, with no run left to wait for.
    connection.onShutdown(() => {
        lenses.dispose();
        hints.dispose();
        simulation.shutdown();
        void shared.simulation.Sweeps.close();
    });

    connection.onRequest(ResultsRequest, (params: ResultsParams, token: CancellationToken) =>
        guarded(async () => {
            await workspaceReady();
            const uri = URI.parse(params.uri);
            if (params.wait) await simulation.waitForCurrent(uri, token);
            const document = documents.getDocument(uri);
            if (!document) return { uri: params.uri, version: 0, status: 'unknown', errorCount: 0, stale: false } satisfies ResultsResponse;
            const view = simulation.view(document);
            return view.result ? { ...view, result: withPlainSeries(view.result) } : view;
        })
    );

    connection.onRequest(LibraryTextRequest, () => STDLIB_TEXT);

    /** The document once the run of its current text is done (undefined: not a model the server knows). */
    const currentDocument = async (uriText: string, token: CancellationToken): Promise<LangiumDocument | undefined> => {
        await workspaceReady();
        const uri = URI.parse(uriText);
        await simulation.waitForCurrent(uri, token);
        return documents.getDocument(uri);
    };
    const UNKNOWN_DOCUMENT = { status: 'unavailable', message: 'This document is not a Chokepoint model the server knows.' } as const;

    connection.onRequest(CompareRequest, (params: CompareParams, token: CancellationToken) =>
        guarded(async (): Promise<CompareResponse> => {
            const document = await currentDocument(params.uri, token);
            return document ? compareResponse(shared, document, params.revision) : UNKNOWN_DOCUMENT;
        })
    );

    connection.onRequest(ChartOverlayRequest, (params: ChartOverlayParams, token: CancellationToken) =>
        guarded(async (): Promise<ChartOverlayResponse> => {
            const document = await currentDocument(params.uri, token);
            return document ? chartOverlayResponse(shared, document, params.revision) : UNKNOWN_DOCUMENT;
        })
    );

    connection.onRequest(FrontierRequest, (params: { uri: string }, token: CancellationToken) =>
        guarded(async () => {
            const document = await currentDocument(params.uri, token);
            const view = document ? simulation.view(document) : undefined;
            if (!document || view?.status !== 'ok' || !view.result) return { message: 'No current results.' };
            return frontierOf(simulation.rootOf(document), documents, view.result, shared.simulation.Sweeps, token);
        })
    );

    connection.onRequest(RankingRequest, (params: RankingParams, token: CancellationToken) =>
        guarded(async () => {
            const document = await currentDocument(params.uri, token);
            return document
                ? rankingResponse(simulation, documents, document, params, shared.simulation.Sweeps, token)
                : { message: 'The document is not open.' };
        })
    );

    // These replace Langium's handlers (one handler per method): they wait for the run of
    // the current text first, outside the workspace lock, then answer from its results.
    const afterSimulation = async <T>(
        textDocument: { uri: string },
        token: CancellationToken,
        waitMs: number,
        answer: (services: LangiumCoreAndPartialLSPServices, document: LangiumDocument) => T | Promise<T>
    ): Promise<T | null> => {
        await workspaceReady();
        const uri = URI.parse(textDocument.uri);
        await simulation.waitForCurrent(uri, token, waitMs);
        const document = documents.getDocument(uri);
        if (!document || !shared.ServiceRegistry.hasServices(uri)) return null;
        if (document.state < DocumentState.Linked) {
            // Not a model the simulation waits for (the library, a text still being built).
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token).catch(() => undefined);
        }
        const services = shared.ServiceRegistry.getServices(uri) as LangiumCoreAndPartialLSPServices;
        return shared.workspace.WorkspaceLock.read(() => answer(services, document), ReadPriority.Immediate);
    };
    connection.onCodeLens((params, token) =>
        guarded(async () => {
            const lenses = await afterSimulation(params.textDocument, token, DEFAULT_WAIT_MS, (services, document) =>
                services.lsp?.CodeLensProvider?.provideCodeLens(document, params, token)
            );
            prepareCompletionWhenIdle(shared);
            return lenses ?? [];
        })
    );
    // Completion and hover never wait for a run or a rebuild (immediate-requests.ts).
    registerImmediateRequests(connection, shared);
}

/** The first lenses have gone out: completion's parser may now be built (deferred-parser.ts). */
function prepareCompletionWhenIdle(shared: ChokepointSharedServices): void {
    for (const services of shared.ServiceRegistry.all) {
        const parser: unknown = services.parser.CompletionParser;
        if (isDeferredCompletionParser(parser)) parser.prepareWhenIdle(() => shared.simulation.Service.updatesPending);
    }
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
