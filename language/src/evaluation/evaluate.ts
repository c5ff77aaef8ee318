/**
 * One entry point from a linked, validated document to simulation results: used by the
 * CLI's `run`, the language server and the tests, so all three show the same numbers.
 * (Callers that schedule the run themselves, such as the server, lower with
 * `prepareDocument` and drive `simulateStepwise` from `./simulation.ts`.)
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { SimulationResult } from '../engine/results.js';
import { simulate, type SimulateOptions } from '../engine/simulate.js';
import { lowerDocument } from '../lowering/lower.js';
import type { LoweredModel } from '../lowering/model.js';
import { importClosure } from '../loading/imports.js';

export { SimulationCancelled, UnknownScenario, scenarioNames } from '../engine/simulate.js';

export type Evaluation =
    | { status: 'ok'; result: SimulationResult }
    /** Errors in the document or its imports block the simulation. */
    | { status: 'errors'; errorCount: number }
    /** No horizon: `message` says how to add one. */
    | { status: 'no-horizon'; message: string };

/** The engine's own options: evaluation passes them through. */
export type EvaluateOptions = SimulateOptions;

export const NO_HORIZON_MESSAGE =
    'Nothing to simulate: no horizon. Add a line such as `horizon 2026-01 to 2028-12` ' +
    '(optionally followed by `step month`, `step week` or `step day`) to this file or to a file it imports.';

export type Preparation = { status: 'ok'; model: LoweredModel } | { status: 'errors'; errorCount: number } | { status: 'no-horizon'; message: string };

/** Checks that a document can be simulated and lowers it to the engine's model. */
export function prepareDocument(document: LangiumDocument, documents: LangiumDocuments): Preparation {
    const errorCount = countErrors(document, documents);
    if (errorCount > 0) return { status: 'errors', errorCount };
    const lowered = lowerDocument(document, documents);
    if (lowered.status === 'no-horizon') return { status: 'no-horizon', message: NO_HORIZON_MESSAGE };
    return lowered;
}

export function evaluateDocument(document: LangiumDocument, documents: LangiumDocuments, options: EvaluateOptions = {}): Evaluation {
    const prepared = prepareDocument(document, documents);
    if (prepared.status !== 'ok') return prepared;
    return { status: 'ok', result: simulate(prepared.model, options) };
}

/** Error diagnostics in the document and everything it imports. */
export function countErrors(document: LangiumDocument, documents: LangiumDocuments): number {
    let count = 0;
    for (const uri of importClosure(document, documents)) {
        const doc = uri === document.uri.toString() ? document : documents.getDocument(URI.parse(uri));
        if (!doc) continue;
        // Before validation has run, at least the syntax errors count.
        count += doc.diagnostics
            ? doc.diagnostics.filter(d => (d.severity ?? 1) === 1).length
            : doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length;
    }
    return count;
}
