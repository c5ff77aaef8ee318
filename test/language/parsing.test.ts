import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject } from 'langium';
import { describe, expect, test } from 'vitest';
import { ChokepointModule } from '../../language/src/chokepoint-module.js';
import { ChokepointGeneratedModule, ChokepointGeneratedSharedModule, ChokepointLanguageMetaData } from '../../language/src/generated/module.js';
import type {
    Amount,
    Bloc,
    Consumer,
    Embargo,
    Flow,
    Material,
    Measure,
    Plant,
    Reserve,
    Scenario,
    Shock,
    Supplier,
    Target
} from '../../language/src/generated/ast.js';
import { build, codes, parseOne } from './helpers.js';
import allConstructs from './fixtures/all-constructs.choke';
import imported from './fixtures/w.choke';
import specExample from '../../examples/spec/spec.choke';
import specWorld from '../../examples/spec/world.choke';

/** Parses `text` and fails on any syntax error. */
async function parse(text: string) {
    const { model, document } = await parseOne(text);
    const errors = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message);
    expect(errors).toEqual([]);
    return model;
}

/** An amount as `low..high unit%`, for compact assertions. */
function show(amount: Amount | undefined): string {
    if (!amount) return '(none)';
    return `${amount.low}${amount.high !== undefined ? '..' + amount.high : ''}${amount.percent ? '%' : ''}${amount.unit ? ' ' + amount.unit : ''}`;
}

