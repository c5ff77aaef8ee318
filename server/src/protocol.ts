/**
 * The contract between the language server and the VS Code client beyond standard LSP:
 * custom requests and notifications, command ids and setting names. Both sides import
 * this file; it imports only types.
 */
import type { SimulationResult } from '../../language/src/view.js';

/** Why a document has (or has no) fresh results. */
export type ResultsStatus =
    /** Results are of the current text. */
    | 'ok'
    /** The document or an import has errors; `errorCount` says how many. */
    | 'errors'
    /** No horizon in the document's closure: nothing can be simulated. */
    | 'no-horizon'
    /** A simulation of the current text is running. */
    | 'running'
    /** Not a Chokepoint document the server knows. */
    | 'unknown'
    /** The engine failed on this model (`message` says why); the server keeps running. */
    | 'failed';

export interface ResultsParams {
    uri: string;
    /**
     * Wait (up to a few seconds) for the results of the current text instead of answering
     * at once with status 'running'.
     */
    wait?: boolean;
}

export interface ResultsResponse {
    uri: string;
    /** The document version the status (and fresh results) belong to. */
    version: number;
    status: ResultsStatus;
    errorCount: number;
    /** Results of the current text when status is 'ok'; otherwise the last good ones, if any. */
    result?: SimulationResult;
    /** True when `result` is from an earlier text (show it as outdated, never as current). */
    stale: boolean;
    /** For 'no-horizon' and 'failed': what to do or what went wrong. */
    message?: string;
    /**
     * When the document has no horizon of its own: the URI of the model importing it whose
     * simulation these results are (its lenses then show that model's numbers).
     */
    via?: string;
    /**
     * By shock or measure name: what it changes in each scenario that uses it. Computed
     * after `result` (absent meanwhile); stale exactly when `result` is.
     */
    effects?: Record<string, MemberEffect[]>;
}

/** A scenario's unmet tonnes and loss minus those of the same scenario without one member. */
export interface MemberEffect {
    scenario: string;
    unmet: number;
    /** Per currency. */
    loss: Record<string, number>;
    /** The followed origin's worst share and the lowest cover, without and with the member (metrics-v2 §2). */
    exposure?: { origin: string | null; worstShare: [number | null, number | null]; lowestCover: [number | null, number | null] };
    /** A measure's cost in the horizon, per currency (every currency of the model). */
    cost?: Record<string, number>;
}

/** Request: the latest results of a document. */
export const ResultsRequest = 'chokepoint/results';

/** Notification (server -> client) each time a document's status or results change. */
export const ResultsChangedNotification = 'chokepoint/resultsChanged';

export interface ResultsChangedParams {
    uri: string;
    version: number;
    status: ResultsStatus;
    errorCount: number;
    /** For the status bar: expected unmet tonnes and loss per currency (null: no probabilities). */
    expectedUnmet: number | null;
    expectedLoss: Record<string, number>;
    /** Name of the scenario with the most unmet need, if any. */
    worstScenario: string | null;
    /** For 'no-horizon' and 'failed': what to do or what went wrong. */
    message?: string;
}

/** Notification (server -> client): a simulation started or finished (for a progress indicator). */
export const SimulationProgressNotification = 'chokepoint/simulationProgress';

export interface SimulationProgressParams {
    uri: string;
    running: boolean;
}

/** Request: the comparison view's grid, the document's model against a git revision. */
export const CompareRequest = 'chokepoint/compare';

export interface CompareParams {
    uri: string;
    revision: string;
}

/** One cell of the comparison grid: `base -> head (Δ)` where they differ, coloured by severity (0-2). */
export interface CompareCell {
    column: string;
    text: string;
    severity: 0 | 1 | 2;
    changed: boolean;
}

/**
 * The chart overlay: every scenario (the baseline included) on one axis per key metric — unmet
 * need, stock, top-origin share, cover, as the report draws them — at both sides when compared,
 * and the shock windows.
 */
export interface CompareOverlay {
    /** `YYYY-MM-DD` of each period (HEAD's calendar). */
    periods: string[];
    /** One chart per key metric; base lines only when the revision has the same calendar. */
    metrics: OverlayMetric[];
    /** Periods [from, to) in which a shock of the scenario is active, clipped to the horizon. */
    windows: { scenario: string; shock: string; from: number; to: number }[];
}

