import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { evaluateDocument, prepareDocument, SimulationCancelled } from '../../language/src/evaluation/evaluate.js';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { simulate, simulateStepwise } from '../../language/src/engine/simulate.js';
import { simulateYielding } from '../../server/src/simulation/yielding.js';
import { lowerDocument } from '../../language/src/lowering/lower.js';
import { loadModel } from '../../language/src/loading/load.js';
import { build, checkInvariants, lower, run } from './helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function chokeFiles(dir: string): string[] {
    return readdirSync(dir)
        .sort()
        .flatMap(name => {
            const full = path.join(dir, name);
            return statSync(full).isDirectory() ? chokeFiles(full) : name.endsWith('.choke') ? [full] : [];
        });
}

/** Every example file, each simulated as the root of its own imports when they hold a horizon. */
const examples = chokeFiles(EXAMPLES);
const ENTRY_POINTS = [path.join('spec', 'spec.choke'), path.join('japan-2026', 'main.choke'), path.join('crisis-2010', 'main.choke')];

describe('examples', () => {
    test('the entry points exist', () => {
        for (const entry of ENTRY_POINTS) expect(examples.map(f => path.relative(EXAMPLES, f))).toContain(entry);
    });

    test.each(examples.map(f => [path.relative(EXAMPLES, f), f]))('%s keeps every invariant', async (name, file) => {
        const services = createChokepointCoreServices(NodeFileSystem);
        const loaded = await loadModel(services, [file]);
        const lowered = lowerDocument(loaded.roots[0], services.shared.workspace.LangiumDocuments);
        // A file without a horizon in its imports (a piece of a larger example) has nothing to run.
        if (ENTRY_POINTS.includes(name) || /^\s*horizon\s/m.test(readFileSync(file, 'utf8'))) expect(lowered.status).toBe('ok');
        if (lowered.status !== 'ok') return;
        const result = simulate(lowered.model);
        checkInvariants(result);
        // Byte-identical when run again.
        expect(JSON.stringify(simulate(lowered.model))).toBe(JSON.stringify(result));
    });

    test("the spec's example runs with its scenario, reserve and target", async () => {
        const services = createChokepointCoreServices(NodeFileSystem);
        const loaded = await loadModel(services, [path.join(EXAMPLES, 'spec', 'spec.choke')]);
        const evaluation = evaluateDocument(loaded.roots[0], services.shared.workspace.LangiumDocuments);
        expect(evaluation.status).toBe('ok');
        if (evaluation.status !== 'ok') return;
        const { result } = evaluation;
        expect(result.scenarios.map(s => s.name)).toEqual(['baseline', 'Curb']);
        expect(result.scenarios[1].probability).toBe(0.15);
        expect(Object.keys(result.scenarios[0].reserves)).toEqual(['NationalStockpile']);
        // 60 days of 1478 t/month = 60 x 1478 x 12/365 t.
        expect(result.scenarios[0].reserves.NationalStockpile.materials.REE.initial).toBeCloseTo((60 * 1478 * 12) / 365, 5);
        expect(result.scenarios[0].targets.ChinaShare).toMatchObject({ value: 1, pass: false, judgedAt: '2028-01-01' });
    });
});

const NETWORK = [
    'horizon 2026-01 to 2026-12',
    'supplier CN in China { produces REE 900 t/month  produces NdPrOxide 300 t/month  produces DyOxide 5 t/month }',
    'supplier VN in Vietnam { produces REE 300 t/month  produces NdPrOxide 100 t/month }',
    'supplier AU in Australia { produces NdPrOxide 80 t/month  online 2026-03 ramp 4 months }',
    'plant Metal in Japan { makes NdPrMetal 200 t/month from NdPrOxide 1.2 }',
    'plant Magnets in Japan { makes NdFeB 400 t/month from NdPrMetal 0.3, DyOxide 0.02 }',
    'consumer Cars in Japan { needs NdFeB 350 t/month  stock NdFeB 30 days  priority high  loss 5 million JPY per t }',
    'consumer Wind in Japan { needs NdFeB 100 t/month  needs REE 200 t/month  loss 2 million JPY per t }',
    'consumer Defence in Japan { needs REE 50 t/month  priority critical  stock REE 90 days }',
    'consumer Europe in France { needs REE 400 t/month  loss 30 thousand EUR per t }',
    'flow CN -> Metal { NdPrOxide 250 t/month  lead 1 month }',
    'flow VN -> Metal { NdPrOxide 80 t/month  lead 2 months }',
    'flow AU -> Metal { NdPrOxide 80 t/month  lead 45 days }',
    'flow Metal -> Magnets { NdPrMetal 200 t/month }',
    'flow CN -> Magnets { DyOxide 5 t/month  lead 1 month }',
    'flow Magnets -> Cars { NdFeB 350 t/month }',
    'flow Magnets -> Wind { NdFeB 100 t/month }',
    'flow CN -> Wind { REE 150 t/month  lead 1 month }',
    'flow VN -> Wind { REE 50 t/month }',
    'flow CN -> Defence { REE 50 t/month }',
    'flow CN -> Europe { REE 400 t/month  lead 2 months }',
    'flow VN -> Stockpile { REE 20 t/month }',
    'reserve Stockpile in Japan { holds REE 60 days  holds NdFeB 500 t  serves Wind, Defence, Cars  release 150 t/month }',
    'shock Curb { embargo China -> Japan cut 80%  from 2026-03 for 4 months }',
    'shock Heavy { embargo China -> * on DyOxide  from 2026-02 }',
    'shock Slow { delay Vietnam -> Japan +1 month  from 2026-05 for 2 months }',
    'shock Boom { demand Europe +10%  from 2026-06 }',
    'measure Dual { switch Wind to VN after 2 months }',
    'measure Loop { recycle 10% of Cars  from 2026-04 }',
    'measure LowDy { substitute 20% of Wind on NdFeB  from 2026-02 ramp 6 months }',
    'measure Open { release Stockpile to Defence, Cars at 300 t/month  from 2026-04 }',
    'scenario Embargo probability 40% { Curb, Heavy, Dual, Open }',
    'scenario Storm probability 60% { Curb, Slow, Boom, Loop, LowDy }',
    'target Share { dependency of Wind on China <= 50% by 2026-10 }',
    'target Enough { fill of * >= 95% }',
    'target Cover { cover of Stockpile >= 30 days in Embargo }'
];

