import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { ChokepointGrammar } from '../../language/src/generated/grammar.js';
import { evaluateDocument } from '../../language/src/evaluation/evaluate.js';
import { mayHaveNoValue } from '../engine/helpers.js';
import { build } from '../language/helpers.js';

/**
 * Every place of the grammar that holds a number (an `Amount`), each with a normal value, a
 * value beyond its kind's largest (docs/language.md, "Largest values") and the largest value
 * itself. The model below has one `«Place»` slot per place.
 */
const PLACES: Record<string, { normal: string; over: string; largest: string }> = {
    'Produces.rate': { normal: '2000 t/month', over: '1.1e12 t/yr', largest: '1e12 t/yr' },
    'Makes.rate': { normal: '100 t/month', over: '1e11 t/month', largest: '1e12 t/yr' },
    'PlantInput.coefficient': { normal: '1.5', over: '2e6', largest: '1e6' },
    'Online.ramp': { normal: '2 months', over: '101 years', largest: '100 years' },
    'Needs.rate': { normal: '1000 t/month', over: '1e308 t/month', largest: '1e12 t/yr' },
    'Stock.amount': { normal: '30 days', over: '36501 days', largest: '36500 days' },
    'LossClause.value': { normal: '195', over: '2e6', largest: '1e6' },
    'Holds.amount': { normal: '500 t', over: '2e12 t', largest: '1e12 t' },
    'ReleaseCap.rate': { normal: '200 t/month', over: '3e12 t/yr', largest: '1e12 t/yr' },
    'FlowVolume.rate': { normal: '800 t/month', over: '1e10 t/day', largest: '1e12 t/yr' },
    'FlowVolume.lead': { normal: '1 month', over: '1e9 days', largest: '36500 days' },
    'Embargo.cut': { normal: '50%', over: '1e999%', largest: '100%' },
    'Outage.cut': { normal: '20%', over: '1e999%', largest: '100%' },
    'DemandChange.change': { normal: '+10%', over: '+10001%', largest: '+10000%' },
    'Delay.extra': { normal: '+1 month', over: '+1e6 months', largest: '+1200 months' },
    'Timing.duration': { normal: '3 months', over: '1e400 months', largest: '1200 months' },
    // 5215 weeks = 36,505 days, just over 100 years; 5214 weeks = 36,498 days.
    'Timing.ramp': { normal: '1 month', over: '5215 weeks', largest: '5214 weeks' },
    'Release.rate': { normal: '100 t/month', over: '1e300 t/month', largest: '83333333333 t/month' },
    'Switch.delay': { normal: '2 months', over: '1e20 days', largest: '36500 days' },
    'Recycle.share': { normal: '10%', over: '1e999%', largest: '100%' },
    'Substitute.share': { normal: '5%', over: '1e999%', largest: '100%' },
    'Scenario.probability': { normal: '100%', over: '1e999%', largest: '100%' },
    'Condition.threshold': { normal: '5000 t', over: '2e15 t', largest: '1e15 t' },
    'CostClause.value': { normal: '39', over: '2e6', largest: '1e6' }
};

const TEMPLATE = `horizon 2026-01 to 2027-12
supplier Mine in China { produces REE «Produces.rate» }
plant Refinery in Japan { makes NdFeB «Makes.rate» from REE «PlantInput.coefficient»  online 2026-01 ramp «Online.ramp» }
consumer Makers in Japan {
  needs REE «Needs.rate»
  needs NdFeB 50 t/month
  stock REE «Stock.amount»
  loss «LossClause.value» billion JPY per t
}
reserve Pile in Japan { holds REE «Holds.amount»  release «ReleaseCap.rate»  serves Makers }
flow Mine -> Makers { REE «FlowVolume.rate»  lead «FlowVolume.lead» }
flow Mine -> Refinery { REE 300 t/month }
flow Refinery -> Makers { NdFeB 50 t/month }
supplier Other in Australia { produces REE 500 t/month }
flow Other -> Makers { REE 100 t/month }
shock Curb {
  embargo China -> Japan cut «Embargo.cut»
  outage Other cut «Outage.cut»
  demand Makers «DemandChange.change»
  delay Australia -> Japan «Delay.extra»
  from 2026-03 for «Timing.duration» ramp «Timing.ramp»
}
measure Help {
  release Pile to Makers at «Release.rate»
  switch Makers to Other after «Switch.delay»
  cost «CostClause.value» billion JPY
  recycle «Recycle.share» of Makers
  substitute «Substitute.share» of Makers on NdFeB
  cost «CostClause.value» trillion JPY
  from 2026-03
}
scenario Crisis probability «Scenario.probability» { Curb, Help }
target Little { unmet of Makers <= «Condition.threshold» }
`;

function fill(choose: (place: string) => string): { text: string; offsets: Record<string, number> } {
    const offsets: Record<string, number> = {};
    let text = '';
    let rest = TEMPLATE;
    for (let m = /«([A-Za-z.]+)»/.exec(rest); m; m = /«([A-Za-z.]+)»/.exec(rest)) {
        text += rest.slice(0, m.index);
        offsets[m[1]] = text.length;
        text += choose(m[1]);
        rest = rest.slice(m.index + m[0].length);
    }
    return { text: text + rest, offsets };
}

function lineCol(text: string, offset: number): string {
    const before = text.slice(0, offset).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

async function errorsOf(text: string) {
    const { documents, services } = await build({ 'main.choke': text });
    const document = documents['main.choke'];
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    return { errors, document, services };
}

/** Every number anywhere in a value, recursively: none may be NaN or infinite (NaN only where a share series has no value). */
function nonFinite(value: unknown, path = '$'): string[] {
    if (typeof value === 'number') return Number.isFinite(value) || (Number.isNaN(value) && mayHaveNoValue(path)) ? [] : [`${path} = ${value}`];
    if (value instanceof Float64Array || value instanceof Float32Array) return [...value].flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
    if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
    if (value instanceof Map) return [...value.entries()].flatMap(([k, v]) => nonFinite(v, `${path}.${String(k)}`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
    return [];
}

describe('numbers at every place of the grammar', () => {
    test('the table covers every Amount the grammar holds', () => {
        const places = new Set<string>();
        for (const rule of ChokepointGrammar().rules) {
            for (const node of AstUtils.streamAllContents(rule)) {
                if (GrammarAST.isAssignment(node) && GrammarAST.isRuleCall(node.terminal) && node.terminal.rule.ref?.name === 'Amount') {
                    places.add(`${rule.name}.${node.feature}`);
                }
            }
        }
        expect([...places].sort()).toEqual(Object.keys(PLACES).sort());
    });

    test('with normal values the model has no error', async () => {
        const { errors } = await errorsOf(fill(place => PLACES[place].normal).text);
        expect(errors).toEqual([]);
    });

    for (const place of Object.keys(PLACES)) {
        test(`${place}: a value beyond the largest is one out-of-range error at the number`, async () => {
            const { text, offsets } = fill(p => (p === place ? PLACES[p].over : PLACES[p].normal));
            const { errors } = await errorsOf(text);
            expect(errors).toEqual([`${lineCol(text, offsets[place])} out-of-range`]);
        });
    }

    test('the largest values everywhere are accepted and simulate to finite numbers only', async () => {
        const { errors, document, services } = await errorsOf(fill(place => PLACES[place].largest).text);
        expect(errors).toEqual([]);
        const evaluation = evaluateDocument(document, services.shared.workspace.LangiumDocuments);
        expect(evaluation.status).toBe('ok');
        expect(nonFinite(evaluation)).toEqual([]);
    });
});
