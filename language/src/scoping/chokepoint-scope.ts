import type { AstNodeDescription, LangiumCoreServices, LangiumDocument, LocalSymbols, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeComputation, DefaultScopeProvider, DocumentState, MapScope, MultiMap, WorkspaceCache } from 'langium';
import { importClosure } from '../loading/imports.js';
import { isStdlibUri } from '../loading/stdlib.js';

/**
 * Every named declaration is top-level and global, so there are no local scopes: this keeps
 * linking a hash lookup per reference instead of a scan over all declarations.
 */
export class ChokepointScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

/**
 * Names are visible across a file and everything it imports, plus the standard library.
 * A model's declaration replaces a library declaration of the same name.
 */
export class ChokepointScopeProvider extends DefaultScopeProvider {
    private readonly closureScopes: WorkspaceCache<string, Scope>;
    private readonly documents;

    constructor(services: LangiumCoreServices) {
        super(services);
        // Cleared once every build has indexed its documents' names (and when a document is
        // deleted), so the scopes of a build always see that build's declarations and imports.
        this.closureScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.visibleDeclarations(AstUtils.getDocument(context.container));
    }

    /** All declarations visible from `document`, keyed by name (first user declaration wins). */
    visibleDeclarations(document: LangiumDocument): Scope {
        return this.closureScopes.get(document.uri.toString(), () => this.buildClosureScope(document));
    }

    private buildClosureScope(document: LangiumDocument): Scope {
        const uris = importClosure(document, this.documents);
        const library: AstNodeDescription[] = [];
        const user: AstNodeDescription[] = [];
        for (const description of this.indexManager.allElements(undefined, uris)) {
            (isStdlibUri(description.documentUri) ? library : user).push(description);
        }
        // MapScope keeps the last description per name: library first, then the model's
        // own, with the model's in document order reversed so the first declaration wins.
        return new MapScope([...library, ...user.reverse()]);
    }
}