export interface OverlayMetric {
    id: 'unmet' | 'stock' | 'share' | 'cover';
    title: string;
    unit: string;
    kind: 'tonnes' | 'share' | 'days';
    lines: { scenario: string; side: 'base' | 'head'; values: (number | null)[] }[];
}

/** Request: the chart's overlay of scenarios, against `revision` (null: no comparison, the current results alone). */
export const ChartOverlayRequest = 'chokepoint/chartOverlay';

export interface ChartOverlayParams {
    uri: string;
    revision: string | null;
}

export type ChartOverlayResponse =
    | {
          status: 'ok';
          /** The revision compared with, or null (no comparison, or nothing to compare with: outside git, no such revision, not checking there). */
          revision: string | null;
          overlay: CompareOverlay;
      }
    | { status: 'unavailable'; message: string };

export type CompareResponse =
    | {
          status: 'ok';
          revision: string;
          commit: string;
          /** The model file whose results are compared (the document's own, or the one importing it). */
          model: string;
          columns: { id: string; title: string }[];
          rows: { scenario: string; probability: string; cells: CompareCell[] }[];
          /** The expected values' row: unmet and loss, `base -> head`. */
          expected: { unmet: string; loss: string } | null;
      }
    /** Nothing to compare: not in git, no such revision, no current results, or the revision's model does not check. */
    | { status: 'unavailable'; message: string };

/** Request: the text of the read-only standard library (for the `chokepoint-lib:` scheme). */
export const LibraryTextRequest = 'chokepoint/libraryText';

/** Request: the criticality ranking of a document's model (decisions.md §3), as a markdown document. */
export const RankingRequest = 'chokepoint/ranking';

export interface RankingParams {
    uri: string;
    /** The outage's length in the language's form (default `3 months`). */
    outage?: string;
    scenario?: string;
}

/** Request: the budget frontier of a document's model for the chart view (params: ResultsParams' `uri`). */
export const FrontierRequest = 'chokepoint/frontier';

/** The frontier in one currency (cost and expected loss of each best portfolio), or why there is none. */
export type FrontierResponse = { currency: string; points: { cost: number; expectedLoss: number; measures: string[] }[] } | { message: string };

/** The ranking as markdown, or why there is none. */
export type RankingResponse = { markdown: string } | { message: string };

/** Client commands the server's code lenses invoke (and the command palette offers). */
export const Commands = {
    /** Arguments from lenses: [uri: string, scenarioName: string]. */
    runScenario: 'chokepoint.runScenario',
    /** Arguments from lenses: [uri: string]. */
    showChart: 'chokepoint.showChart',
    exportResults: 'chokepoint.exportResults',
    openStandardLibrary: 'chokepoint.openStandardLibrary',
    restartServer: 'chokepoint.restartServer',
    /** Arguments: [uri: string, entityName: string]; shows a detail view of that entity's metrics. */
    showDetails: 'chokepoint.showDetails',
    /** Asks for a branch or commit and opens the comparison view of the active model against it. */
    compareWithRevision: 'chokepoint.compareWithRevision',
    /** Arguments: [uri: string]; opens the criticality ranking of the model as a markdown document. */
    showRanking: 'chokepoint.showRanking'
} as const;

/** Settings under `chokepoint.*` (the client contributes them; the server reads them). */
export interface ChokepointSettings {
    lenses: {
        file: boolean;
        consumer: boolean;
        reserve: boolean;
        plant: boolean;
        shock: boolean;
        measure: boolean;
        scenario: boolean;
        target: boolean;
    };
    inlayHints: {
        /** `60 days` shows `≈ 2,916 t`. */
        quantities: boolean;
        /** `18000 t/yr` shows `1,500 t/month` (the model's step). */
        rates: boolean;
    };
    chart: {
        /** Scenario the chart opens on; empty for the worst scenario. */
        defaultScenario: string;
    };
    /** The git revision lenses and hovers compare with (`HEAD`, a branch, a commit), or `none`. */
    compareWith: string;
}
