import type { ConsumerResult, ScenarioResult, SimulationResult, TargetResult } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import { declaredScenarios, worstScenario } from '../simulation/summary.js';
import {
    COMPARISON_TEXT, daysText, displayNumber, hhiText, lossText, metricText, plural, shareText, signedMoneyText, signedTonnesText, tonnesText
} from '../../../language/src/index.js';

/**
 * The text of every code lens, from simulation results. Pure functions so that the tests
 * can check each title exactly.
 */

/** Top of the file: expected unmet and loss across scenarios, and the worst scenario. */
export function fileTitle(result: SimulationResult): string {
    const parts: string[] = [];
    if (result.expected.unmet !== null) {
        parts.push(`Expected: ${tonnesText(result.expected.unmet)} unmet`, lossText(result.expected.loss));
    } else {
        const baseline = result.scenarios[0];
        parts.push(`Baseline: ${tonnesText(baseline?.totals.unmet ?? 0)} unmet`, lossText(baseline?.totals.loss ?? {}));
    }
    const worst = worstScenario(result);
    if (worst) parts.push(`worst: ${worst.name} (${tonnesText(worst.totals.unmet)} unmet)`);
    else if (declaredScenarios(result).length > 0) parts.push('no scenario leaves need unmet');
    return parts.join(' · ');
}

/** Unmet tonnes of one consumer in one scenario (all materials). */
export function consumerUnmet(consumer: ConsumerResult): number {
    return Object.values(consumer.materials).reduce((sum, m) => sum + m.unmet, 0);
}

/** The earliest first-stockout day over the consumer's materials, or null. */
export function consumerFirstStockout(consumer: ConsumerResult): string | null {
    let first: string | null = null;
    for (const material of Object.values(consumer.materials)) {
        if (material.firstStockout && (first === null || material.firstStockout < first)) first = material.firstStockout;
    }
    return first;
}

/** The origin with the largest share (first in key order on a tie). */
export function topOrigin(shares: Record<string, number>): [string, number] | undefined {
    let top: [string, number] | undefined;
    for (const [origin, share] of Object.entries(shares)) {
        if (!top || share > top[1]) top = [origin, share];
    }
    return top;
}

/** The scenario (baseline included) with the most unmet need for this consumer. */
export function worstForConsumer(result: SimulationResult, name: string): { scenario: ScenarioResult, consumer: ConsumerResult } | undefined {
    let worst: { scenario: ScenarioResult, consumer: ConsumerResult, unmet: number } | undefined;
    for (const scenario of result.scenarios) {
        const consumer = scenario.consumers[name];
        if (!consumer) continue;
        const unmet = consumerUnmet(consumer);
        if (unmet > 0 && (!worst || unmet > worst.unmet)) worst = { scenario, consumer, unmet };
    }
    return worst;
}

/** `China 76.3% · HHI 6,078 · cover 30 days · worst Curb: 2,345 t unmet, stockout 2026-04-12`. */
export function consumerTitle(result: SimulationResult, name: string): string | undefined {
    const baseline = result.scenarios[0]?.consumers[name];
    if (!baseline) return undefined;
    const parts: string[] = [];
    const top = topOrigin(baseline.dependency);
    parts.push(top ? `${top[0]} ${shareText(top[1])}` : 'no arrivals');
    parts.push(`HHI ${hhiText(baseline.hhi)}`);
    parts.push(baseline.coverDays === null ? 'no need' : `cover ${daysText(baseline.coverDays)}`);
    const worst = worstForConsumer(result, name);
    if (worst) {
        const stockout = consumerFirstStockout(worst.consumer);
        parts.push(`worst ${worst.scenario.name}: ${tonnesText(consumerUnmet(worst.consumer))} unmet${stockout ? `, stockout ${stockout}` : ''}`);
    } else if (result.scenarios.length > 1) {
        parts.push('never short');
    }
    return parts.join(' · ');
}

