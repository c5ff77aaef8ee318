/**
 * Runs the baseline and the scenarios of a lowered model: a pure function of the model, with
 * no clock and no scheduling. `simulate` runs to the end, polling `shouldCancel` between
 * periods; `simulateStepwise` hands the period loop to the caller (a generator that yields
 * after every period), so a language server can decide itself when to yield to its event
 * loop and when to stop. Both stop with `SimulationCancelled` when the caller asks.
 */
import { isoDate } from '../values/dates.js';
import type { LoweredModel } from '../lowering/model.js';
import { assembleScenario } from './assemble.js';
import { Engine } from './engine.js';
import { judgeTargets } from './judge.js';
import { r2, r6 } from './metrics.js';
import { ModelIndex } from './model-index.js';
import type { ExpectedValues, ScenarioResult, SimulationResult, TargetSummary } from './results.js';

export class SimulationCancelled extends Error {
    constructor() {
        super('simulation cancelled');
        this.name = 'SimulationCancelled';
    }
}

export class UnknownScenario extends Error {
    constructor(
        readonly scenario: string,
        readonly known: string[]
    ) {
        super(`unknown scenario '${scenario}'; known scenarios: ${known.length > 0 ? known.join(', ') : '(none)'}`);
        this.name = 'UnknownScenario';
    }
}

export interface SimulateOptions {
    /** Only this scenario (and the baseline). */
    scenario?: string;
    /** Polled between periods; true stops the run with `SimulationCancelled`. */
    shouldCancel?: () => boolean;
}

export const BASELINE = 'baseline';

/** Scenario names in result order, the baseline first. */
export function scenarioNames(model: LoweredModel): string[] {
    return [BASELINE, ...model.scenarios.map(s => s.name)];
}

export function simulate(model: LoweredModel, options: SimulateOptions = {}): SimulationResult {
    const scenarios: ScenarioResult[] = [];
    const rest = drive(
        runAll(model, options.scenario, s => {
            scenarios.push(s);
        }),
        options.shouldCancel
    );
    return { horizon: rest.horizon, periodStarts: rest.periodStarts, scenarios, expected: rest.expected, targetSummary: rest.targetSummary };
}

/**
 * The same run, handing each scenario's results to `onScenario` as soon as they are ready
 * and keeping none of them: for writing large results out without holding them all.
 */
export function simulateEach(
    model: LoweredModel,
    options: SimulateOptions,
    onScenario: (scenario: ScenarioResult) => void
): Omit<SimulationResult, 'scenarios'> {
    return drive(runAll(model, options.scenario, onScenario), options.shouldCancel);
}

/**
 * The same run, one period per step: the generator yields after every period of every
 * scenario and returns the whole result. The caller drives it (and may stop driving it).
 */
export function* simulateStepwise(
    model: LoweredModel,
    options: Pick<SimulateOptions, 'scenario'> & { onScenario?: (scenario: ScenarioResult) => void } = {}
): Generator<void, SimulationResult, void> {
    const scenarios: ScenarioResult[] = [];
    // With `onScenario`, each scenario goes there and the result holds none (as `simulateEach`).
    const rest = yield* runAll(model, options.scenario, options.onScenario ?? (s => scenarios.push(s)));
    return { horizon: rest.horizon, periodStarts: rest.periodStarts, scenarios, expected: rest.expected, targetSummary: rest.targetSummary };
}

/** The horizon and the first day of every period, as results give them. */
export function horizonOf(model: LoweredModel): Pick<SimulationResult, 'horizon' | 'periodStarts'> {
    const { calendar } = model;
    const periodStarts = Array.from(calendar.periodStart.subarray(0, calendar.periods), isoDate);
    return {
        horizon: { start: periodStarts[0], end: periodStarts[calendar.periods - 1], step: calendar.step, periods: calendar.periods },
        periodStarts
    };
}

type Rest = Omit<SimulationResult, 'scenarios'>;

function drive<T>(run: Generator<void, T, void>, shouldCancel: (() => boolean) | undefined): T {
    for (let step = run.next(); ; step = run.next()) {
        if (step.done) return step.value;
        if (shouldCancel?.()) throw new SimulationCancelled();
    }
}

/** One run of the results: the baseline or a scenario, by name, with its probability and events. */
export interface ScenarioRun {
    name: string;
    probability: number | null;
    events: number[];
}

/** The runs the results hold, in order: the baseline, then every scenario (or only `only`). */
export function scenarioRuns(model: LoweredModel, only: string | undefined): ScenarioRun[] {
    const chosen = only === undefined || only === BASELINE ? (only === BASELINE ? [] : model.scenarios) : model.scenarios.filter(s => s.name === only);
    if (only !== undefined && only !== BASELINE && chosen.length === 0) throw new UnknownScenario(only, scenarioNames(model));
    return [{ name: BASELINE, probability: null, events: [] }, ...chosen];
}

