import type { LangiumDocument, LangiumSharedCoreServices, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import { stdlibDocument } from '../../../language/src/index.js';

/**
 * Loads the read-only standard library (`chokepoint-lib:///stdlib.choke`) before the
 * workspace's own files, so every model links against it from the first build.
 */
export class ChokepointWorkspaceManager extends DefaultWorkspaceManager {
    private readonly shared: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.shared = services;
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        collector(stdlibDocument(this.shared));
    }
}
