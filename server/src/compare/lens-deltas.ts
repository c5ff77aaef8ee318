/**
 * The change against a revision, appended to lens titles and hovers by a function of its own
 * (the titles themselves stay the metrics' own): `… · vs HEAD: unmet −248 t in CurbOnly`.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { Model } from '../../../language/src/index.js';
import { isConsumer, isReserve, isScenario, isTarget } from '../../../language/src/index.js';
import type { MetricChange } from '../../../language/src/index.js';
import { scenarioGrid } from '../../../language/src/index.js';
import type { RunJson } from '../../../language/src/index.js';
import { daysText, metricText, signedTonnesText } from '../../../language/src/index.js';
import type { Comparison } from './compare-service.js';

/** How many scenarios a lens names (the largest changes first). */
const SHOWN = 2;

/** The text for one declaration (by kind and name), or undefined when nothing of it changed. */
export function declarationDelta(
    comparison: Comparison,
    kind: 'consumer' | 'reserve' | 'scenario' | 'target',
    name: string,
    current: RunJson
): string | undefined {
    const label = `vs ${comparison.revision}`;
    const metrics = comparison.comparison.metrics.filter(m => m.subject === name);
    switch (kind) {
        case 'consumer': {
            const parts = [unmetByScenario(metrics), coverChange(metrics)].filter((p): p is string => p !== undefined);
            return parts.length > 0 ? `${label}: ${parts.join(', ')}` : undefined;
        }
        case 'reserve': {
            const finals = metrics
                .filter(m => m.metric === 'final' && typeof m.delta === 'number' && m.delta !== 0)
                .sort((a, b) => Math.abs(b.delta as number) - Math.abs(a.delta as number))
                .slice(0, SHOWN);
            const dry = metrics.find(m => m.metric === 'dryOn');
            const parts = finals.map(m => `final ${signedTonnesText(m.delta as number)} in ${m.scenario}`);
            if (dry) parts.push(`dry ${dayOrNever(dry.base)} -> ${dayOrNever(dry.head)} in ${dry.scenario}`);
            return parts.length > 0 ? `${label}: ${parts.join(', ')}` : undefined;
        }
        case 'scenario': {
            const before = scenarioGrid(comparison.base).rows.find(r => r.scenario === name);
            const after = scenarioGrid(current).rows.find(r => r.scenario === name);
            if (!before || !after || after.unmet === before.unmet) return before ? undefined : `${label}: new scenario`;
            return `${label}: ${signedTonnesText(after.unmet - before.unmet)} unmet`;
        }
        case 'target': {
            const changed = comparison.comparison.targets.filter(t => t.name === name);
            if (changed.length === 0) return undefined;
            const t = changed[0];
            const unit = targetUnit(current, t.scenario, name);
            const was = t.base === null ? 'not judged' : `${t.base.pass ? '✓' : '✗'} ${t.base.value === null ? 'no value' : metricText(t.base.value, unit)}`;
            return `${label}: was ${was} in ${t.scenario}${changed.length > 1 ? ` (+${changed.length - 1} more)` : ''}`;
        }
    }
}

/** A hover's line on the change against the revision, for a consumer, reserve, scenario or target. */
export function hoverDelta(comparison: Comparison, declaration: { $type: string; name?: string }, current: RunJson): string | undefined {
    const kinds: Record<string, 'consumer' | 'reserve' | 'scenario' | 'target'> = {
        Consumer: 'consumer',
        Reserve: 'reserve',
        Scenario: 'scenario',
        Target: 'target'
    };
    const kind = kinds[declaration.$type];
    const delta = kind && declaration.name ? declarationDelta(comparison, kind, declaration.name, current) : undefined;
    return delta ? `**Compared with ${comparison.revision}** (\`${comparison.commit.slice(0, 7)}\`): ${delta.slice(delta.indexOf(': ') + 2)}` : undefined;
}

/** The file lens: the expected unmet need's change. */
export function fileDelta(comparison: Comparison): string | undefined {
    const { base, head } = comparison.comparison.expected;
    if (!base || !head || base.unmet === null || head.unmet === null || base.unmet === head.unmet) return undefined;
    return `vs ${comparison.revision}: expected ${signedTonnesText(head.unmet - base.unmet)} unmet`;
}

/** Appends each lens's delta (matched to its declaration by line) to its title. */
export function appendLensDeltas(document: LangiumDocument, lenses: CodeLens[], comparison: Comparison, current: RunJson): CodeLens[] {
    const byLine = new Map<number, string>();
    for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
        const name = declaration.name;
        const line = declaration.$cstNode?.range.start.line;
        if (!name || line === undefined) continue;
        const kind = isConsumer(declaration)
            ? 'consumer'
            : isReserve(declaration)
              ? 'reserve'
              : isScenario(declaration)
                ? 'scenario'
                : isTarget(declaration)
                  ? 'target'
                  : undefined;
        const delta = kind && declarationDelta(comparison, kind, name, current);
        if (delta) byLine.set(line, delta);
    }
    const file = fileDelta(comparison);
    return lenses.map(lens => {
        const line = lens.range.start.line;
        const isFileLens = lens.command?.arguments?.length === 1 && line === 0;
        const delta = isFileLens ? file : byLine.get(line);
        return delta && lens.command ? { ...lens, command: { ...lens.command, title: `${lens.command.title} · ${delta}` } } : lens;
    });
}

function unmetByScenario(metrics: MetricChange[]): string | undefined {
    const byScenario = new Map<string, number>();
    for (const m of metrics) {
        if (m.metric !== 'unmet' || typeof m.delta !== 'number') continue;
        byScenario.set(m.scenario, (byScenario.get(m.scenario) ?? 0) + m.delta);
    }
    const shown = [...byScenario].filter(([, d]) => d !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    if (shown.length === 0) return undefined;
    const text = shown
        .slice(0, SHOWN)
        .map(([s, d]) => `${signedTonnesText(d)} in ${s}`)
        .join(', ');
    return `unmet ${text}${shown.length > SHOWN ? ` (+${shown.length - SHOWN} more)` : ''}`;
}

function coverChange(metrics: MetricChange[]): string | undefined {
    const cover = metrics.find(m => m.metric === 'coverDays' && typeof m.delta === 'number' && m.delta !== 0);
    if (!cover) return undefined;
    const d = cover.delta as number;
    return `cover ${d < 0 ? '−' : '+'}${daysText(Math.abs(d))}`;
}

function targetUnit(run: RunJson, scenario: string, name: string): string {
    const scenarios = Array.isArray(run.scenarios) ? (run.scenarios as Array<Record<string, unknown>>) : [];
    const target = (scenarios.find(s => s.name === scenario)?.targets as Record<string, { unit?: string }> | undefined)?.[name];
    return target?.unit ?? '';
}

/** A reserve's dry day (`YYYY-MM-DD`), or `never` when it does not run dry. */
function dayOrNever(day: unknown): string {
    return typeof day === 'string' ? day : 'never';
}