/**
 * Runs scenarios one at a time on one engine, each to its results. The results' runs may be
 * shared between threads (the CLI's `run --json` on a large model): a run's results depend on
 * its events only, so any thread gives the same.
 */
export class ScenarioSimulator {
    private readonly engine: Engine;
    private readonly index: ModelIndex;

    constructor(readonly model: LoweredModel) {
        this.engine = new Engine(model);
        this.index = new ModelIndex(model);
    }

    /** Runs `run` to the end, polling `shouldCancel` between periods. */
    run(run: ScenarioRun, shouldCancel?: () => boolean): ScenarioResult {
        return drive(this.steps(run), shouldCancel);
    }

    /** The same, yielding after every period. */
    *steps(run: ScenarioRun): Generator<void, ScenarioResult, void> {
        this.engine.begin(run.events);
        for (let t = 0; t < this.model.calendar.periods; t++) {
            this.engine.step(t);
            yield;
        }
        return this.results(run);
    }

    /** The results of `run`, which the engine has just run to the end. */
    private results(run: ScenarioRun): ScenarioResult {
        const { model, engine, index } = this;
        const shockStart = shockStartPeriod(model, run.events);
        const result = assembleScenario(model, engine.ws, index, run.name, run.probability, shockStart);
        result.targets = judgeTargets(model, engine.ws, index, run.name);
        return result;
    }
}

/** What the results hold beside the scenarios, from every scenario's results in order. */
export function resultsBesideScenarios(model: LoweredModel, scenarios: readonly ScenarioSummary[]): Omit<SimulationResult, 'scenarios'> {
    return { ...horizonOf(model), expected: expectedValues(scenarios), targetSummary: summarizeTargets(model, scenarios) };
}

/**
 * Yields after every period of every scenario, so drivers can cancel between periods.
 * Each scenario's results go to `emit`; only what expected values and the target summary
 * need is kept.
 */
function* runAll(model: LoweredModel, only: string | undefined, emit: (scenario: ScenarioResult) => void): Generator<void, Rest, void> {
    const runs = scenarioRuns(model, only);
    const simulator = new ScenarioSimulator(model);
    const summaries: ScenarioSummary[] = [];
    for (const scenario of runs) {
        const result = yield* simulator.steps(scenario);
        summaries.push(scenarioSummary(result));
        emit(result);
    }
    return resultsBesideScenarios(model, summaries);
}

/** What expected values and the target summary read of a scenario's results. */
export type ScenarioSummary = Pick<ScenarioResult, 'name' | 'probability' | 'totals' | 'targets'>;

/** Only what `resultsBesideScenarios` reads, so the rest of the results can go. */
export function scenarioSummary(result: ScenarioResult): ScenarioSummary {
    return { name: result.name, probability: result.probability, totals: result.totals, targets: result.targets };
}

/** The period in which the earliest shock of the scenario that touches the horizon starts. */
export function shockStartPeriod(model: LoweredModel, events: number[]): number | null {
    let earliest: number | null = null;
    for (const e of events) {
        const event = model.events[e];
        if (!event.isShock) continue;
        const { fromPeriod, toPeriod } = event.window;
        if (fromPeriod >= model.calendar.periods || toPeriod <= 0 || toPeriod <= fromPeriod) continue;
        const start = Math.max(0, fromPeriod);
        if (earliest === null || start < earliest) earliest = start;
    }
    return earliest;
}

function expectedValues(scenarios: readonly ScenarioSummary[]): ExpectedValues {
    const weighted = scenarios.filter(s => s.probability !== null);
    if (weighted.length === 0) return { unmet: null, loss: {}, probability: 0 };
    let unmet = 0,
        probability = 0;
    const loss: Record<string, number> = {};
    for (const s of weighted) {
        const p = s.probability!;
        probability += p;
        unmet += p * s.totals.unmet;
        for (const [currency, value] of Object.entries(s.totals.loss)) loss[currency] = (loss[currency] ?? 0) + p * value;
    }
    for (const currency of Object.keys(loss)) loss[currency] = r2(loss[currency]);
    return { unmet: r6(unmet), loss, probability: r6(probability) };
}

function summarizeTargets(model: LoweredModel, scenarios: readonly ScenarioSummary[]): Record<string, TargetSummary> {
    const summary: Record<string, TargetSummary> = {};
    for (const target of model.targets) {
        const judged = scenarios.filter(s => target.name in s.targets);
        if (judged.length === 0) continue;
        const failedIn = judged.filter(s => s.targets[target.name].pass === false).map(s => s.name);
        // A target without a value (pass null) in some scenario is not shown to pass.
        summary[target.name] = { pass: failedIn.length === 0 && judged.every(s => s.targets[target.name].pass === true), failedIn };
    }
    return summary;
}
