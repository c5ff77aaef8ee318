/**
 * `check`'s no-effect hint compares runs by the figures run-outcome.ts reads from the engine's
 * workspace: they must be the whole results' own (assemble.ts), slot by slot, or the hint
 * would say something the results do not show.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../language/src/engine/engine.js';
import { simulate } from '../../language/src/engine/simulate.js';
import { runOutcome, sameOutcome } from '../../language/src/evaluation/run-outcome.js';
import { generateModel } from './generated-model.js';
import { lower } from './helpers.js';

const RECYCLING = path.join(__dirname, '../decisions/models/recycling.choke');

describe('run outcomes', () => {
    it("equal the results' totals per consumer material and reserve material, in every scenario", async () => {
        // Reserves and unmet need occur in these models, so every kind of figure is compared.
        let unmetSeen = false,
            reserveSlots = 0;
        for (const text of [readFileSync(RECYCLING, 'utf8'), generateModel({ nodes: 60, flows: 150, scenarios: 3, periods: 24 })]) {
            const model = await lower(text);
            reserveSlots += model.rms.material.length;
            const results = simulate(model);
            const engine = new Engine(model);
            for (const [k, events] of [[], ...model.scenarios.map(s => s.events)].entries()) {
                const outcome = runOutcome(model, engine, events);
                const scenario = results.scenarios[k];
                // Slots in model order: each consumer's materials, then each reserve's.
                const expected: number[] = [];
                for (const consumer of Object.values(scenario.consumers)) {
                    for (const m of Object.values(consumer.materials)) expected.push(m.unmet, m.drawn, m.released, m.arrivals);
                }
                for (const reserve of Object.values(scenario.reserves)) {
                    for (const m of Object.values(reserve.materials)) expected.push(m.final, m.released);
                }
                expect(Array.from(outcome)).toEqual(expected);
                unmetSeen ||= expected.some((v, i) => i % 4 === 0 && v > 0);
            }
        }
        expect(unmetSeen).toBe(true);
        expect(reserveSlots).toBeGreaterThan(0);
    });

    it('tell runs apart by more than 10^-6 t only', () => {
        expect(sameOutcome(Float64Array.of(1, 2), Float64Array.of(1 + 1e-7, 2))).toBe(true);
        expect(sameOutcome(Float64Array.of(1, 2), Float64Array.of(1, 2.00001))).toBe(false);
        expect(sameOutcome(Float64Array.of(1), Float64Array.of(1, 2))).toBe(false);
    });
});
