/**
 * The simulation half of the explanations (metrics-v2 §5), read from the lowered model alone:
 * which shock effects match nothing and which measure effects change nothing in a scenario,
 * with the reason. No AST: the language server computes these in its simulation worker and
 * maps them to clauses on its own thread (explanations.ts does the same for `check`).
 */
import { Engine } from '../engine/engine.js';
import { simulate } from '../engine/simulate.js';
import type { ScenarioResult } from '../engine/results.js';
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { noEffectReason } from './no-effect-reasons.js';

/** `event` indexes `model.events`, `effect` that event's lowered effects, `scenario` `model.scenarios`. */
export type ModelExplanation =
    { kind: 'no-match'; event: number; effect: number; what: string } | { kind: 'no-effect'; scenario: number; event: number; effect: number; reason: string };

export interface ExplainOptions {
    /** Polled between periods of the runs (the engine then throws `SimulationCancelled`). */
    shouldCancel?: () => boolean;
}

export function explainModel(model: LoweredModel, options: ExplainOptions = {}): ModelExplanation[] {
    return [...noMatch(model), ...noEffect(model, options)];
}

/** Shock effects that touch nothing: no flow, no producer's output, no consumer's need. */
function noMatch(model: LoweredModel): ModelExplanation[] {
    const result: ModelExplanation[] = [];
    model.events.forEach((event, e) => {
        if (!event.isShock) return;
        event.effects.forEach((effect, i) => {
            const what = nothingMatched(effect);
            if (what) result.push({ kind: 'no-match', event: e, effect: i, what });
        });
    });
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
function noEffect(model: LoweredModel, options: ExplainOptions): ModelExplanation[] {
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
    const run = { shouldCancel: options.shouldCancel };
    const withAll = simulate({ ...model, targets: [] }, run);
    const without = simulate({ ...model, targets: [], scenarios: [...variants].map(([name, events]) => ({ name, probability: null, events })) }, run);
    const result: ModelExplanation[] = [];
    const engine = new Engine(model);
    for (const { scenario, event, variant } of wanted) {
        const a = withAll.scenarios.find(s => s.name === model.scenarios[scenario].name);
        const b = without.scenarios.find(s => s.name === variant);
        if (!a || !b || !sameOutcome(a, b)) continue;
        engine.begin(model.scenarios[scenario].events);
        for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
        model.events[event].effects.forEach((effect, i) => {
            result.push({ kind: 'no-effect', scenario, event, effect: i, reason: noEffectReason(model, engine, a, model.events[event], effect) });
        });
    }
    return result;
}

function sameOutcome(a: ScenarioResult, b: ScenarioResult): boolean {
    const close = (x: number, y: number) => Math.abs(x - y) <= 1e-6;
    for (const [name, c] of Object.entries(a.consumers)) {
        for (const [material, m] of Object.entries(c.materials)) {
            const o = b.consumers[name]?.materials[material];
            if (!o || !close(m.unmet, o.unmet) || !close(m.drawn, o.drawn) || !close(m.released, o.released) || !close(m.arrivals, o.arrivals)) return false;
        }
    }
    for (const [name, r] of Object.entries(a.reserves)) {
        for (const [material, m] of Object.entries(r.materials)) {
            const o = b.reserves[name]?.materials[material];
            if (!o || !close(m.final, o.final) || !close(m.released, o.released)) return false;
        }
    }
    return true;
}
