import { DocumentState } from 'langium';
import type { ServiceRequirements } from 'langium/lsp';

/**
 * Which document state each request waits for. Hovers and inlay hints show metrics and
 * numbers derived from validated models; code lenses have their own handler (handlers.ts).
 */
export const serviceRequirements: Partial<ServiceRequirements> = {
    InlayHintProvider: DocumentState.Validated
};
