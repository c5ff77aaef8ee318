/**
 * Messages between the server and its simulation workers (runners.ts, simulation-worker.ts).
 * A job goes to the main worker; on a large model its main run is shared with a helper worker
 * (`shared`): the main worker takes the baseline and scenarios from the front of the runs left
 * (language/src/evaluation/run-ends.ts), the helper from the back. Both send each scenario to
 * the server as soon as it is made; the helper also sends the main worker each scenario's
 * facts (exposure.ts) through the job's port, which is all the effects need of it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { LoweredModel, PackedSeries, ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import type { ModelExplanation } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import type { RunOutcome } from './engine-adapter.js';
import type { ScenarioFacts } from './exposure.js';

export type ToWorker = {
    id: number;
    model: LoweredModel;
    cancelFlag: SharedArrayBuffer;
    /**
     * Only the member effects, from a run done elsewhere: its whole result (the effects read
     * the horizon and the scenarios' series for the exposure change, not only their totals).
     */
    done?: SimulationResult;
    /** The main run shared with the helper: the runs left (run-ends.ts) and this job's port between the two workers. */
    shared?: { ends: SharedArrayBuffer; port: MessagePort };
    /** To the helper: take runs from the back of `shared.ends`; no effects, no explanations. */
    helping?: boolean;
};

export type FromWorker =
    /**
     * Run `index` of the main run (0 the baseline, then the scenarios) as soon as it is made,
     * its series packed: unpacking a big result at once held the server's thread for some
     * 300 ms, one scenario at a time a few tens, between which requests are answered.
     */
    | { id: number; kind: 'scenario'; index: number; summary: ScenarioResult; series: PackedSeries }
    /** The main worker's share of the main run is done (the results themselves came as `scenario`s). */
    | { id: number; kind: 'result'; outcome: ShareOutcome }
    | { id: number; kind: 'effects'; effects: Record<string, MemberEffect[]> | undefined }
    | { id: number; kind: 'explanations'; explanations: ModelExplanation[] | undefined }
    /** The helper's share is done; `failed` when the engine threw (not when cancelled). */
    | { id: number; kind: 'helped'; failed: boolean };

/** A run that did not end with results. */
export type RunFailure = Exclude<RunOutcome, { kind: 'ok' }>;

/** How a worker's share of a main run ended: its runs all sent, or not. */
export type ShareOutcome = { kind: 'ok' } | RunFailure;

/** From the helper to the main worker, through the job's port. */
export type HelperFacts =
    /** `followed`: the origin the effects follow, sent with the baseline's facts. */
    { index: number; facts: ScenarioFacts; followed?: string | null } | { done: true };

export const WORKER_MARK = 'chokepoint-simulation-worker';
