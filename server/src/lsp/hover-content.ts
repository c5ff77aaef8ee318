import { codeFence } from './plain-markdown.js';
import type { AstNode } from 'langium';
import type { SimulationResult } from '../../../language/src/index.js';
import type { Named } from '../../../language/src/index.js';
import { isBloc, isConsumer, isFlow, isHolds, isMeasure, isPlant, isReserve, isScenario, isShock, isStock, isTarget } from '../../../language/src/index.js';
import type { SupplyShare } from '../model/supply-shares.js';
import type { MemberEffect, ResultsResponse } from '../protocol.js';
import { joinCode, tokensOf } from './formatter/tokens.js';
import { quantityNumber, lossText, metricText, COMPARISON_TEXT, shareText, tonnesText } from '../../../language/src/index.js';
import { quantityHint } from './inlay-hints.js';
import { consumerHover, memberHover, plantHover, reserveHover } from './hover-story.js';
import { measureValueHover } from './decision-titles.js';

/** Markdown pieces of hovers. Pure functions of the AST and a results view. */

/** `**consumer** Automotive "Automotive and EV"`, then what was declared, one clause a line. */
export function declaredText(node: Named): string {
    const header = headerLine(node);
    const clauses = clauseLines(node);
    const body = clauses.length > 0 ? `\n${clauses.map(c => `    ${c}`).join('\n')}` : '';
    const fence = codeFence(header + body);
    return `${fence}chokepoint\n${header}${body}\n${fence}`;
}

function headerLine(node: Named): string {
    const cst = node.$cstNode;
    if (!cst) return node.$type.toLowerCase();
    const tokens = tokensOf(cst).filter(t => !t.comment);
    const open = tokens.findIndex(t => t.text === '{');
    if (open < 0) return joinCode(tokens);
    // Short one-line blocks (`{ stage ore }`, scenario members) are shown whole.
    if (isBloc(node) || isScenario(node) || node.$type === 'Material' || (isFlow(node) && node.volumes.length <= 1)) return joinCode(tokens);
    return joinCode(tokens.slice(0, open));
}

function clauseLines(node: Named): string[] {
    if (isBloc(node) || isScenario(node) || node.$type === 'Material' || (isFlow(node) && node.volumes.length <= 1)) return [];
    const children: AstNode[] = [];
    for (const value of Object.values(node)) {
        if (Array.isArray(value)) for (const item of value) if (isAstNode(item) && item.$container === node) children.push(item);
    }
    children.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
    return children
        .map(child => {
            const text = child.$cstNode ? joinCode(tokensOf(child.$cstNode).filter(t => !t.comment)) : '';
            const converted = isStock(child) || isHolds(child) ? quantityHint(child.amount) : undefined;
            return converted ? `${text}   // ${converted}` : text;
        })
        .filter(t => t.length > 0);
}

function isAstNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && '$type' in value;
}

/** A heading saying whose numbers follow and whether they are current. */
export function resultsHeading(view: ResultsResponse, viaName: string | undefined): string | undefined {
    const source = viaName ? ` of ${viaName}` : '';
    switch (view.status) {
        case 'ok':
            return `**Simulation${source}**`;
        case 'running':
            return view.result ? `**Simulation${source}** (outdated: a newer run is in progress)` : undefined;
        case 'errors':
            return view.result
                ? `**Simulation${source}** (outdated: ${view.errorCount} error${view.errorCount === 1 ? '' : 's'} block the current text)`
                : undefined;
        default:
            return undefined;
    }
}

/** The computed metrics of an entity, or undefined when results say nothing about it. */
export function metricsText(node: Named, result: SimulationResult, effects: Record<string, MemberEffect[]> | undefined): string | undefined {
    const name = node.name;
    if (!name) return undefined;
    if (isConsumer(node)) return consumerHover(result, name);
    if (isReserve(node)) return reserveHover(result, name);
    if (isPlant(node)) return plantHover(result, name);
    if (isScenario(node)) return scenarioMetrics(result, name);
    if (isTarget(node)) return targetMetrics(result, name);
    if (isShock(node) || isMeasure(node)) {
        if (!effects) return '_Computing what it changes…_';
        const rows = effects[name] ?? [];
        if (rows.length === 0) return 'In no scenario.';
        const value = isMeasure(node) ? measureValueHover(rows, result) : undefined;
        return value ? `${memberHover(rows)}\n\n${value}` : memberHover(rows);
    }
    return undefined;
}

function scenarioMetrics(result: SimulationResult, name: string): string | undefined {
    const scenario = result.scenarios.find((s, i) => i > 0 && s.name === name);
    if (!scenario) return undefined;
    const lines = [
        `${scenario.probability === null ? 'No probability' : `Probability ${shareText(scenario.probability)}`} · ${tonnesText(scenario.totals.unmet)} unmet of ${tonnesText(scenario.totals.need)} needed · ${lossText(scenario.totals.loss)}`
    ];
    const targets = Object.entries(scenario.targets);
    if (targets.length > 0) {
        lines.push('', `Targets met: ${targets.filter(([, t]) => t.pass === true).length}/${targets.length}`);
        for (const [target, t] of targets) {
            lines.push(
                `- ${t.pass === null ? '?' : t.pass ? '✓' : '✗'} ${target}: ${t.value === null ? 'no value' : metricText(t.value, t.unit)} (needs ${COMPARISON_TEXT[t.op]} ${metricText(t.threshold, t.unit)})`
            );
        }
    }
    return lines.join('\n');
}

function targetMetrics(result: SimulationResult, name: string): string | undefined {
    const rows = result.scenarios.filter(s => s.targets[name]);
    if (rows.length === 0) return undefined;
    const first = rows[0].targets[name];
    const lines = [
        `Needs ${COMPARISON_TEXT[first.op]} ${metricText(first.threshold, first.unit)}${first.judgedAt ? ` by ${first.judgedAt}` : ' over the horizon'}`,
        '',
        '| scenario | value | verdict |',
        '|---|---:|---|'
    ];
    for (const scenario of rows) {
        const t = scenario.targets[name];
        lines.push(
            `| ${scenario.name} | ${t.value === null ? '—' : metricText(t.value, t.unit)} | ${t.pass === null ? '? no value' : t.pass ? '✓ met' : '✗ missed'}${t.judgedAt && /^(max|min) /.test(t.condition) ? ` (${t.judgedAt.slice(0, 7)})` : ''} |`
        );
    }
    return lines.join('\n');
}

/** `carries 1,127 of 1,478 t/month of REE into JapanIndustry: 76.3%` lines. */
export function sharesText(what: string, into: string, shares: SupplyShare[], perStepDays: number, step: string): string | undefined {
    const lines = shares
        .filter(s => s.total > 0)
        .map(
            s =>
                `${what} ${quantityNumber(s.carried * perStepDays)} of ${quantityNumber(s.total * perStepDays)} t/${step} of ${s.material} into ${into}: **${shareText(s.carried / s.total)}**`
        );
    return lines.length > 0 ? `${lines.join('  \n')}  \n_(contracted volumes as written, planned flows left out)_` : undefined;
}
