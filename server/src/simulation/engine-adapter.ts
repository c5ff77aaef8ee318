import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Evaluation } from '../../../language/src/evaluation/evaluate.js';
import { evaluateDocument } from '../../../language/src/evaluation/evaluate.js';

/** What one simulation run ended with, as the server sees it. */
export type RunOutcome =
    | { kind: 'evaluated', evaluation: Evaluation }
    | { kind: 'cancelled' }
    /** The engine threw: reported as status 'failed', never a crash. */
    | { kind: 'failed', message: string };

/**
 * Runs the engine's facade for one document. Cancellation is cooperative: the engine polls
 * `shouldCancel` between periods and stops by throwing; any throw after a cancel request
 * counts as a cancellation.
 */
export async function runSimulation(document: LangiumDocument, documents: LangiumDocuments, shouldCancel: () => boolean): Promise<RunOutcome> {
    try {
        const evaluation = evaluateDocument(document, documents, { shouldCancel });
        return shouldCancel() ? { kind: 'cancelled' } : { kind: 'evaluated', evaluation };
    } catch (error) {
        if (shouldCancel()) return { kind: 'cancelled' };
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
}
