import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import type { Preparation } from '../../../language/src/index.js';
import { prepareDocument } from '../../../language/src/index.js';
import type { LoweredModel } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import { exposureFromFacts, exposureOf, followedOrigin, scenarioFacts, type Exposure, type ScenarioFacts } from './exposure.js';
import { measureCosts } from '../../../language/src/index.js';

/**
 * The server's use of the engine's facade: `prepare` checks and lowers a document
 * synchronously (the only step that reads the AST, so it runs while the workspace is
 * consistent); a runner (runners.ts) then simulates the lowered model, in a worker thread
 * in the server, in-process in tests.
 */

export type RunOutcome =
    | { kind: 'ok'; result: SimulationResult }
    | { kind: 'cancelled' }
    /** The engine threw: reported as status 'failed', never a crash. */
    | { kind: 'failed'; message: string };

export type PrepareOutcome = Preparation | { status: 'failed'; message: string };

export function prepare(document: LangiumDocument, documents: LangiumDocuments): PrepareOutcome {
    try {
        return prepareDocument(document, documents);
    } catch (error) {
        return { status: 'failed', message: messageOf(error) };
    }
}

/**
 * What the effects read of the main run: the horizon, the origin followed (the baseline's top
 * origin) and each scenario's facts, in result order (the baseline first).
 */
export interface MainRunFacts {
    periods: number;
    step: SimulationResult['horizon']['step'];
    origin: string | null;
    scenarios: ScenarioFacts[];
}

/** The facts of a whole result (made on one thread). */
export function mainRunFacts(result: SimulationResult): MainRunFacts {
    const { periods, step } = result.horizon;
    return { periods, step, origin: followedOrigin(result), scenarios: result.scenarios.map(s => scenarioFacts(s, periods, step)) };
}

/**
 * What each shock and measure changes in every scenario that uses it: the scenario's unmet
 * tonnes and loss minus those of the same scenario without that member. The variants run
 * together in one pass (one baseline); identical member sets run once, and a variant with
 * no members left is the baseline itself. Undefined when cancelled or when the engine fails.
 */
export async function memberEffects(
    model: LoweredModel,
    main: MainRunFacts,
    simulate: (model: LoweredModel, onScenario: (scenario: ScenarioResult) => void) => Promise<RunOutcome>
): Promise<Record<string, MemberEffect[]> | undefined> {
    const variants = new Map<string, number[]>();
    const keyOf = (events: number[]) => [...events].sort((a, b) => a - b).join(',');
    const wanted: Array<{ scenario: string; member: string; variant: string }> = [];
    for (const scenario of model.scenarios) {
        for (const event of new Set(scenario.events)) {
            const rest = scenario.events.filter(e => e !== event);
            const key = keyOf(rest);
            if (key !== '' && !variants.has(key)) variants.set(key, rest);
            wanted.push({ scenario: scenario.name, member: model.events[event].name, variant: key });
        }
        // The scenario's measures together: S against S's shocks alone (decisions.md §2).
        const shocks = scenario.events.filter(e => model.events[e].isShock);
        if (shocks.length < scenario.events.length) {
            const key = keyOf(shocks);
            if (key !== '' && !variants.has(key)) variants.set(key, shocks);
            wanted.push({ scenario: scenario.name, member: MEASURES_TOGETHER, variant: key });
        }
    }
    if (wanted.length === 0) return {};
    const { origin, periods, step } = main;
    const baseline = main.scenarios[0];
    // Each variant's totals and exposure, read as its scenario is made and then let go: the
    // variants' whole results (a few times the main run's on a big model) are never held at once.
    const variantTotals = new Map<string, ScenarioResult['totals']>([['', baseline.totals]]);
    const variantExposure = new Map<string, Exposure>([['', exposureFromFacts(baseline, origin)]]);
    if (variants.size > 0) {
        const variantModel: LoweredModel = {
            ...model,
            scenarios: [...variants].map(([key, events]) => ({ name: `\u0000${key}`, probability: null, events })),
            targets: []
        };
        const outcome = await simulate(variantModel, scenario => {
            if (!scenario.name.startsWith('\u0000')) return;
            variantTotals.set(scenario.name.slice(1), scenario.totals);
            variantExposure.set(scenario.name.slice(1), exposureOf(scenario, periods, step, origin));
        });
        if (outcome.kind !== 'ok') return undefined;
    }
    const byName = new Map(main.scenarios.map(s => [s.name, s]));
    const effects: Record<string, MemberEffect[]> = {};
    const costs = measureCosts(model);
    const costOf = (member: string) => (member in costs ? { cost: costs[member] } : {});
    for (const { scenario, member, variant } of wanted) {
        const a = byName.get(scenario);
        const withMember = a?.totals;
        const without = variantTotals.get(variant);
        if (!a || !withMember || !without) continue;
        const loss: Record<string, number> = {};
        for (const currency of new Set([...Object.keys(withMember.loss), ...Object.keys(without.loss)])) {
            loss[currency] = (withMember.loss[currency] ?? 0) - (without.loss[currency] ?? 0);
        }
        const x = variantExposure.get(variant);
        const exposure = x
            ? (() => {
                  const y = exposureFromFacts(a, origin);
                  return {
                      origin,
                      worstShare: [x.worstShare, y.worstShare] as [number | null, number | null],
                      lowestCover: [x.lowestCover, y.lowestCover] as [number | null, number | null]
                  };
              })()
            : undefined;
        (effects[member] ??= []).push({ scenario, unmet: withMember.unmet - without.unmet, loss, ...(exposure ? { exposure } : {}), ...costOf(member) });
    }
    return effects;
}

/**
 * The key under which `memberEffects` gives each scenario's measures together (not a name the
 * language allows, so it never meets a declaration).
 */
export const MEASURES_TOGETHER = '*measures';

export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
