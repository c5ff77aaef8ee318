import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { DefaultLanguageServer } from 'langium/lsp';

/**
 * Langium's language server, with the position encoding stated (LSP 3.17): always UTF-16, the
 * encoding every client must support and the one Langium's positions are in. A client that
 * prefers UTF-8 or UTF-32 (`general.positionEncodings`) reads the server's choice here and
 * converts, so an emoji in a comment never shifts a column.
 */
export class ChokepointLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        return { ...result, capabilities: { ...result.capabilities, positionEncoding: 'utf-16' } };
    }
}
