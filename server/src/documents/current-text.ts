import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { oversizedSize } from '../../../language/src/index.js';
import type { ChokepointServices, ChokepointSharedServices } from '../chokepoint-lsp-module.js';

/** How long an edit request waits for the build of the text it was made for. */
const WAIT_MS = 3000;

/**
 * The document as built from the text the client had when it sent the request (requests come
 * after the `didChange` notifications before them). Until the builder has caught up, the syntax
 * tree is the previous text's: edits computed from it would undo what was just typed. Waits
 * for the build of that text (to `state`); undefined when the text changed again meanwhile or
 * the build takes longer than 3 s: the caller then offers no edits.
 */
export async function documentOfRequestedText(
    shared: ChokepointSharedServices,
    uri: URI,
    state: DocumentState,
    token: CancellationToken
): Promise<LangiumDocument | undefined> {
    await shared.workspace.WorkspaceManager.ready;
    const opened = shared.workspace.TextDocuments.get(uri.toString());
    const version = opened?.version;
    const text = opened?.getText();
    const builder = shared.workspace.DocumentBuilder;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        // Opened a moment ago: its first build starts shortly (BUILD_DELAY_MS).
        if (!document && !opened) return undefined;
        const builtText = document?.parseResult.value.$cstNode?.root.fullText ?? '';
        // A file too large to parse has an empty tree whatever its text (size-limits.ts).
        const current = document && (text === undefined || builtText === text || oversizedSize(document.parseResult.value) !== undefined);
        if (document && current && document.state >= state) return document;
        const now = shared.workspace.TextDocuments.get(uri.toString());
        if (token.isCancellationRequested || (now && now.version !== version) || Date.now() > deadline) return undefined;
        // Woken by the next document reaching the state, or after a short while (a build not started yet).
        await new Promise<void>(resolve => {
            const timer = setTimeout(done, 25);
            const listener = builder.onDocumentPhase(state, done);
            function done() {
                clearTimeout(timer);
                listener.dispose();
                resolve();
            }
        });
    }
}

/**
 * Formatting, range formatting, code actions and rename answer for the text their request was
 * made for (these replace Langium's handlers, one per method): no edits, or for rename the
 * error "content modified", when the document changed under the request.
 */
export function registerEditRequests(connection: Connection, shared: ChokepointSharedServices): void {
    const services = (uri: URI) => (shared.ServiceRegistry.hasServices(uri) ? (shared.ServiceRegistry.getServices(uri) as ChokepointServices) : undefined);
    const read = <T>(action: () => T | Promise<T>) => shared.workspace.WorkspaceLock.read(action);
    connection.onDocumentFormatting(async (params, token) => {
        const uri = URI.parse(params.textDocument.uri);
        const document = await documentOfRequestedText(shared, uri, DocumentState.Parsed, token);
        const formatter = services(uri)?.lsp.Formatter;
        if (!document || !formatter) return [];
        return read(() => formatter.formatDocument(document, params));
    });
    connection.onDocumentRangeFormatting(async (params, token) => {
        const uri = URI.parse(params.textDocument.uri);
        const document = await documentOfRequestedText(shared, uri, DocumentState.Parsed, token);
        const formatter = services(uri)?.lsp.Formatter;
        if (!document || !formatter) return [];
        return read(() => formatter.formatDocumentRange(document, params));
    });
    connection.onCodeAction(async (params, token) => {
        const uri = URI.parse(params.textDocument.uri);
        const document = await documentOfRequestedText(shared, uri, DocumentState.Validated, token);
        const provider = services(uri)?.lsp.CodeActionProvider;
        if (!document || !provider) return [];
        return (await read(() => provider.getCodeActions(document, params, token))) ?? [];
    });
    connection.onRenameRequest(async (params, token) => {
        const uri = URI.parse(params.textDocument.uri);
        const document = await documentOfRequestedText(shared, uri, DocumentState.Validated, token);
        const provider = services(uri)?.lsp.RenameProvider;
        if (!provider) return null;
        if (!document) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while renaming; rename again.');
        return (await read(() => provider.rename(document, params, token))) ?? null;
    });
}
