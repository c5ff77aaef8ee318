/**
 * One entry point from a linked, validated document to simulation results: used by the
 * CLI's `run`, the language server and the tests, so all three show the same numbers.
 * (Implemented by the engine work, issue 3.)
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { SimulationResult } from '../engine/results.js';

export type Evaluation =
    | { status: 'ok', result: SimulationResult }
    /** Errors in the document or its imports block the simulation. */
    | { status: 'errors', errorCount: number }
    /** No horizon: `message` says how to add one. */
    | { status: 'no-horizon', message: string };

export interface EvaluateOptions {
    /** Only this scenario (and the baseline). */
    scenario?: string;
    /** Polled between periods; when it returns true the simulation stops with `SimulationCancelled`. */
    shouldCancel?: () => boolean;
}

export function evaluateDocument(_document: LangiumDocument, _documents: LangiumDocuments, _options: EvaluateOptions = {}): Evaluation {
    throw new Error('evaluateDocument: not implemented yet');
}
