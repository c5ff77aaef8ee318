/**
 * Runs that share their first periods (run-families.ts, engine/run-snapshot.ts): where two
 * event lists part, counted by hand, and a run resumed from another's snapshot ends in the
 * same state, array for array and byte for byte, as the same run from period 0. Marginal
 * values, portfolios and the no-effect hints all rely on it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lower, lowerFile as loadFile } from '../engine/helpers.js';
import { familyOf } from '../../language/src/decisions/run-families.js';
import { planMeasureValues } from '../../language/src/decisions/marginal.js';
import { SummaryRunner } from '../../language/src/decisions/summary.js';
import { Engine } from '../../language/src/engine/engine.js';
import { runFamilyOn } from '../../language/src/engine/run-family.js';
import { firstActingPeriod, firstPeriodApart, runStateArrays } from '../../language/src/engine/run-snapshot.js';
import type { LoweredModel } from '../../language/src/lowering/model.js';

const SHARING = path.join(__dirname, 'models', 'sharing.choke');
const ROOT = path.resolve(__dirname, '../..');

const eventIndex = (model: LoweredModel, name: string) => model.events.findIndex(e => e.name === name);

/** Every array of the run state as bytes, after running `events` from period 0 on a fresh engine. */
function freshState(model: LoweredModel, events: number[]): Map<string, Buffer> {
    const engine = new Engine(model);
    engine.begin(events);
    for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
    return stateOf(engine);
}

function stateOf(engine: Engine): Map<string, Buffer> {
    return new Map(runStateArrays(engine.ws).map(([name, a]) => [name, Buffer.from(a.buffer, a.byteOffset, a.byteLength)]));
}

/**
 * Runs the family on one engine that first ran something else (so nothing left over may
 * leak into the runs), checking each run's whole state against the same run from period 0.
 */
function expectSameAsFresh(model: LoweredModel, trunk: number[], runs: number[][]): number[] {
    const family = familyOf(model, trunk, runs);
    const engine = new Engine(model);
    engine.begin(model.scenarios[0].events);
    for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
    runFamilyOn(engine, family, i => {
        const fresh = freshState(model, runs[i]);
        const resumed = stateOf(engine);
        for (const [name, bytes] of fresh) expect(resumed.get(name)!.equals(bytes), `${name} of run ${i} (${runs[i].join(',')})`).toBe(true);
    });
    const runner = new SummaryRunner(model),
        alone = new SummaryRunner(model);
    expect(JSON.stringify(runner.runFamily(family))).toBe(JSON.stringify(runs.map(r => alone.run(r))));
    return family.shared;
}

describe('where runs part (sharing.choke, months from 2026-01)', () => {
    it('starts each measure at the first period it can act', async () => {
        const model = await lower(readFileSync(SHARING, 'utf8'));
        const start = (name: string) => firstActingPeriod(model, model.events[eventIndex(model, name)]);
        expect(start('LateRecycling')).toBe(6); // from 2026-07
        expect(start('EarlyRecycling')).toBe(0); // no window: from the start
        expect(start('Switch')).toBe(2); // active from 0, draws 2 months after a shortfall at the earliest
        expect(start('Release')).toBe(3); // from 2026-04
        expect(start('AddMine')).toBe(4); // from 2026-05 (its flow's 1-month lead does not delay the outlet's allocation)
        expect(start('Substitution')).toBe(8); // from 2026-09, the ramp's first month already at 1/3
        expect(start('Curb')).toBe(2); // from 2026-03
    });

    it('parts a scenario without a measure where that measure starts; other orders or sets share nothing', async () => {
        const model = await lower(readFileSync(SHARING, 'utf8'));
        const all = model.scenarios.find(s => s.name === 'Everything')!.events;
        const [curb, late, early, sw, release, add, sub] = ['Curb', 'LateRecycling', 'EarlyRecycling', 'Switch', 'Release', 'AddMine', 'Substitution'].map(n =>
            eventIndex(model, n)
        );
        const without = (e: number) => all.filter(x => x !== e);
        expect([late, early, sw, release, add, sub].map(e => firstPeriodApart(model, all, without(e)))).toEqual([6, 0, 2, 3, 4, 8]);
        // Shocks alone against everything: the earliest measure, EarlyRecycling at 0.
        expect(firstPeriodApart(model, all, [curb])).toBe(0);
        // A portfolio of late measures against the shocks alone: the earliest of them, Release at 3.
        expect(firstPeriodApart(model, [curb], [curb, late, release, sub])).toBe(3);
        // The same list shares every period; the same events in another order share none.
        expect(firstPeriodApart(model, all, all)).toBe(model.calendar.periods);
        expect(firstPeriodApart(model, [curb, late, release], [curb, release, late])).toBe(0);
        // A measure twice is a measure more: it parts where it starts.
        expect(firstPeriodApart(model, [curb, late], [curb, late, late])).toBe(6);
    });
});

describe('a run resumed from a shared snapshot equals the same run from period 0', () => {
    it('for each scenario without each of its measures: late, at period 0, a switch, a release, an added supplier with a lead, a ramp', async () => {
        const model = await lower(readFileSync(SHARING, 'utf8'));
        for (const scenario of model.scenarios) {
            const measures = scenario.events.filter(e => !model.events[e].isShock);
            const runs = [scenario.events, ...measures.map(m => scenario.events.filter(e => e !== m)), scenario.events.filter(e => model.events[e].isShock)];
            const shared = expectSameAsFresh(model, scenario.events, runs);
            if (scenario.name === 'Everything') {
                // Itself (all 12 periods), without LateRecycling .. Substitution, then shocks alone.
                expect(shared).toEqual([12, 6, 0, 2, 3, 4, 8, 0]);
            }
        }
    });

    it('for portfolios added to the shocks alone (as optimize runs them), switches included', async () => {
        const model = await lower(readFileSync(SHARING, 'utf8'));
        const curb = eventIndex(model, 'Curb');
        const measures = model.events.map((e, i) => ({ e, i })).filter(({ e }) => !e.isShock);
        const portfolios = Array.from({ length: 1 << measures.length }, (_, bits) => [curb, ...measures.filter((_, k) => (bits >> k) & 1).map(m => m.i)]);
        const shared = expectSameAsFresh(model, [curb], portfolios);
        // {Switch, Release}: bits 2 and 3; the earliest, the switch, parts at 2.
        expect(shared[(1 << 2) | (1 << 3)]).toBe(2);
    });

    it('for the Japan example: every scenario without each measure, and the marginal plan', async () => {
        const model = await loadFile(path.join(ROOT, 'examples/japan-2026/main.choke'));
        const plan = planMeasureValues(model, undefined, true);
        for (const family of plan.families) expectSameAsFresh(model, family.trunk, family.runs);
        // Structural dual system without ABStandards (switches after 1 month) parts at period 1,
        // without Substitution (from 2026-07) at period 6.
        const dual = plan.families[plan.scenarios.findIndex(s => s.name === 'DualSystem')];
        const withoutNamed = (name: string) =>
            dual.shared[dual.runs.findIndex(r => !r.includes(eventIndex(model, name)) && r.length === dual.trunk.length - 1)];
        expect(withoutNamed('ABStandards')).toBe(1);
        expect(withoutNamed('Substitution')).toBe(6);
    });
});
