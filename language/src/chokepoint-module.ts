import type { LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices } from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DefaultSharedCoreModuleContext } from 'langium';
import { ChokepointGeneratedModule, ChokepointGeneratedSharedModule } from './generated/module.js';
import { ChokepointScopeComputation, ChokepointScopeProvider } from './scoping/chokepoint-scope.js';
import { ChokepointCommentProvider } from './documentation/chokepoint-comments.js';
import { registerValidationChecks, ChokepointValidator } from './validation/chokepoint-validator.js';
import { ChokepointDocumentValidator } from './validation/document-validator.js';
import { ChokepointValidationRegistry } from './validation/validation-registry.js';

/** Services this language adds to Langium's. */
export type ChokepointAddedServices = {
    validation: {
        ChokepointValidator: ChokepointValidator
    }
};

export type ChokepointCoreServices = LangiumCoreServices & ChokepointAddedServices;

/** Language services shared by the CLI, the language server and the tests (no LSP here). */
export const ChokepointModule: Module<ChokepointCoreServices, PartialLangiumCoreServices & ChokepointAddedServices> = {
    references: {
        ScopeComputation: (services) => new ChokepointScopeComputation(services),
        ScopeProvider: (services) => new ChokepointScopeProvider(services)
    },
    documentation: {
        CommentProvider: () => new ChokepointCommentProvider()
    },
    validation: {
        DocumentValidator: (services) => new ChokepointDocumentValidator(services),
        ValidationRegistry: (services) => new ChokepointValidationRegistry(services),
        ChokepointValidator: (services) => new ChokepointValidator(services)
    }
};

/** Creates the services without any LSP layer: for the CLI and tests. */
export function createChokepointCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices,
    Chokepoint: ChokepointCoreServices
} {
    const shared = inject(createDefaultSharedCoreModule(context), ChokepointGeneratedSharedModule);
    const Chokepoint = inject(createDefaultCoreModule({ shared }), ChokepointGeneratedModule, ChokepointModule);
    shared.ServiceRegistry.register(Chokepoint);
    registerValidationChecks(Chokepoint);
    return { shared, Chokepoint };
}
