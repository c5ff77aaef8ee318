import type { ConsumerResult, ScenarioResult, SimulationResult, TargetResult } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import { declaredScenarios, worstScenario } from '../simulation/summary.js';
import { capText, consumerSegments, plantSegments, reserveSegments, shownScenarioFor } from './lens-story.js';
import {
    COMPARISON_TEXT,
    daysText,
    displayNumber,
    lossText,
    metricText,
    shareText,
    signedMoneyText,
    signedTonnesText,
    tonnesText
} from '../../../language/src/index.js';
import { baseScenario, metricChangeText, versusMoney, versusNumber, versusWas, type Versus } from './versus.js';

/**
 * The text of every code lens, from simulation results. Pure functions so that the tests
 * can check each title exactly. Given a `Versus` (the results at a git revision), each figure
 * that reads differently there carries its change right after it: `unmet 0 t (−70.1 vs HEAD)`.
 */

/** Top of the file: expected unmet and loss across scenarios, and the worst scenario. */
export function fileTitle(result: SimulationResult, versus?: Versus): string {
    const parts: string[] = [];
    if (result.expected.unmet !== null) {
        const was = versus?.base.expected;
        parts.push(
            `Expected: ${tonnesText(result.expected.unmet)}${versusNumber(versus, 'quantity', result.expected.unmet, was?.unmet)} unmet`,
            lossText(result.expected.loss) + versusMoney(versus, result.expected.loss, was && was.unmet !== null ? was.loss : undefined)
        );
    } else {
        const baseline = result.scenarios[0];
        const was = versus?.base.scenarios?.[0];
        parts.push(
            `Baseline: ${tonnesText(baseline?.totals.unmet ?? 0)}${versusNumber(versus, 'quantity', baseline?.totals.unmet ?? 0, was?.totals.unmet)} unmet`,
            lossText(baseline?.totals.loss ?? {}) + versusMoney(versus, baseline?.totals.loss ?? {}, was?.totals.loss)
        );
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
export function worstForConsumer(result: SimulationResult, name: string): { scenario: ScenarioResult; consumer: ConsumerResult } | undefined {
    let worst: { scenario: ScenarioResult; consumer: ConsumerResult; unmet: number } | undefined;
    for (const scenario of result.scenarios) {
        const consumer = scenario.consumers[name];
        if (!consumer) continue;
        const unmet = consumerUnmet(consumer);
        if (unmet > 0 && (!worst || unmet > worst.unmet)) worst = { scenario, consumer, unmet };
    }
    return worst;
}

/**
 * For the scenario shown (where the consumer is most short, else where its top share peaks
 * highest): `Curb: China 76.3% → 95% (2026-05) → 76.3% (baseline 76.3%) · HHI … · unmet 3,453 t (baseline 0) · …`.
 */
export function consumerTitle(result: SimulationResult, name: string, versus?: Versus): string | undefined {
    if (!result.scenarios[0]?.consumers[name]) return undefined;
    const shown = shownScenarioFor(result, name);
    if (!shown) return undefined;
    const segments = consumerSegments(result, shown, name, versus);
    return result.scenarios.length > 1 ? `${shown.name}: ${segments.join(' · ')}` : segments.join(' · ');
}

/**
 * For the scenario where the plant makes least (the baseline when none differs):
 * `Curb: makes 280 t (70% of capacity; baseline 100%) · bound by NdPrOxide · starved 2 months · traced: …`.
 */
export function plantTitle(result: SimulationResult, name: string): string | undefined {
    const base = result.scenarios[0]?.plants[name];
    if (!base) return undefined;
    // The scenario where it uses least of the capacity it has (a planned plant: where it is built).
    let shown = result.scenarios[0];
    const use = (s: ScenarioResult) => s.plants[name]?.utilisation ?? Infinity;
    for (const scenario of result.scenarios.slice(1)) if (use(scenario) < use(shown) - 1e-9) shown = scenario;
    const segments = plantSegments(result, shown.plants[name], base);
    return result.scenarios.length > 1 ? `${shown.name}: ${segments.join(' · ')}` : segments.join(' · ');
}

/**
 * For the scenario where it runs lowest: `Curb: 2,916 t → 0 t (2026-05) → 0 t · dry 2026-05-03 ·
 * released 2,916 t · cap 2,000 t/month binds 2026-03..2026-05: 1,234 t more were asked`.
 */
export function reserveTitle(result: SimulationResult, name: string, versus?: Versus): string | undefined {
    const baseline = result.scenarios[0]?.reserves[name];
    if (!baseline) return undefined;
    const materials = Object.keys(baseline.materials);
    if (materials.length === 0) return 'holds nothing';
    const lowestOf = (s: ScenarioResult) => Object.values(s.reserves[name]?.materials ?? {}).reduce((sum, m) => sum + m.lowest, 0);
    let shown = result.scenarios[0];
    for (const scenario of result.scenarios.slice(1)) if (lowestOf(scenario) < lowestOf(shown) - 1e-6) shown = scenario;
    const reserve = shown.reserves[name];
    const was = baseScenario(versus, shown.name)?.reserves[name];
    const parts = materials.map(material => {
        const m = reserve.materials[material];
        const text = reserveSegments(result, m, baseline.materials[material], versus, was?.materials[material]).join(' · ');
        return materials.length > 1 ? `${material} ${text}` : text;
    });
    // A release cap that binds elsewhere is named too.
    for (const material of materials) {
        if (reserve.materials[material].capBinding) continue;
        const elsewhere = result.scenarios.find(s => s.reserves[name]?.materials[material]?.capBinding);
        const cap = elsewhere?.reserves[name].materials[material].capBinding;
        if (elsewhere && cap) parts.push(capText(result, cap, `in ${elsewhere.name} `));
    }
    const cover = materials.length === 1 ? baseline.materials[materials[0]].coverDays : null;
    const wasCover = versus?.base.scenarios?.[0]?.reserves[name]?.materials[materials[0]]?.coverDays;
    if (cover !== null) parts.push(`cover ${daysText(cover)}${versusNumber(versus, 'quantity', cover, wasCover)}`);
    const dry = firstDry(result, name);
    if (!dry) parts.push('never runs dry');
    return result.scenarios.length > 1 ? `${shown.name}: ${parts.join(' · ')}` : parts.join(' · ');
}

/** The earliest day the reserve runs dry over all scenarios, and in how many other scenarios it does. */
function firstDry(result: SimulationResult, name: string): { scenario: string; date: string; others: number } | undefined {
    let first: { scenario: string; date: string } | undefined;
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
    return effects
        .map(e => {
            const losses = Object.entries(e.loss)
                .filter(([, v]) => Math.round(v) !== 0)
                .map(([c, v]) => `${signedMoneyText(v, c)} loss`);
            return `${e.scenario}: ${[`${signedTonnesText(e.unmet)} unmet`, ...losses, ...exposureSegments(e)].join(', ')}`;
        })
        .join(' · ');
}

/** `in CurbOnly: China worst 100% → 75%, lowest cover 0 → 12.5 days`, per scenario where exposure moves. */
export function exposureChanges(effects: MemberEffect[]): string | undefined {
    const moved = effects.map(e => [e.scenario, exposureSegments(e)] as const).filter(([, parts]) => parts.length > 0);
    return moved.length > 0 ? moved.map(([scenario, parts]) => `in ${scenario}: ${parts.join(', ')}`).join(' · ') : undefined;
}

/** `China worst 75% → 100%`, `lowest cover 30.4 → 0 days`: without the member → with it, where they differ. */
function exposureSegments(e: MemberEffect): string[] {
    const x = e.exposure;
    if (!x) return [];
    const parts: string[] = [];
    const [shareWithout, shareWith] = x.worstShare;
    if (x.origin && shareWithout !== null && shareWith !== null && shareText(shareWithout) !== shareText(shareWith)) {
        parts.push(`${x.origin} worst ${shareText(shareWithout)} → ${shareText(shareWith)}`);
    }
    const [coverWithout, coverWith] = x.lowestCover;
    if (coverWithout !== null && coverWith !== null && daysText(coverWithout) !== daysText(coverWith)) {
        parts.push(`lowest cover ${daysText(coverWithout).replace(/ days?$/, '')} → ${daysText(coverWith)}`);
    }
    return parts;
}

/** `15% · 2,345 t unmet · 457.6 billion JPY loss · 2/3 targets`. */
export function scenarioTitle(result: SimulationResult, name: string, versus?: Versus): string | undefined {
    const scenario = result.scenarios.find((s, i) => i > 0 && s.name === name);
    if (!scenario) return undefined;
    const was = baseScenario(versus, name);
    const parts: string[] = [];
    if (scenario.probability !== null) parts.push(shareText(scenario.probability) + versusNumber(versus, 'share', scenario.probability, was?.probability));
    parts.push(
        `${tonnesText(scenario.totals.unmet)}${versusNumber(versus, 'quantity', scenario.totals.unmet, was?.totals.unmet)} unmet`,
        lossText(scenario.totals.loss) + versusMoney(versus, scenario.totals.loss, was?.totals.loss)
    );
    const targets = Object.values(scenario.targets);
    const met = (s: ScenarioResult) => Object.values(s.targets).filter(t => t.pass === true).length;
    const wasTargets = was && Object.keys(was.targets).length > 0 ? `${met(was)}/${Object.keys(was.targets).length}` : undefined;
    if (targets.length > 0) parts.push(`${met(scenario)}/${targets.length}${versusWas(versus, `${met(scenario)}/${targets.length}`, wasTargets)} targets`);
    if (versus && !was) parts.push(`new vs ${versus.revision}`);
    return parts.join(' · ');
}

/**
 * `✗ 76.3% (needs ≤ 30% at 2028-01-01) in baseline and Curb`, or per scenario where the
 * verdicts or values differ: `needs ≤ 30% at 2028-01-01: ✗ baseline 76.3% · ✓ Detente 28%`.
 */
export function targetTitle(result: SimulationResult, name: string, versus?: Versus): string | undefined {
    const judged: Array<{ scenario: string; target: TargetResult }> = [];
    for (const scenario of result.scenarios) {
        const target = scenario.targets[name];
        if (target) judged.push({ scenario: scenario.name, target });
    }
    if (judged.length === 0) return undefined;
    const first = judged[0].target;
    // `max` / `min` (metrics-v2 §1): the extreme's month goes with each value.
    const extreme = /^(max|min) /.exec(first.condition)?.[1];
    const when = extreme ? '' : first.judgedAt ? ` at ${first.judgedAt}` : ' over the horizon';
    const requirement = `${COMPARISON_TEXT[first.op] ?? first.op} ${metricText(first.threshold, first.unit)}${when}`;
    const valueText = (t: TargetResult) =>
        t.value === null
            ? 'no value'
            : `${extreme ? `${extreme} ` : ''}${metricText(t.value, t.unit)}${extreme && t.judgedAt ? ` (${t.judgedAt.slice(0, 7)})` : ''}`;
    const mark = (t: TargetResult) => (t.pass === null ? '?' : t.pass ? '✓' : '✗');
    // The value's change and the earlier verdict at the compared revision: `(+101 t, was ✓ vs HEAD)`.
    const change = (scenario: string, t: TargetResult): string => {
        const was = baseScenario(versus, scenario)?.targets[name];
        if (!versus || !was) return '';
        const parts: string[] = [];
        const value = t.value !== null && was.value !== null ? metricChangeText(t.unit, t.value, was.value) : undefined;
        if (value) parts.push(value);
        else if ((t.value === null) !== (was.value === null)) parts.push(`was ${was.value === null ? 'no value' : metricText(was.value, was.unit)}`);
        if (mark(t) !== mark(was)) parts.push(`was ${mark(was)}`);
        return parts.length > 0 ? ` (${parts.join(', ')} vs ${versus.revision})` : '';
    };
    const firstChange = change(judged[0].scenario, first);
    const same = judged.every(j => j.target.pass === first.pass && valueText(j.target) === valueText(first) && change(j.scenario, j.target) === firstChange);
    if (same) return `${mark(first)} ${valueText(first)}${firstChange} (needs ${requirement}) in ${scenarioList(judged.map(j => j.scenario))}`;
    return `needs ${requirement}: ${judged.map(j => `${mark(j.target)} ${j.scenario} ${valueText(j.target)}${change(j.scenario, j.target)}`).join(' · ')}`;
}

/** `baseline`, `baseline and Curb`, `baseline, Curb and Detente`, `all 5 scenarios`. */
function scenarioList(names: string[]): string {
    if (names.length > 3) return `all ${displayNumber(names.length, 0)} scenarios`;
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