describe('parsing every construct', () => {
    test('import, horizon and step', async () => {
        const model = await parse('import "./world.choke"\nhorizon 2026-01 to 2028-12-31\nstep week');
        expect(model.imports.map(i => i.path)).toEqual(['./world.choke']);
        expect([model.horizons[0].start, model.horizons[0].end]).toEqual(['2026-01', '2028-12-31']);
        expect(model.steps[0].unit).toBe('week');
    });

    test('material with label and stage; region; nested blocs', async () => {
        const model = await parse(
            'material DeepSeaMud "Seabed mud" { stage ore }\nmaterial Bare\nregion Atlantis "Lost"\nbloc A { members Japan, Atlantis }\nbloc B "Bigger" { members A, France }'
        );
        const [mud, bare, atlantis, a, b] = model.declarations;
        expect([(mud as Material).label, (mud as Material).stage, (bare as Material).stage]).toEqual(['Seabed mud', 'ore', undefined]);
        expect(atlantis.name).toBe('Atlantis');
        expect((a as Bloc).members.map(m => m.$refText)).toEqual(['Japan', 'Atlantis']);
        expect((b as Bloc).members.map(m => m.ref?.name)).toEqual(['A', 'France']);
    });

    test('supplier with capacities, lifecycle and planned', async () => {
        const model = await parse(
            'supplier Caremag "Caremag SAS" in France planned {\n produces REE 1200 t/yr\n produces NdPrOxide 1_478.5 t/month\n online 2026-06 ramp 12 months\n offline 2030-01-15\n}'
        );
        const s = model.declarations[0] as Supplier;
        expect([s.name, s.region.$refText, s.planned]).toEqual(['Caremag', 'France', true]);
        expect(s.capacities.map(c => `${c.material.$refText} ${show(c.rate)}`)).toEqual(['REE 1200 t/yr', 'NdPrOxide 1_478.5 t/month']);
        expect(s.lifecycle.map(l => (l.$type === 'Online' ? `online ${l.date} ramp ${show(l.ramp)}` : `offline ${l.date}`))).toEqual([
            'online 2026-06 ramp 12 months',
            'offline 2030-01-15'
        ]);
    });

    test('plant with Leontief inputs', async () => {
        const model = await parse('plant ShinEtsu in Japan { makes NdFeB 3400 t/yr from NdPrMetal 0.30, DyMetal 0.02 }');
        const p = model.declarations[0] as Plant;
        expect(show(p.recipes[0].rate)).toBe('3400 t/yr');
        expect(p.recipes[0].inputs.map(i => `${i.material.$refText} ${show(i.coefficient)}`)).toEqual(['NdPrMetal 0.30', 'DyMetal 0.02']);
    });

    test('consumer with needs, stock, priority and loss (money with scale and currency)', async () => {
        const model = await parse(
            'consumer J in Japan {\n needs REE 1478 t/month\n stock REE 30 days\n stock NdFeB 2 kt\n priority critical\n loss 195 million JPY per t\n}'
        );
        const c = model.declarations[0] as Consumer;
        expect(show(c.needs[0].rate)).toBe('1478 t/month');
        expect(c.stocks.map(s => show(s.amount))).toEqual(['30 days', '2 kt']);
        expect(c.priorities[0].level).toBe('critical');
        expect([show(c.losses[0].value), c.losses[0].money?.scale, c.losses[0].money?.currency, c.losses[0].per]).toEqual(['195', 'million', 'JPY', 't']);
    });

    test('reserve with holdings, serves and a release cap', async () => {
        const model = await parse('reserve R in Japan { holds REE 60 days  holds NdFeB 100 t  serves A, B  release 2000 t/month }');
        const r = model.declarations[0] as Reserve;
        expect(r.holdings.map(h => show(h.amount))).toEqual(['60 days', '100 t']);
        expect(r.serves[0].consumers.map(c => c.$refText)).toEqual(['A', 'B']);
        expect(show(r.releases[0].rate)).toBe('2000 t/month');
    });

    test('flows: several materials with leads (commas optional), named, planned', async () => {
        const model = await parse('flow A -> B { REE 1127 t/month lead 1 month  NdPrOxide 5 t/week }\nflow Offtake: C -> B planned { REE 1100..1300 t/month }');
        const [f, g] = model.declarations as Flow[];
        expect([f.name, f.source.$refText, f.destination.$refText, f.planned]).toEqual([undefined, 'A', 'B', false]);
        expect(f.volumes.map(v => `${v.material.$refText} ${show(v.rate)} lead ${show(v.lead)}`)).toEqual([
            'REE 1127 t/month lead 1 month',
            'NdPrOxide 5 t/week lead (none)'
        ]);
        expect([g.name, g.planned, show(g.volumes[0].rate)]).toEqual(['Offtake', true, '1100..1300 t/month']);
        const commas = await parse('flow A -> B { REE 1 t/month, NdFeB 2 t/month lead 1 week, DyOxide 3 t/day }');
        expect((commas.declarations[0] as Flow).volumes.map(v => `${v.material.$refText} ${show(v.rate)}`)).toEqual([
            'REE 1 t/month',
            'NdFeB 2 t/month',
            'DyOxide 3 t/day'
        ]);
    });

    test('shock effects: embargo with every option, outage, demand, delay; timings', async () => {
        const model = await parse(
            'shock S {\n embargo * -> Quad on DyOxide, TbOxide stage oxide, metal to Defense cut 50%\n outage Lynas on REE cut 30%..40%\n demand J on REE +10%\n demand K -5%\n delay China -> * +2 months\n from 2026-03-15 until 2026-09\n}\nshock T { embargo China -> Japan  from 2026-02 for 3 months ramp 2 weeks }\nshock U { embargo China -> Japan  from 2026-02 }'
        );
        const [s, t, u] = model.declarations as Shock[];
        const e = s.effects[0] as Embargo;
        expect([
            e.origin.anywhere,
            e.destination.place?.$refText,
            e.materials.map(m => m.$refText),
            e.stages,
            e.consumers.map(c => c.$refText),
            show(e.cut)
        ]).toEqual([true, 'Quad', ['DyOxide', 'TbOxide'], ['oxide', 'metal'], ['Defense'], '50%']);
        expect(s.effects.map(x => x.$type)).toEqual(['Embargo', 'Outage', 'DemandChange', 'DemandChange', 'Delay']);
        expect(s.effects.slice(1).map(x => show('cut' in x ? x.cut : 'change' in x ? x.change : 'extra' in x ? x.extra : undefined))).toEqual([
            '30..40%',
            '+10%',
            '-5%',
            '+2 months'
        ]);
        expect([s.timings[0].start, s.timings[0].end]).toEqual(['2026-03-15', '2026-09']);
        expect([show(t.timings[0].duration), show(t.timings[0].ramp)]).toEqual(['3 months', '2 weeks']);
        expect([u.timings[0].start, u.timings[0].duration, u.timings[0].end]).toEqual(['2026-02', undefined, undefined]);
    });

    test('measure actions: release, switch, recycle, substitute (with from/ramp), add', async () => {
        const model = await parse(
            'measure M {\n release R to A, B at 500 t/month\n switch A to S1, S2 after 3 months\n recycle 10% of A on REE\n substitute 20% of A on NdFeB from 2027-01 ramp 12 months\n add X, Y\n}'
        );
        const m = model.declarations[0] as Measure;
        expect(m.actions.map(a => a.$type)).toEqual(['Release', 'Switch', 'Recycle', 'Substitute', 'Add']);
        const [release, sw, recycle, substitute, add] = m.actions as never as [
            { consumers: { $refText: string }[]; rate: Amount },
            { suppliers: { $refText: string }[]; delay: Amount },
            { share: Amount },
            { share: Amount },
            { nodes: { $refText: string }[] }
        ];
        expect([release.consumers.map(c => c.$refText), show(release.rate)]).toEqual([['A', 'B'], '500 t/month']);
        expect([sw.suppliers.map(s => s.$refText), show(sw.delay)]).toEqual([['S1', 'S2'], '3 months']);
        expect([show(recycle.share), show(substitute.share), add.nodes.map(n => n.$refText)]).toEqual(['10%', '20%', ['X', 'Y']]);
        // `from ... ramp ...` after a substitute is the measure's timing.
        expect([m.timings[0].start, show(m.timings[0].ramp)]).toEqual(['2027-01', '12 months']);
    });

    test('scenarios with point and range probabilities', async () => {
        const model = await parse(
            'scenario Curb "Curb" probability 15% { A, B }\nscenario D probability 30%..35% { C }\nscenario E { }\nscenario F probability 30..35% { }'
        );
        const [curb, d, e, f] = model.declarations as Scenario[];
        expect([show(curb.probability), curb.members.map(m => m.$refText)]).toEqual(['15%', ['A', 'B']]);
        expect([show(d.probability), show(e.probability), show(f.probability)]).toEqual(['30..35%', '(none)', '30..35%']);
    });

    test('targets: every metric form, operators, by, in (baseline too)', async () => {
        const model = await parse(
            [
                'target A { dependency of J on China <= 30% by 2028-01 }',
                'target B { dependency of Japan on Quad for REE < 50% }',
                'target C { hhi of J for REE > 2500 }',
                'target D { cover of R >= 90 days in Curb, baseline }',
                'target E { unmet of * for REE <= 0 t }',
                'target F { fill of * >= 95% }',
                'target G { loss of J <= 660 billion JPY in Curb }'
            ].join('\n')
        );
        const conditions = (model.declarations as Target[]).map(t => t.conditions[0]);
        expect(conditions.map(c => `${c.metric.$type} ${c.op} ${show(c.threshold)}`)).toEqual([
            'DependencyMetric <= 30%',
            'DependencyMetric < 50%',
            'HhiMetric > 2500',
            'CoverMetric >= 90 days',
            'UnmetMetric <= 0 t',
            'FillMetric >= 95%',
            'LossMetric <= 660'
        ]);
        expect(conditions[0].by).toBe('2028-01');
        expect(conditions[3].scenarios.map(s => (s.baseline ? 'baseline' : s.scenario?.$refText))).toEqual(['Curb', 'baseline']);
        expect([conditions[4].metric.subject.everyone, conditions[6].money?.scale, conditions[6].money?.currency]).toEqual([true, 'billion', 'JPY']);
    });

    test('numbers: underscores, decimals, exponents, signs', async () => {
        const model = await parse('supplier S in China { produces A 1_478 t/month  produces B 0.31 kt/yr  produces C 1.2e3 t/day  produces D +5 t/week }');
        expect((model.declarations[0] as Supplier).capacities.map(c => show(c.rate))).toEqual(['1_478 t/month', '0.31 kt/yr', '1.2e3 t/day', '+5 t/week']);
    });

    test('comments anywhere, line and block', async () => {
        const model = await parse('// a\nregion A /* inline */ region B\n/* multi\nline */\nregion C // trailing');
        expect(model.declarations.map(d => d.name)).toEqual(['A', 'B', 'C']);
    });
});

