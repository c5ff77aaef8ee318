import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { SimulationResult } from '../../../language/src/engine/results.js';
import type { Preparation } from '../../../language/src/evaluation/evaluate.js';
import { prepareDocument, SimulationCancelled } from '../../../language/src/evaluation/evaluate.js';
import { simulateAsync } from '../../../language/src/engine/simulate.js';
import type { LoweredModel } from '../../../language/src/lowering/model.js';
import type { MemberEffect } from '../protocol.js';

/**
 * The server's use of the engine's facade: `prepare` checks and lowers a document
 * synchronously (the only step that reads the AST, so it runs while the workspace is
 * consistent); `run` and `memberEffects` work on the lowered model only, yielding to the
 * event loop every few milliseconds and stopping between periods once cancelled.
 */

export type RunOutcome =
    | { kind: 'ok', result: SimulationResult }
    | { kind: 'cancelled' }
    /** The engine threw: reported as status 'failed', never a crash. */
    | { kind: 'failed', message: string };

export type PrepareOutcome = Preparation | { status: 'failed', message: string };

export function prepare(document: LangiumDocument, documents: LangiumDocuments): PrepareOutcome {
    try {
        return prepareDocument(document, documents);
    } catch (error) {
        return { status: 'failed', message: messageOf(error) };
    }
}

export async function run(model: LoweredModel, isCancelled: () => boolean): Promise<RunOutcome> {
    try {
        return { kind: 'ok', result: await simulateAsync(model, { isCancelled }) };
    } catch (error) {
        if (error instanceof SimulationCancelled || isCancelled()) return { kind: 'cancelled' };
        return { kind: 'failed', message: messageOf(error) };
    }
}

/**
 * What each shock and measure changes in every scenario that uses it: the scenario's unmet
 * tonnes and loss minus those of the same scenario without that member. The variants run
 * together in one pass (one baseline); identical member sets run once, and a variant with
 * no members left is the baseline itself. Undefined when cancelled or when the engine fails.
 */
export async function memberEffects(model: LoweredModel, result: SimulationResult, isCancelled: () => boolean): Promise<Record<string, MemberEffect[]> | undefined> {
    const variants = new Map<string, number[]>();
    const keyOf = (events: number[]) => [...events].sort((a, b) => a - b).join(',');
    const wanted: Array<{ scenario: string, member: string, variant: string }> = [];
    for (const scenario of model.scenarios) {
        for (const event of new Set(scenario.events)) {
            const rest = scenario.events.filter(e => e !== event);
            const key = keyOf(rest);
            if (key !== '' && !variants.has(key)) variants.set(key, rest);
            wanted.push({ scenario: scenario.name, member: model.events[event].name, variant: key });
        }
    }
    if (wanted.length === 0) return {};
    let variantResult: SimulationResult | undefined;
    if (variants.size > 0) {
        const names = [...variants.keys()];
        const variantModel: LoweredModel = {
            ...model,
            scenarios: names.map(key => ({ name: `\u0000${key}`, probability: null, events: variants.get(key)! })),
            targets: []
        };
        const outcome = await run(variantModel, isCancelled);
        if (outcome.kind !== 'ok') return undefined;
        variantResult = outcome.result;
    }
    const byName = new Map(result.scenarios.map(s => [s.name, s]));
    const variantTotals = new Map(variantResult?.scenarios.map(s => [s.name.slice(1), s.totals]) ?? []);
    variantTotals.set('', result.scenarios[0].totals);
    const effects: Record<string, MemberEffect[]> = {};
    for (const { scenario, member, variant } of wanted) {
        const withMember = byName.get(scenario)?.totals;
        const without = variantTotals.get(variant);
        if (!withMember || !without) continue;
        const loss: Record<string, number> = {};
        for (const currency of new Set([...Object.keys(withMember.loss), ...Object.keys(without.loss)])) {
            loss[currency] = (withMember.loss[currency] ?? 0) - (without.loss[currency] ?? 0);
        }
        (effects[member] ??= []).push({ scenario, unmet: withMember.unmet - without.unmet, loss });
    }
    return effects;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
