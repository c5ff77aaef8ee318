import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';

/** The baseline is always the first scenario of a result. */
export function declaredScenarios(result: SimulationResult): ScenarioResult[] {
    return result.scenarios.slice(1);
}

/**
 * The declared scenario with the most unmet need (all consumers, all materials); the first
 * in declaration order on a tie; undefined when no scenario leaves any need unmet.
 */
export function worstScenario(result: SimulationResult): ScenarioResult | undefined {
    let worst: ScenarioResult | undefined;
    for (const scenario of declaredScenarios(result)) {
        if (scenario.totals.unmet > 0 && (!worst || scenario.totals.unmet > worst.totals.unmet)) worst = scenario;
    }
    return worst;
}

/** The status bar's figures (see `ResultsChangedParams`). */
export function expectedSummary(result: SimulationResult): {
    expectedUnmet: number | null;
    expectedLoss: Record<string, number>;
    worstScenario: string | null;
} {
    return {
        expectedUnmet: result.expected.unmet,
        expectedLoss: { ...result.expected.loss },
        worstScenario: worstScenario(result)?.name ?? null
    };
}
