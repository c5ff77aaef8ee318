/**
 * Runs read as summaries (sweeps, `check`'s no-effect) skip the origin bookkeeping
 * (`new Engine(model, { origins: false })`): the engine's decisions never read origin mixes, so
 * every tonne, stock and shortfall must be the same as a run that keeps them.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../language/src/engine/engine.js';
import { runStateArrays } from '../../language/src/engine/run-snapshot.js';
import { generateModel } from './generated-model.js';
import { lower, lowerFile } from './helpers.js';

const JAPAN = path.join(__dirname, '../../examples/japan-2026');
/** What only results read, kept by a run with origins only. */
const ORIGIN_ARRAYS = new Set(['outletMix', 'bufferMix', 'bufferScale', 'embeddedSnap', 'lineSnap', 'outletMixSnap']);

describe('a run without origin bookkeeping', () => {
    it('has every other array of a run with it, value for value, in every scenario', async () => {
        const japan = await lowerFile(path.join(JAPAN, 'main.choke'));
        const generated = await lower(generateModel({ nodes: 80, flows: 200, scenarios: 4, periods: 36 }));
        let unmetSeen = false;
        for (const model of [japan, generated]) {
            expect(model.producers.isPlant.some(p => p)).toBe(true);
            const full = new Engine(model),
                lean = new Engine(model, { origins: false });
            expect(lean.ws.outletMixSnap.length).toBe(0);
            for (const events of [[], ...model.scenarios.map(s => s.events)]) {
                for (const engine of [full, lean]) {
                    engine.begin(events);
                    for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
                }
                const kept = new Map(runStateArrays(lean.ws));
                for (const [name, array] of runStateArrays(full.ws)) {
                    if (ORIGIN_ARRAYS.has(name)) continue;
                    expect(Array.from(kept.get(name)!), name).toEqual(Array.from(array));
                }
                unmetSeen ||= full.ws.sUnmet.some(u => u > 0);
            }
        }
        expect(unmetSeen).toBe(true);
    });
});
