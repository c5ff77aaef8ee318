import type { InitializeParams } from 'vscode-languageserver';
import { URI, UriUtils } from 'langium';
import { workspaceRoots } from '../../../language/src/index.js';
import type { ChokepointSharedServices } from '../chokepoint-lsp-module.js';

/**
 * The folders imports are confined to in the editor: the client's workspace folders (or its
 * `rootUri`); a client that opens files without any folder gets the folder of each file it
 * opens, so `import "./world.choke"` next to an opened file still works.
 */
export function registerImportRoots(shared: ChokepointSharedServices): void {
    const roots = workspaceRoots(shared.workspace.LangiumDocuments);
    let fromClient = false;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        for (const folder of workspaceFolderPaths(params)) {
            roots.add(folder);
            fromClient = true;
        }
    });
    shared.workspace.TextDocuments.onDidOpen(event => {
        if (fromClient) return;
        const uri = URI.parse(event.document.uri);
        if (uri.scheme === 'file') roots.add(UriUtils.dirname(uri).fsPath);
    });
}

/** The client's workspace folders (or its `rootUri`) on disk: those with a `file:` URI. */
export function workspaceFolderPaths(params: InitializeParams): string[] {
    const uris = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return uris
        .map(uri => URI.parse(uri))
        .filter(uri => uri.scheme === 'file')
        .map(uri => uri.fsPath);
}