/** `stock 2,916 t · cover 60 days · runs dry in Curb on 2026-05-03`. */
export function reserveTitle(result: SimulationResult, name: string): string | undefined {
    const baseline = result.scenarios[0]?.reserves[name];
    if (!baseline) return undefined;
    const materials = Object.entries(baseline.materials);
    const parts: string[] = [];
    if (materials.length === 0) {
        parts.push('holds nothing');
    } else if (materials.length === 1) {
        const [, m] = materials[0];
        parts.push(`stock ${tonnesText(m.initial)}`, m.coverDays === null ? 'serves no need' : `cover ${daysText(m.coverDays)}`);
    } else {
        parts.push(materials.map(([material, m]) =>
            `${material} ${tonnesText(m.initial)}${m.coverDays === null ? '' : ` (${daysText(m.coverDays)})`}`).join(', '));
    }
    const dry = firstDry(result, name);
    if (dry) {
        const more = dry.others > 0 ? ` (+${plural(dry.others, 'more scenario')})` : '';
        parts.push(`runs dry in ${dry.scenario} on ${dry.date}${more}`);
    } else {
        parts.push('never runs dry');
    }
    return parts.join(' · ');
}

/** The earliest day the reserve runs dry over all scenarios, and in how many other scenarios it does. */
function firstDry(result: SimulationResult, name: string): { scenario: string, date: string, others: number } | undefined {
    let first: { scenario: string, date: string } | undefined;
    let count = 0;
    for (const scenario of result.scenarios) {
        const reserve = scenario.reserves[name];
        if (!reserve) continue;
        let date: string | null = null;
        for (const m of Object.values(reserve.materials)) {
            if (m.dryOn && (date === null || m.dryOn < date)) date = m.dryOn;
        }
        if (date === null) continue;
        count++;
        if (!first || date < first.date) first = { scenario: scenario.name, date };
    }
    return first ? { ...first, others: count - 1 } : undefined;
}

/** `Curb: +2,345 t unmet, +457.6 billion JPY loss · Escalation: −120 t unmet` (a member's effect per scenario). */
export function effectTitle(effects: MemberEffect[]): string {
    if (effects.length === 0) return 'in no scenario';
    return effects.map(e => {
        const losses = Object.entries(e.loss).filter(([, v]) => Math.round(v) !== 0).map(([c, v]) => `${signedMoneyText(v, c)} loss`);
        return `${e.scenario}: ${[`${signedTonnesText(e.unmet)} unmet`, ...losses].join(', ')}`;
    }).join(' · ');
}

/** `15% · 2,345 t unmet · 457.6 billion JPY loss · 2/3 targets`. */
export function scenarioTitle(result: SimulationResult, name: string): string | undefined {
    const scenario = result.scenarios.find((s, i) => i > 0 && s.name === name);
    if (!scenario) return undefined;
    const parts: string[] = [];
    if (scenario.probability !== null) parts.push(shareText(scenario.probability));
    parts.push(`${tonnesText(scenario.totals.unmet)} unmet`, lossText(scenario.totals.loss));
    const targets = Object.values(scenario.targets);
    if (targets.length > 0) parts.push(`${targets.filter(t => t.pass).length}/${targets.length} targets`);
    return parts.join(' · ');
}

/**
 * `✗ 76.3% (needs ≤ 30% at 2028-01-01) in baseline and Curb`, or per scenario where the
 * verdicts or values differ: `needs ≤ 30% at 2028-01-01: ✗ baseline 76.3% · ✓ Detente 28%`.
 */
export function targetTitle(result: SimulationResult, name: string): string | undefined {
    const judged: Array<{ scenario: string, target: TargetResult }> = [];
    for (const scenario of result.scenarios) {
        const target = scenario.targets[name];
        if (target) judged.push({ scenario: scenario.name, target });
    }
    if (judged.length === 0) return undefined;
    const first = judged[0].target;
    const when = first.judgedAt ? ` at ${first.judgedAt}` : ' over the horizon';
    const requirement = `${COMPARISON_TEXT[first.op] ?? first.op} ${metricText(first.threshold, first.unit)}${when}`;
    const valueText = (t: TargetResult) => t.value === null ? 'no value' : metricText(t.value, t.unit);
    const mark = (t: TargetResult) => t.pass ? '✓' : '✗';
    const same = judged.every(j => j.target.pass === first.pass && valueText(j.target) === valueText(first));
    if (same) return `${mark(first)} ${valueText(first)} (needs ${requirement}) in ${scenarioList(judged.map(j => j.scenario))}`;
    return `needs ${requirement}: ${judged.map(j => `${mark(j.target)} ${j.scenario} ${valueText(j.target)}`).join(' · ')}`;
}

/** `baseline`, `baseline and Curb`, `baseline, Curb and Detente`, `all 5 scenarios`. */
function scenarioList(names: string[]): string {
    if (names.length > 3) return `all ${displayNumber(names.length, 0)} scenarios`;
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