describe('whole files', () => {
    test('the all-constructs fixture parses, links and validates with no diagnostic', async () => {
        const { documents } = await build({ 'all-constructs.choke': allConstructs, 'w.choke': imported });
        expect(codes(documents['all-constructs.choke'])).toEqual([]);
        // One declaration per line that starts with a declaration keyword: nothing lost or merged.
        const declarationLines = allConstructs
            .split('\n')
            .filter(l => /^(material|region|bloc|supplier|plant|consumer|flow|reserve|shock|measure|scenario|target) /.test(l));
        expect(documents['all-constructs.choke'].parseResult.value.declarations.map(d => d.$type.toLowerCase())).toEqual(
            declarationLines.map(l => l.split(' ')[0])
        );
    });

    test("the spec's example has no error (a hint for Quad, warnings for the plant's inputs and the lone scenario)", async () => {
        const { documents } = await build({ 'spec.choke': specExample, 'world.choke': specWorld });
        expect(codes(documents['spec.choke'])).toEqual([
            '10:6 hint replaces-library',
            '20:30 warning plant-input-unsupplied',
            '20:46 warning plant-input-unsupplied',
            '41:27 warning probability-sum'
        ]);
    });
});

describe('the grammar', () => {
    test("passes Chevrotain's self-checks (skipped at startup in production mode)", () => {
        // langium-config.json generates `mode: 'production'`, which skips Chevrotain's grammar
        // validations when a parser is built (ambiguities, left recursion). Run them here.
        const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), ChokepointGeneratedSharedModule);
        const development = { LanguageMetaData: () => ({ ...ChokepointLanguageMetaData, mode: 'development' as const }) };
        const services = inject(createDefaultCoreModule({ shared }), ChokepointGeneratedModule, ChokepointModule, development);
        expect(ChokepointLanguageMetaData.mode).toBe('production');
        expect(() => services.parser.LangiumParser).not.toThrow();
        expect(() => services.parser.Lexer).not.toThrow();
    });
});
