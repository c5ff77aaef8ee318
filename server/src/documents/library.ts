import type { TextDocumentContentProvider } from 'langium/lsp';
import type { TextDocumentContentParams, TextDocumentContentResult } from 'vscode-languageserver';
import { STDLIB_SCHEME, STDLIB_TEXT, isStdlibUri } from '../../../language/src/index.js';

/**
 * Serves the standard library's text for `workspace/textDocumentContent` (LSP 3.18);
 * the client may also use the `chokepoint/libraryText` request (see handlers.ts).
 */
export class LibraryContentProvider implements TextDocumentContentProvider {
    readonly schemes = [STDLIB_SCHEME];

    async provideTextDocumentContent(params: TextDocumentContentParams): Promise<TextDocumentContentResult | undefined> {
        return isStdlibUri(params.uri) ? { text: STDLIB_TEXT } : undefined;
    }
}