/** Results with scenarios keyed by name and object keys sorted: two runs compare by name, not by order. */
function byName(result: SimulationResult): unknown {
    const targetSummary = Object.fromEntries(Object.entries(result.targetSummary).map(([k, t]) => [k, { ...t, failedIn: [...t.failedIn].sort() }]));
    return sortKeys({ ...result, targetSummary, scenarios: Object.fromEntries(result.scenarios.map(s => [s.name, s])) });
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === 'object') {
        return Object.fromEntries(
            Object.entries(value)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, v]) => [k, sortKeys(v)])
        );
    }
    return value;
}

describe('determinism', () => {
    test('the same results whatever the order of declarations', async () => {
        const forward = await run(NETWORK.join('\n'));
        const reversed = await run([...NETWORK].reverse().join('\n'));
        // Spread over two files, the second imported by the first.
        const split = await run(`import "./more.choke"\n${NETWORK.slice(12).join('\n')}`, { imports: { 'more.choke': NETWORK.slice(0, 12).join('\n') } });
        expect(byName(reversed)).toEqual(byName(forward));
        expect(byName(split)).toEqual(byName(forward));
        // The network is not trivial: it has shortages, releases, a switch and a plant buffer.
        const embargo = forward.scenarios[1];
        expect(embargo.totals.unmet).toBeGreaterThan(0);
        expect(embargo.reserves.Stockpile.materials.NdFeB.released).toBeGreaterThan(0);
        expect(embargo.plants.Metal.inputs.NdPrOxide.buffer).toBeGreaterThan(0);
        // During the curb, Wind's share from China (its top origin) falls as it switches to Vietnam.
        expect(embargo.consumers.Wind.dependency.China).toBe(0.75);
        expect(Math.min(...embargo.consumers.Wind.materials.REE.series.topOriginShare)).toBeLessThan(0.75);
    });

    test('scenario, consumer and reserve keys follow declaration order along the imports', async () => {
        const split = await run(`import "./more.choke"\n${NETWORK.slice(12).join('\n')}`, { imports: { 'more.choke': NETWORK.slice(0, 12).join('\n') } });
        expect(split.scenarios.map(s => s.name)).toEqual(['baseline', 'Embargo', 'Storm']);
        expect(Object.keys(split.scenarios[0].consumers)).toEqual(['Cars', 'Wind', 'Defence', 'Europe']);
    });

    test('only one scenario (and the baseline) with `scenario`', async () => {
        const model = await lower(NETWORK.join('\n'));
        const only = simulate(model, { scenario: 'Storm' });
        expect(only.scenarios.map(s => s.name)).toEqual(['baseline', 'Storm']);
        expect(sortKeys(only.scenarios[1])).toEqual(sortKeys(simulate(model).scenarios[2]));
        expect(() => simulate(model, { scenario: 'Nope' })).toThrow(/unknown scenario 'Nope'; known scenarios: baseline, Embargo, Storm/);
    });
});

