/**
 * The lowered-model half of evaluation: what callers that already hold a `LoweredModel` (the
 * CLI's streaming JSON, the language server's runners and worker) use to simulate it. Every
 * caller outside the engine goes through `evaluation/`, never `engine/simulate.ts` itself.
 */
export {
    BASELINE,
    horizonOf,
    resultsBesideScenarios,
    scenarioNames,
    scenarioRuns,
    ScenarioSimulator,
    scenarioSummary,
    simulate,
    simulateEach,
    simulateStepwise,
    SimulationCancelled,
    UnknownScenario,
    type ScenarioRun,
    type ScenarioSummary,
    type SimulateOptions
} from '../engine/simulate.js';
