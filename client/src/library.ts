/**
 * The standard library as a read-only document: `chokepoint-lib:///stdlib.choke` asks the
 * language server for its text, so go to definition on `China` opens it and nothing can be
 * edited or saved there.
 */
import * as vscode from 'vscode';
import { LibraryTextRequest } from '../../server/src/index.js';
import type { ServerConnection } from './server.js';

export const LIBRARY_SCHEME = 'chokepoint-lib';
export const LIBRARY_URI = vscode.Uri.parse(`${LIBRARY_SCHEME}:///stdlib.choke`);

export function registerLibraryProvider(server: ServerConnection): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(LIBRARY_SCHEME, {
        async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
            const client = server.client;
            if (!client || !(await server.ready())) {
                return '// The Chokepoint language server is not running: restart it to see the standard library.\n';
            }
            return client.sendRequest<string>(LibraryTextRequest, { uri: uri.toString() });
        }
    });
}
