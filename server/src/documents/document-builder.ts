import type { BuildOptions, Event, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, Emitter, interruptAndCheck } from 'langium';
import { statSync } from 'node:fs';
import { mayImport } from '../../../language/src/index.js';
import { importClosure, importedUris } from '../../../language/src/index.js';

/**
 * Also builds the files a model imports when they are not loaded yet (for instance files
 * the client has not opened): once a document is parsed, every import naming a `.choke` file
 * inside the workspace (confinement.ts) that exists on disk is read and joins the same build,
 * transitively. The importer then
 * links against it in this build, and "cannot import" never shows for a file that exists.
 */
export class ChokepointDocumentBuilder extends DefaultDocumentBuilder {
    private readonly changesAppliedEmitter = new Emitter<ChangesApplied>();
    private updating = false;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /**
     * Fires once the changed documents' states have been reset (their old results are no
     * longer valid), with `fromUpdate` true for edits reported by the client or watcher.
     */
    get onChangesApplied(): Event<ChangesApplied> {
        return this.changesAppliedEmitter.event;
    }

    /** True when no build is between its first and last phase. */
    get idle(): boolean {
        return this.currentState >= DocumentState.Validated;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.updating = true;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.updating = false;
        }
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        const fromUpdate = this.updating;
        this.updating = false;
        this.changesAppliedEmitter.fire({ changed, deleted, fromUpdate });
        await super.emitUpdate(changed, deleted);
    }

    /**
     * Besides Langium's rule (references into a changed file, or unresolved ones), a file is
     * relinked and validated again when anything in its import closure changed: names are
     * checked across the closure (duplicates, an import that now exists), and its simulation
     * depends on every file there.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        for (const uri of importClosure(document, this.langiumDocuments)) {
            if (changedUris.has(uri) && uri !== document.uri.toString()) return true;
        }
        return false;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const all = [...documents];
        const known = new Set(all.map(d => d.uri.toString()));
        for (let i = 0; i < all.length; i++) {
            const document = all[i];
            if (document.state < DocumentState.Parsed) {
                // Parsed here (instead of in the first phase) to see the imports early.
                await interruptAndCheck(cancelToken);
                await this.langiumDocumentFactory.update(document, cancelToken);
                document.state = DocumentState.Parsed;
                await this.notifyDocumentPhase(document, DocumentState.Parsed, cancelToken);
            }
            for (const uri of importedUris(document)) {
                const key = uri.toString();
                if (known.has(key) || uri.scheme !== 'file' || this.langiumDocuments.hasDocument(uri)) continue;
                // Outside the workspace or not a `.choke` file: never read (validation says why).
                if (!mayImport(uri, this.langiumDocuments) || !isFile(uri.fsPath)) continue;
                known.add(key);
                const imported = await this.readImportedFile(uri, cancelToken);
                if (imported) all.push(imported);
            }
        }
        await super.buildDocuments(all, options, cancelToken);
    }

    private async readImportedFile(uri: LangiumDocument['uri'], cancelToken: Cancellation.CancellationToken): Promise<LangiumDocument | undefined> {
        try {
            return await this.langiumDocuments.getOrCreateDocument(uri, cancelToken);
        } catch {
            // Unreadable: the importer's validation reports the import as missing.
            return undefined;
        }
    }
}

function isFile(path: string): boolean {
    try {
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

export interface ChangesApplied {
    changed: URI[];
    deleted: URI[];
    fromUpdate: boolean;
}
