/**
 * The language package's entry: everything the language server and the VS Code client use of
 * it. They import from here only (a dependency-cruiser rule enforces it, tests excepted), so
 * what lies behind it can move without touching them. Grouped as the pipeline runs.
 */

// Services and the syntax tree (generated from the grammar).
export { ChokepointModule, createChokepointCoreServices, type ChokepointAddedServices, type ChokepointCoreServices } from './chokepoint-module.js';
export { ChokepointGeneratedModule, ChokepointGeneratedSharedModule } from './generated/module.js';
export * from './generated/ast.js';

// The files a model consists of: the standard library and imports.
export { STDLIB_SCHEME, STDLIB_TEXT, STDLIB_URI, isStdlibUri, stdlibDocument } from './loading/stdlib.js';
export { importClosure, importedUris, resolveImport } from './loading/imports.js';
export { mayImport, workspaceRoots } from './loading/confinement.js';
export { oversizedSize, SizeLimitedDocumentFactory } from './loading/size-limits.js';

// Validation: the checks, their codes, and what they know of names, kinds and places.
export { registerValidationChecks } from './validation/chokepoint-validator.js';
export { Code, type DiagnosticCode } from './validation/codes.js';
export { expectationFor, kindWord, type Kind } from './validation/kinds.js';
export { placeOf, type Expect } from './validation/places.js';
export { closestName } from './validation/suggestions.js';
export { leadScopeText } from './validation/checks/lead-scope.js';

// Values: quantities and dates; the results and how numbers read for people (view.ts).
export { amountRange, amountValue, days, DAYS_PER_MONTH, parseNumber, tonnesPerDay, unitKind } from './values/quantities.js';
export { parseDate } from './values/dates.js';
export { limitProblem } from './values/limits.js';
export { printable } from './values/printable.js';
export * from './view.js';

// Evaluation: from a document (or a lowered model) to results, the one way to numbers.
export { countErrors, evaluateDocument, prepareDocument, type Evaluation, type Preparation } from './evaluation/evaluate.js';
// The lowered-model half of evaluation: simulate, its parts for threads, cancellation.
export * from './evaluation/simulation.js';
export { runEnds, takeBack, takeFront } from './evaluation/run-ends.js';
export type { LoweredModel, StepUnit } from './lowering/model.js';
export { evaluateOptimization, optimizeCandidates } from './evaluation/optimization.js';
export { DEFAULT_OUTAGE, evaluateRanking, evaluateRankingWith } from './evaluation/ranking.js';
export { familySummaries } from './evaluation/measure-values.js';
export { POOL_MIN_WORK, RunPool, sweepWork, type BatchOptions } from './evaluation/pool.js';
export type { RunFamily } from './decisions/run-families.js';
export type { RunSummary } from './decisions/summary.js';
export { explanationsOf, type Explanation } from './evaluation/explanations.js';
export { explainModel, type ModelExplanation } from './evaluation/model-explanations.js';
export { ConstantSeries, packSeries, unpackSeries, withPlainSeries, type PackedSeries } from './evaluation/packed-series.js';

// Decisions: costs, marginal values, ranking of chokepoints.
export { costCurrencies, horizonCost, measureCosts } from './decisions/costs.js';
export { ratioOf } from './decisions/marginal.js';
export { parseDuration, rankCandidates, type RankedNode, type Ranking } from './decisions/rank.js';

// Review: comparing runs and revisions (diff, compare view, lens deltas).
export { compareRuns, type MetricChange, type RunComparison } from './review/compare.js';
export { repositoryRoot, resolveCommit } from './review/git.js';
export { cellChange } from './review/markdown.js';
export { buildRevisionWorkspace, type SideResults } from './review/revision-workspace.js';
export { GRID_COLUMNS, GRID_TITLES, moneyCell, scenarioGrid, severity } from './review/scenario-grid.js';
export { snapshotAt } from './review/snapshot.js';

// The report's charts (the comparison view's chart overlay uses the same data).
export { reportCharts } from './report/report-data.js';
export { shockWindows, type ShockWindow } from './report/report-extras.js';
