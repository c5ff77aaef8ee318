import type { LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices, PartialLangiumSharedCoreServices } from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, DefaultIndexManager, inject, type DefaultSharedCoreModuleContext } from 'langium';
import { ChokepointGeneratedModule, ChokepointGeneratedSharedModule } from './generated/module.js';
import { ChokepointLinker } from './scoping/chokepoint-linker.js';
import { ChokepointScopeComputation, ChokepointScopeProvider } from './scoping/chokepoint-scope.js';
import { ChokepointCommentProvider } from './documentation/chokepoint-comments.js';
import { registerValidationChecks, ChokepointValidator, type CheckOptions } from './validation/chokepoint-validator.js';
import { ChokepointDocumentValidator } from './validation/document-validator.js';
import { ChokepointValidationRegistry } from './validation/validation-registry.js';
import { SizeLimitedDocumentFactory } from './loading/size-limits.js';

/** Services this language adds to Langium's. */
export type ChokepointAddedServices = {
    validation: {
        ChokepointValidator: ChokepointValidator;
    };
};

export type ChokepointCoreServices = LangiumCoreServices & ChokepointAddedServices;

/** Language services shared by the CLI, the language server and the tests (no LSP here). */
export const ChokepointModule: Module<ChokepointCoreServices, PartialLangiumCoreServices & ChokepointAddedServices> = {
    references: {
        ScopeComputation: services => new ChokepointScopeComputation(services),
        ScopeProvider: services => new ChokepointScopeProvider(services),
        Linker: services => new ChokepointLinker(services)
    },
    documentation: {
        CommentProvider: () => new ChokepointCommentProvider()
    },
    validation: {
        DocumentValidator: services => new ChokepointDocumentValidator(services),
        ValidationRegistry: services => new ChokepointValidationRegistry(services),
        ChokepointValidator: services => new ChokepointValidator(services)
    }
};

/** Shared by the CLI and the language server: files above the size limit are never parsed. */
export const ChokepointSharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: { LangiumDocumentFactory: services => new SizeLimitedDocumentFactory(services) }
};

/**
 * For one build whose documents are then only read, never edited (the CLI): no index of
 * references, which only "find references" and rebuilds after an edit read. On a large
 * model it was a tenth of loading it.
 */
class OneBuildIndexManager extends DefaultIndexManager {
    override async updateReferences(): Promise<void> {}
}

export interface CoreServicesOptions extends CheckOptions {
    /** The documents are built once and not edited afterwards (see OneBuildIndexManager). */
    oneBuild?: boolean;
}

/** Creates the services without any LSP layer: for the CLI and tests. */
export function createChokepointCoreServices(
    context: DefaultSharedCoreModuleContext,
    options: CoreServicesOptions = {}
): {
    shared: LangiumSharedCoreServices;
    Chokepoint: ChokepointCoreServices;
} {
    const oneBuild: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = options.oneBuild
        ? { workspace: { IndexManager: services => new OneBuildIndexManager(services) } }
        : {};
    const shared = inject(createDefaultSharedCoreModule(context), ChokepointGeneratedSharedModule, ChokepointSharedCoreModule, oneBuild);
    const Chokepoint = inject(createDefaultCoreModule({ shared }), ChokepointGeneratedModule, ChokepointModule);
    shared.ServiceRegistry.register(Chokepoint);
    registerValidationChecks(Chokepoint, options);
    return { shared, Chokepoint };
}
