/**
 * The server's scheduling of an in-process run: the engine is a pure function of the model
 * and hands its period loop over (`simulateStepwise`); here the server drives it, yields to
 * its event loop every few milliseconds so a newer edit can come in, and stops when asked.
 */
import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import type { LoweredModel } from '../../../language/src/index.js';
import { simulateStepwise, SimulationCancelled } from '../../../language/src/index.js';

export interface YieldingOptions {
    scenario?: string;
    /** Polled between periods; true stops the run with `SimulationCancelled`. */
    isCancelled?: () => boolean;
    /** Longest stretch of work between two yields to the event loop (default 5 ms). */
    yieldEveryMs?: number;
    /** Each scenario's results as they are ready; the result then holds none. */
    onScenario?: (scenario: ScenarioResult) => void;
}

/**
 * The next turn of the event loop: what this turn has in hand (an answer being written, the
 * promise callbacks queued) goes first. For work that would otherwise hold up a waiting answer.
 */
export function nextTurn(): Promise<void> {
    return new Promise<void>(resolve => setImmediate(resolve));
}

export async function simulateYielding(model: LoweredModel, options: YieldingOptions = {}): Promise<SimulationResult> {
    const every = options.yieldEveryMs ?? 5;
    if (options.isCancelled?.()) throw new SimulationCancelled();
    const run = simulateStepwise(model, { scenario: options.scenario, ...(options.onScenario ? { onScenario: options.onScenario } : {}) });
    let since = performance.now();
    for (let step = run.next(); ; step = run.next()) {
        if (step.done) return step.value;
        if (performance.now() - since >= every) {
            await nextTurn();
            since = performance.now();
        }
        if (options.isCancelled?.()) throw new SimulationCancelled();
    }
}
