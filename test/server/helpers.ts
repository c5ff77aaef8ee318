import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointServices, type ChokepointServices, type ChokepointSharedServices } from '../../server/src/chokepoint-lsp-module.js';
import type { Model } from '../../language/src/generated/ast.js';

export interface TestServer {
    shared: ChokepointSharedServices;
    Chokepoint: ChokepointServices;
    /** Adds (or replaces) a document and builds the workspace with validation. */
    open(name: string, text: string): Promise<LangiumDocument<Model>>;
}

/** Server services over an in-memory file system, with the standard library loaded. */
export async function createTestServer(): Promise<TestServer> {
    const { shared, Chokepoint } = createChokepointServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const open = async (name: string, text: string) => {
        const uri = URI.parse(`memory:///${name}`);
        const documents = shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return document;
    };
    return { shared, Chokepoint, open };
}
