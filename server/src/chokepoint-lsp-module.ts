import type { Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import type { ChokepointAddedServices } from '../../language/src/index.js';
import { ChokepointModule } from '../../language/src/index.js';
import { SizeLimitedDocumentFactory } from '../../language/src/index.js';
import { ChokepointGeneratedModule, ChokepointGeneratedSharedModule } from '../../language/src/index.js';
import { registerValidationChecks } from '../../language/src/index.js';
import { ChokepointDefinitionProvider, ChokepointReferencesProvider, LibraryLocations } from './documents/library-file.js';
import { ChokepointLanguageServer } from './language-server.js';
import { ChokepointCommandHandler } from './lsp/server-commands.js';
import { ChokepointCodeActionProvider } from './lsp/code-actions/code-action-provider.js';
import { ChokepointCodeLensProvider } from './lsp/code-lens.js';
import { ChokepointCompletionProvider } from './lsp/completion/completion-provider.js';
import { deferredCompletionParser } from './lsp/completion/deferred-parser.js';
import { ChokepointFoldingRangeProvider } from './lsp/folding.js';
import { ChokepointFormatter } from './lsp/formatter/formatter.js';
import { ChokepointHoverProvider } from './lsp/hover.js';
import { ChokepointInlayHintProvider } from './lsp/inlay-hints.js';
import { ChokepointRenameProvider } from './lsp/rename.js';
import { ChokepointSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { ChokepointDocumentSymbolProvider, ChokepointNodeKindProvider } from './lsp/symbols.js';
import { ChokepointSettingsService } from './settings.js';
import { CompareService } from './compare/compare-service.js';
import { SimulationService } from './simulation/simulation-service.js';
import { SweepService } from './simulation/sweeps.js';
import { ChokepointDocumentBuilder } from './documents/document-builder.js';
import { ChokepointDocumentUpdateHandler } from './documents/document-update-handler.js';
import { LibraryContentProvider } from './documents/library.js';
import { ChokepointWorkspaceManager } from './documents/workspace-manager.js';

/** Services the server shares across documents. */
export type ChokepointSharedAddedServices = {
    simulation: { Service: SimulationService; Sweeps: SweepService };
    settings: { Settings: ChokepointSettingsService };
    library: { Locations: LibraryLocations };
    compare: { Service: CompareService };
};

export type ChokepointSharedServices = LangiumSharedServices & ChokepointSharedAddedServices;

export type ChokepointServices = LangiumServices & ChokepointAddedServices & { shared: ChokepointSharedServices };

export const ChokepointSharedLspModule: Module<ChokepointSharedServices, PartialLangiumSharedServices & ChokepointSharedAddedServices> = {
    workspace: {
        WorkspaceManager: services => new ChokepointWorkspaceManager(services),
        LangiumDocumentFactory: services => new SizeLimitedDocumentFactory(services),
        DocumentBuilder: services => new ChokepointDocumentBuilder(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new ChokepointDocumentUpdateHandler(services),
        NodeKindProvider: () => new ChokepointNodeKindProvider(),
        TextDocumentContentProvider: () => new LibraryContentProvider(),
        ExecuteCommandHandler: services => new ChokepointCommandHandler(services),
        LanguageServer: services => new ChokepointLanguageServer(services)
    },
    simulation: {
        Service: services => new SimulationService(services),
        Sweeps: () => new SweepService()
    },
    settings: {
        Settings: services => new ChokepointSettingsService(services)
    },
    library: {
        Locations: services => new LibraryLocations(services)
    },
    compare: {
        Service: services => new CompareService(services.workspace.LangiumDocuments)
    }
};

export const ChokepointLspModule: Module<ChokepointServices, PartialLangiumServices> = {
    parser: {
        CompletionParser: services => deferredCompletionParser(services)
    },
    lsp: {
        CodeLensProvider: services => new ChokepointCodeLensProvider(services),
        CompletionProvider: services => new ChokepointCompletionProvider(services),
        CodeActionProvider: services => new ChokepointCodeActionProvider(services),
        Formatter: () => new ChokepointFormatter(),
        HoverProvider: services => new ChokepointHoverProvider(services),
        SemanticTokenProvider: services => new ChokepointSemanticTokenProvider(services),
        InlayHintProvider: services => new ChokepointInlayHintProvider(services),
        DocumentSymbolProvider: () => new ChokepointDocumentSymbolProvider(),
        FoldingRangeProvider: services => new ChokepointFoldingRangeProvider(services),
        RenameProvider: services => new ChokepointRenameProvider(services),
        DefinitionProvider: services => new ChokepointDefinitionProvider(services),
        ReferencesProvider: services => new ChokepointReferencesProvider(services)
    }
};

/**
 * The language server's services: Langium's defaults, the generated modules, the shared
 * language module (scoping, documentation, validation) and the LSP features of this folder.
 * Without a connection (tests), the configuration counts as fetched at once.
 */
export function createChokepointServices(context: DefaultSharedModuleContext): { shared: ChokepointSharedServices; Chokepoint: ChokepointServices } {
    const shared = inject(createDefaultSharedModule(context), ChokepointGeneratedSharedModule, ChokepointSharedLspModule);
    const Chokepoint: ChokepointServices = inject(createDefaultModule({ shared }), ChokepointGeneratedModule, ChokepointModule, ChokepointLspModule);
    shared.ServiceRegistry.register(Chokepoint);
    registerValidationChecks(Chokepoint);
    if (!context.connection) void shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Chokepoint };
}
