/**
 * Explanations instead of silence (metrics-v2 §5): a shock effect that matches no flow, node
 * or need (`no-match`, a warning on the effect's line) and a measure that changes nothing in a
 * scenario that includes it (`no-effect`, a hint on the effect clause, with the reason). Both
 * come from the lowered model and simulation runs, so they are computed after validation, for
 * a model without errors (`chokepoint check`).
 */
import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { isMeasure, isShock, isSwitch, type Declaration, type Measure } from '../generated/ast.js';
import { Engine } from '../engine/engine.js';
import { orderedClosure } from '../lowering/closure.js';
import { lowerDocument } from '../lowering/lower.js';
import type { LoweredEffect, LoweredEvent, LoweredModel } from '../lowering/model.js';
import { Code } from '../validation/codes.js';
import { noEffectReason } from './no-effect-reasons.js';
import { runOutcome, sameOutcome } from './run-outcome.js';

export interface Explanation {
    node: AstNode;
    severity: 'warning' | 'hint';
    code: string;
    message: string;
}

/** Every explanation of the model rooted at `root` (none without a horizon). */
export function explainDocument(root: LangiumDocument, documents: LangiumDocuments): Explanation[] {
    const lowered = lowerDocument(root, documents);
    if (lowered.status !== 'ok') return [];
    const { declarations } = orderedClosure(root, documents);
    return [...noMatch(lowered.model, declarations), ...noEffect(lowered.model, declarations)];
}

function declarationOf(declarations: Declaration[], event: LoweredEvent): Declaration | undefined {
    return declarations.find(d => (isShock(d) || isMeasure(d)) && d.name === event.name);
}

/** Shock effects that touch nothing: no flow, no producer's output, no consumer's need. */
function noMatch(model: LoweredModel, declarations: Declaration[]): Explanation[] {
    const result: Explanation[] = [];
    for (const event of model.events) {
        if (!event.isShock) continue;
        const shock = declarationOf(declarations, event);
        if (!isShock(shock)) continue;
        event.effects.forEach((effect, i) => {
            const node = shock.effects[i];
            const what = nothingMatched(effect);
            if (node && what) {
                const text = (node.$cstNode?.text ?? effect.kind).replace(/\s+/g, ' ');
                result.push({
                    node,
                    severity: 'warning',
                    code: Code.NoMatch,
                    message: `\`${text}\` in shock ${shock.name} matches ${what}: it changes nothing.`
                });
            }
        });
    }
    return result;
}

function nothingMatched(effect: LoweredEffect): string | undefined {
    switch (effect.kind) {
        case 'embargo':
            return effect.lines.length === 0 ? 'no flow' : undefined;
        case 'delay':
            return effect.lines.length === 0 ? 'no flow' : undefined;
        case 'outage':
            return effect.outlets.length === 0 ? 'no output of that node' : undefined;
        case 'demand':
            return effect.slots.length === 0 ? 'no need of that consumer' : undefined;
        default:
            return undefined;
    }
}

/**
 * Measures that change nothing in a scenario: the same unmet, drawn, released and reserve
 * stocks with and without it. One run of the variants (each scenario without one measure).
 */
function noEffect(model: LoweredModel, declarations: Declaration[]): Explanation[] {
    const wanted: Array<{ scenario: number; event: number; variant: string }> = [];
    const variants = new Map<string, number[]>();
    model.scenarios.forEach((scenario, s) => {
        for (const event of new Set(scenario.events)) {
            if (model.events[event].isShock) continue;
            const rest = scenario.events.filter(e => e !== event);
            const key = `\u0000${[...rest].sort((a, b) => a - b).join(',')}`;
            variants.set(key, rest);
            wanted.push({ scenario: s, event, variant: key });
        }
    });
    if (wanted.length === 0) return [];
    // Each scenario with measures, and each variant, run once on one engine; only the figures
    // compared are read (run-outcome.ts), no results are assembled.
    const engine = new Engine(model);
    const withAll = new Map<number, Float64Array>(),
        without = new Map<string, Float64Array>();
    const result: Explanation[] = [];
    for (const { scenario, event, variant } of wanted) {
        const name = model.scenarios[scenario].name;
        let a = withAll.get(scenario);
        if (!a) {
            a = runOutcome(model, engine, model.scenarios[scenario].events);
            withAll.set(scenario, a);
        }
        let b = without.get(variant);
        if (!b) {
            b = runOutcome(model, engine, variants.get(variant)!);
            without.set(variant, b);
        }
        if (!sameOutcome(a, b)) continue;
        const measure = declarationOf(declarations, model.events[event]);
        if (!isMeasure(measure)) continue;
        engine.begin(model.scenarios[scenario].events);
        for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
        model.events[event].effects.forEach((effect, i) => {
            const node = actionNode(measure, effect, i);
            if (!node) return;
            const text = isSwitch(node)
                ? `switch ${node.consumer.$refText} to ${node.suppliers.map(r => r.$refText).join(', ')}`
                : (node.$cstNode?.text ?? effect.kind).replace(/\s+/g, ' ');
            const reason = noEffectReason(model, engine, { name }, model.events[event], effect);
            result.push({
                node,
                severity: 'hint',
                code: Code.NoEffect,
                message: `${text} ${effect.kind === 'switch' || effect.kind === 'release' ? 'adds 0 t' : 'changes nothing'} in ${name}: ${reason}`
            });
        });
    }
    return result;
}

/** The AST action of the i-th lowered effect (lowering skips a `release` or `switch` it cannot resolve). */
function actionNode(measure: Measure, effect: LoweredEffect, i: number): AstNode | undefined {
    const action = measure.actions[i];
    return action && action.$type.toLowerCase() === effect.kind ? action : measure.actions.find(a => a.$type.toLowerCase() === effect.kind);
}
