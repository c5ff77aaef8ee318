/**
 * The simulation half of the explanations (metrics-v2 §5), read from the lowered model alone:
 * which shock effects match nothing and which measure effects change nothing in a scenario,
 * with the reason. No AST: the language server computes these in its simulation worker and
 * maps them to clauses on its own thread (explanations.ts does the same for `check`).
 */
import { Engine } from '../engine/engine.js';
import { SimulationCancelled } from '../engine/simulate.js';
import type { LoweredEffect, LoweredModel } from '../lowering/model.js';
import { noEffectReason } from './no-effect-reasons.js';
import { familyOf } from '../decisions/run-families.js';
import { runFamilyOn } from '../engine/run-family.js';
import { readOutcome, sameOutcome } from './run-outcome.js';

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
 * stocks with and without it. One run of each scenario and of each variant (a scenario without
 * one measure), compared on those figures only.
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
    // Each scenario with measures, and each variant, run once on one engine, the variants
    // resuming from the scenario's first periods (run-families.ts); only the figures compared
    // are read (run-outcome.ts), no results are assembled.
    const engine = new Engine(model, { origins: false });
    const checkCancel = () => {
        if (options.shouldCancel?.()) throw new SimulationCancelled();
    };
    const withAll = new Map<number, Float64Array>(),
        without = new Map<string, Float64Array>();
    model.scenarios.forEach((scenario, s) => {
        const keys = [...new Set(wanted.filter(w => w.scenario === s && !without.has(w.variant)).map(w => w.variant))];
        if (!wanted.some(w => w.scenario === s)) return;
        const family = familyOf(model, scenario.events, [scenario.events, ...keys.map(key => variants.get(key)!)]);
        const outcomes: Float64Array[] = [];
        checkCancel();
        runFamilyOn(engine, family, () => outcomes.push(readOutcome(model, engine)), checkCancel);
        withAll.set(s, outcomes[0]);
        keys.forEach((key, i) => without.set(key, outcomes[i + 1]));
    });
    const result: ModelExplanation[] = [];
    for (const { scenario, event, variant } of wanted) {
        if (!sameOutcome(withAll.get(scenario)!, without.get(variant)!)) continue;
        engine.begin(model.scenarios[scenario].events);
        for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
        const name = model.scenarios[scenario].name;
        model.events[event].effects.forEach((effect, i) => {
            result.push({ kind: 'no-effect', scenario, event, effect: i, reason: noEffectReason(model, engine, { name }, model.events[event], effect) });
        });
    }
    return result;
}
