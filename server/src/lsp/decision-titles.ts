/**
 * What a measure is worth, for its lens and hover, and what a scenario's measures buy together
 * (decisions.md §2), from the member effects of the simulation's second phase: each is the
 * scenario minus the same scenario without the measure, so avoided = −effect. Kept apart from
 * lens-titles.ts; code-lens.ts and hover-content.ts call it through one small hook each.
 */
import type { SimulationResult } from '../../../language/src/index.js';
import { ratioOf } from '../../../language/src/index.js';
import { displayNumber, shortMoneyText, tonnesText } from '../../../language/src/index.js';
import { MEASURES_TOGETHER } from '../simulation/engine-adapter.js';
import type { MemberEffect } from '../protocol.js';

interface Valued {
    scenario: string;
    probability: number | null;
    unmetAvoided: number;
    lossAvoided: Record<string, number>;
}

function valued(effects: MemberEffect[], result: SimulationResult): Valued[] {
    const probability = new Map(result.scenarios.map(s => [s.name, s.probability]));
    return effects.map(e => ({
        scenario: e.scenario,
        probability: probability.get(e.scenario) ?? null,
        unmetAvoided: -e.unmet,
        lossAvoided: Object.fromEntries(Object.entries(e.loss).map(([c, v]) => [c, -v]))
    }));
}

/** The currency a lens speaks in: the first with loss avoided, else the cost's, else any. */
function lensCurrency(rows: Valued[], cost: Record<string, number>): string | undefined {
    for (const row of rows) for (const [c, v] of Object.entries(row.lossAvoided)) if (Math.round(v) !== 0) return c;
    return Object.entries(cost).find(([, v]) => v !== 0)?.[0] ?? Object.keys(rows[0]?.lossAvoided ?? {})[0];
}

interface MeasureFigures {
    rows: Valued[];
    currency: string | undefined;
    cost: Record<string, number>;
    expectedLoss: Record<string, number>;
    expectedCost: Record<string, number>;
    weighted: boolean;
    ratio: number | null;
}

function figures(effects: MemberEffect[], result: SimulationResult): MeasureFigures {
    const rows = valued(effects, result);
    const cost = effects[0]?.cost ?? {};
    const expectedLoss: Record<string, number> = {},
        expectedCost: Record<string, number> = {};
    let weighted = false;
    for (const row of rows) {
        if (row.probability === null) continue;
        weighted = true;
        for (const [c, v] of Object.entries(row.lossAvoided)) expectedLoss[c] = (expectedLoss[c] ?? 0) + row.probability * v;
        for (const [c, v] of Object.entries(cost)) expectedCost[c] = (expectedCost[c] ?? 0) + row.probability * v;
    }
    return { rows, currency: lensCurrency(rows, cost), cost, expectedLoss, expectedCost, weighted, ratio: ratioOf(expectedLoss, expectedCost) };
}

/** `avoids 151.8 bn JPY in CurbOnly · expected 22.8 bn · costs 4.5 bn · 3.3x`; undefined in no scenario. */
export function measureValueTitle(effects: MemberEffect[] | undefined, result: SimulationResult): string | undefined {
    if (!effects || effects.length === 0) return undefined;
    const f = figures(effects, result);
    const c = f.currency;
    const lossOf = (row: Valued) => (c ? (row.lossAvoided[c] ?? 0) : 0);
    const best = f.rows.reduce((a, b) => (lossOf(b) > lossOf(a) || (lossOf(b) === lossOf(a) && b.unmetAvoided > a.unmetAvoided) ? b : a));
    const parts = [
        c && Math.round(lossOf(best)) !== 0
            ? `avoids ${shortMoneyText(lossOf(best))} ${c} in ${best.scenario}`
            : `avoids ${tonnesText(best.unmetAvoided)} in ${best.scenario}`
    ];
    if (f.weighted && c) parts.push(`expected ${shortMoneyText(f.expectedLoss[c] ?? 0)}`);
    const spent = Object.entries(f.cost).filter(([, v]) => v !== 0);
    if (spent.length === 0) parts.push('no cost given');
    else parts.push(`costs ${spent.map(([cur, v]) => (cur === c ? shortMoneyText(v) : `${shortMoneyText(v)} ${cur}`)).join(' + ')}`);
    if (f.ratio !== null) parts.push(`${displayNumber(f.ratio, 1)}x`);
    return parts.join(' · ');
}

/** The hover's value table of a measure. */
export function measureValueHover(effects: MemberEffect[] | undefined, result: SimulationResult): string | undefined {
    if (!effects || effects.length === 0) return undefined;
    const f = figures(effects, result);
    const money = (m: Record<string, number>) =>
        Object.entries(m)
            .filter(([, v]) => Math.round(v) !== 0)
            .map(([cur, v]) => `${shortMoneyText(v)} ${cur}`)
            .join(' + ') || '0';
    const lines = [
        'What it buys (marginal: each scenario against the same scenario without it):',
        '',
        '| scenario | probability | unmet avoided | loss avoided |',
        '|---|---:|---:|---:|'
    ];
    for (const row of f.rows) {
        lines.push(
            `| ${row.scenario} | ${row.probability === null ? '—' : `${displayNumber(row.probability * 100, 1)}%`} | ${tonnesText(row.unmetAvoided)} | ${money(row.lossAvoided)} |`
        );
    }
    const net: Record<string, number> = { ...f.expectedLoss };
    for (const [cur, v] of Object.entries(f.expectedCost)) net[cur] = (net[cur] ?? 0) - v;
    lines.push('', `Costs ${Object.values(f.cost).some(v => v !== 0) ? money(f.cost) : '— no cost given'} in the horizon.`);
    if (f.weighted)
        lines.push(
            `Expected: ${money(f.expectedLoss)} avoided for ${money(f.expectedCost)}; net ${money(net)}${f.ratio === null ? '' : ` · ${displayNumber(f.ratio, 1)}x`}.`
        );
    return lines.join('\n');
}

/** The scenario lens's segment: what its measures avoid together, against its shocks alone. */
export function scenarioMeasuresSegment(effects: Record<string, MemberEffect[]> | undefined, scenario: string): string | undefined {
    const together = effects?.[MEASURES_TOGETHER]?.find(e => e.scenario === scenario);
    if (!together) return undefined;
    const loss = Object.entries(together.loss).find(([, v]) => Math.round(v) !== 0);
    return loss ? `measures avoid ${shortMoneyText(-loss[1])} ${loss[0]}` : `measures avoid ${tonnesText(-together.unmet)}`;
}
