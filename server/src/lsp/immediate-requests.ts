import type { LangiumDocument } from 'langium';
import { DocumentState, isOperationCancelled, OperationCancelled, ReadPriority, TextDocument, URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CancellationToken, Connection, Hover, HoverParams, Range } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';
import type { ChokepointDocumentBuilder } from '../documents/document-builder.js';
import { BuiltText } from './completion/built-text.js';

/** The longest a request waits for a document's tree to be linked (a file being opened). */
const LINK_WAIT_MS = 10_000;

/**
 * Completion and hover never wait for a simulation, nor for the rebuild of an edit that has
 * not started yet (edits are built a moment after they arrive: `document-update-handler.ts`).
 * They answer from the last linked build, for the client's text:
 *
 * - completion: what the grammar expects is computed from the client's text; the names
 *   offered are those of the last linked build (`BuiltTreeCompletionProvider`);
 * - hover: the position is mapped onto the built tree through the text both share; on text
 *   only the client has (the span being typed) there is no hover; numbers come from the
 *   results store as they are (current, or marked outdated / simulating).
 *
 * While a rebuild is between its reset and its linking (the names of the file are out of the
 * index then), they wait for that rebuild to link, as Langium's handlers do.
 */
export function registerImmediateRequests(connection: Connection, shared: ChokepointSharedServices): void {
    connection.onCompletion((params, token) =>
        answer(shared, params.textDocument.uri, token, (services, document) => services.lsp.CompletionProvider?.getCompletion(document, params, token))
    );
    connection.onHover((params, token) =>
        answer(shared, params.textDocument.uri, token, (services, document) => {
            const provider = services.lsp.HoverProvider;
            return provider ? hoverOnBuiltTree(document, params, p => provider.getHoverContent(document, p, token)) : undefined;
        })
    );
}

/**
 * The hover of the built tree at the client's position: the position goes to the built text
 * and the hover's range comes back to the client's (a hover on text only the client has, or
 * whose range the edit touched, is none).
 */
export async function hoverOnBuiltTree(
    document: LangiumDocument,
    params: HoverParams,
    hoverAt: (params: HoverParams) => Hover | undefined | Promise<Hover | undefined>
): Promise<Hover | undefined> {
    const view = BuiltText.of(document);
    if (!view) return undefined;
    if (view.current) return hoverAt(params);
    const client = document.textDocument;
    const builtOffset = view.toBuilt(client.offsetAt(params.position));
    // The provider reads the offset through the client's text: give it a position there
    // whose offset is the built one (past the client's end, no position has it).
    if (builtOffset === undefined || builtOffset > view.text.length) return undefined;
    const hover = await hoverAt({ ...params, position: client.positionAt(builtOffset) });
    if (!hover?.range) return hover;
    const range = clientRange(view, hover.range);
    return range ? { ...hover, range } : undefined;
}

/** A range in the built text's lines, as a range of the client's text (undefined inside the edit). */
function clientRange(view: BuiltText, range: Range): Range | undefined {
    const built = TextDocument.create('built', 'chokepoint', 0, view.cst.fullText);
    const start = view.toClient(built.offsetAt(range.start));
    const end = view.toClient(built.offsetAt(range.end));
    if (start === undefined || end === undefined) return undefined;
    const client = TextDocument.create('client', 'chokepoint', 0, view.text);
    return { start: client.positionAt(start), end: client.positionAt(end) };
}

async function answer<T>(
    shared: ChokepointSharedServices,
    uriText: string,
    token: CancellationToken,
    respond: (services: LangiumServices, document: LangiumDocument) => T | undefined | Promise<T | undefined>
): Promise<T | null | ResponseError<void>> {
    try {
        await shared.workspace.WorkspaceManager.ready;
        const uri = URI.parse(uriText);
        if (!shared.ServiceRegistry.hasServices(uri)) return null;
        const document = await linkedDocument(shared, uri, token);
        if (!document) return null;
        const services = shared.ServiceRegistry.getServices(uri) as LangiumServices;
        return (await shared.workspace.WorkspaceLock.read(() => respond(services, document), ReadPriority.Immediate)) ?? null;
    } catch (error) {
        if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        if (error instanceof ResponseError) return error as ResponseError<void>;
        console.error('chokepoint:', error);
        return new ResponseError(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
    }
}

/**
 * The document once its tree is linked: at once, unless a rebuild is between its reset and
 * its linking, or the file was opened a moment ago and its first build has not run yet.
 * Undefined for a file the server does not build (not open, or the library's own file).
 */
async function linkedDocument(shared: ChokepointSharedServices, uri: URI, token: CancellationToken): Promise<LangiumDocument | undefined> {
    const key = uri.toString();
    const deadline = Date.now() + LINK_WAIT_MS;
    for (;;) {
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (document && document.state >= DocumentState.Linked) return document;
        const builder = shared.workspace.DocumentBuilder as ChokepointDocumentBuilder;
        const building = shared.simulation.Service.updatesPending || (document !== undefined && !builder.idle);
        if (!building || Date.now() > deadline) return undefined;
        await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(done, 50);
            const phase = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, linked => {
                if (linked.uri.toString() === key) done();
            });
            const cancel = token.onCancellationRequested(() => {
                done();
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Langium's cancellation symbol
                reject(OperationCancelled);
            });
            function done() {
                clearTimeout(timer);
                phase.dispose();
                cancel.dispose();
                resolve();
            }
        });
    }
}
