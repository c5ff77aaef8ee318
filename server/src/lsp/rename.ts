import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isStdlibUri } from '../../../language/src/index.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Rename across every file that sees the declaration. The standard library is read-only:
 * renaming one of its names is refused with a message saying how to get a name of one's own.
 */
export class ChokepointRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;

    constructor(services: LangiumServices) {
        super(services);
        this.keywords = new Set(
            AstUtils.streamAllContents(services.Grammar)
                .filter(GrammarAST.isKeyword)
                .map(k => k.value)
        );
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!NAME.test(params.newName) || this.keywords.has(params.newName)) {
            throw new ResponseError(
                LSPErrorCodes.RequestFailed,
                `'${params.newName}' cannot be a name: use letters, digits and _ (not first a digit), and no keyword of the language.`
            );
        }
        if (target) this.refuseLibrary(target);
        return super.rename(document, params);
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = this.targetAt(document, params);
        if (target) this.refuseLibrary(target);
        return this.renameNodeRange(document, params.position);
    }

    private targetAt(document: LangiumDocument, params: TextDocumentPositionParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private refuseLibrary(target: AstNode): void {
        if (!isStdlibUri(AstUtils.getDocument(target).uri)) return;
        const name = (target as { name?: string }).name ?? 'this name';
        throw new ResponseError(
            LSPErrorCodes.RequestFailed,
            `'${name}' is declared in the standard library, which is read-only and cannot be renamed. ` +
                `To use another name, declare your own (e.g. \`${target.$type.toLowerCase()} My${name}\`) and refer to it instead.`
        );
    }
}