describe('cancellation', () => {
    test('the synchronous run stops between periods', async () => {
        const model = await lower(NETWORK.join('\n'));
        let polls = 0;
        expect(() => simulate(model, { shouldCancel: () => ++polls > 5 })).toThrow(SimulationCancelled);
        expect(polls).toBe(6);
    });

    test('the stepwise run yields once per period of every run and returns the same result', async () => {
        const model = await lower(NETWORK.join('\n'));
        const run = simulateStepwise(model);
        let steps = 0;
        let step = run.next();
        for (; !step.done; step = run.next()) steps++;
        // The baseline and two scenarios, each over every period of the horizon.
        expect(steps).toBe(3 * model.calendar.periods);
        expect(JSON.stringify(step.value)).toBe(JSON.stringify(simulate(model)));
    });

    test('with onScenario, each scenario is handed over in order as it is made and the result keeps none', async () => {
        const model = await lower(NETWORK.join('\n'));
        const handed: string[] = [];
        const whole = simulate(model);
        const run = simulateStepwise(model, {
            onScenario: s => handed.push(JSON.stringify(s))
        });
        let step = run.next();
        while (!step.done) step = run.next();
        expect(step.value.scenarios).toEqual([]);
        expect(handed).toEqual(whole.scenarios.map(s => JSON.stringify(s)));
        expect(JSON.stringify(step.value.expected)).toBe(JSON.stringify(whole.expected));
    });

    test("the server's in-process run yields to the event loop and stops when asked", async () => {
        const model = await lower(NETWORK.join('\n'));
        let cancelled = false;
        let ticks = 0;
        const timer = setInterval(() => {
            ticks++;
            cancelled = true;
        }, 0);
        // yieldEveryMs 0: yield after every period, so the timer gets to run.
        await expect(simulateYielding(model, { isCancelled: () => cancelled, yieldEveryMs: 0 })).rejects.toBeInstanceOf(SimulationCancelled);
        clearInterval(timer);
        expect(ticks).toBeGreaterThan(0);
        const full = await simulateYielding(model);
        expect(JSON.stringify(full)).toBe(JSON.stringify(simulate(model)));
    });

    test("a document run by the server's scheduling gives the same results as evaluateDocument", async () => {
        const built = await build({ 'main.choke': NETWORK.join('\n') });
        const sync = evaluateDocument(built.root, built.documents);
        const prepared = prepareDocument(built.root, built.documents);
        if (prepared.status !== 'ok') throw new Error(`not simulated: ${prepared.status}`);
        const async = { status: 'ok', result: await simulateYielding(prepared.model, { yieldEveryMs: 1 }) };
        expect(JSON.stringify(async)).toBe(JSON.stringify(sync));
    });
});

describe('evaluation status', () => {
    test('no horizon: a message that shows how to add one', async () => {
        const built = await build({ 'main.choke': 'consumer C in Japan { needs REE 1 t/month }' });
        const evaluation = evaluateDocument(built.root, built.documents);
        expect(evaluation.status).toBe('no-horizon');
        if (evaluation.status === 'no-horizon') expect(evaluation.message).toContain('horizon 2026-01 to 2028-12');
    });

    test('errors in the document or an import block the simulation', async () => {
        const built = await build({
            'main.choke': 'import "./bad.choke"\nhorizon 2026-01 to 2026-02',
            'bad.choke': 'consumer C in Japan { needs REE 1 t/month'
        });
        const evaluation = evaluateDocument(built.root, built.documents);
        expect(evaluation.status).toBe('errors');
        if (evaluation.status === 'errors') expect(evaluation.errorCount).toBeGreaterThan(0);
    });
});

describe('lowering is defensive', () => {
    const odd = [
        'horizon 2026-01 to 2026-03\nflow Nowhere -> Nobody { REE 10 t/month }',
        'horizon 2026-01 to 2026-03\nconsumer C in Atlantis { needs Unobtainium 5 t/month }',
        'horizon 2026-01 to 2026-03\nsupplier S in China { produces REE }\nflow S -> S { REE 10 t/month }',
        'horizon 2026-01 to 2026-03\nplant A in Japan { makes REE 10 t/month from NdPrOxide 1 }\nplant B in Japan { makes NdPrOxide 10 t/month from REE 1 }\nflow A -> B { REE 10 t/month }\nflow B -> A { NdPrOxide 10 t/month }',
        'horizon 2026-01 to 2026-03\nshock S { embargo Japan -> * cut 150% from 2026-13 }\nscenario X probability 300% { S, S, Missing }',
        'horizon 2026-01 to 2026-03\nreserve R in Japan { holds REE 60 days serves Nobody release }',
        'horizon 2026-01 to 2026-03\ntarget T { unmet of Nobody <= 5 t by 2030-01 in Nope }\ntarget U { cover of China >= 5 }',
        'horizon 2026-01 to 2026-03\nconsumer C in Japan { needs REE 10 t/month loss 5 per t }\nmeasure M { switch C to C after 2 months }\nscenario X { M }'
    ];
    test.each(odd)('never throws: %s', async text => {
        const built = await build({ 'main.choke': text });
        const lowered = lowerDocument(built.root, built.documents);
        expect(lowered.status).toBe('ok');
        if (lowered.status === 'ok') checkInvariants(simulate(lowered.model));
    });
});

describe('half-typed text', () => {
    test('every prefix of the spec example lowers and simulates without throwing', async () => {
        const text = readFileSync(path.join(EXAMPLES, 'spec', 'spec.choke'), 'utf8');
        const world = readFileSync(path.join(EXAMPLES, 'spec', 'world.choke'), 'utf8');
        let simulated = 0;
        for (let end = 0; end <= text.length; end += 13) {
            const built = await build({ 'main.choke': text.slice(0, end), 'world.choke': world }, false);
            const lowered = lowerDocument(built.root, built.documents);
            if (lowered.status !== 'ok') continue;
            checkInvariants(simulate(lowered.model));
            simulated++;
        }
        expect(simulated).toBeGreaterThan(50);
    });
});
