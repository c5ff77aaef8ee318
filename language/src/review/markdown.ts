/**
 * `chokepoint diff --format markdown`: a review comment. A one-line verdict, then per changed
 * model a table (scenario rows, key metrics `base -> head (Δ)`), the target changes with
 * pass/fail marks and the changed declarations.
 */
import { daysText, displayNumber, metricText, signedMoneyText, signedTonnesText, tonnesText } from '../values/display.js';
import type { TargetChange, TargetSide } from './compare.js';
import { isRegression, type DiffReport, type ModelDiff } from './diff-models.js';
import { cellText, GRID_COLUMNS, GRID_TITLES, moneyCell, type Grid, type GridColumn, type GridRow } from './scenario-grid.js';

/** What the formatter needs beyond the report: each side's grid and target units, per model file. */
export interface ModelViews {
    grids: Map<string, { base?: Grid; head?: Grid }>;
    /** `file target` -> unit of the target's value ('t', 'share', 'days', a currency...). */
    targetUnits: Map<string, string>;
}

export const PASS = '✅',
    FAIL = '❌';

export function sideName(side: DiffReport['base']): string {
    return side.commit ? `${side.rev} (${side.commit.slice(0, 7)})` : side.rev;
}

export function verdict(report: DiffReport): string {
    const changed = report.models.filter(m => m.status !== 'unchanged').length;
    const models = `${changed} of ${report.models.length} model${report.models.length === 1 ? '' : 's'} changed`;
    const sides = `${sideName(report.base)} -> ${sideName(report.head)}`;
    if (report.regressions > 0) {
        return `${FAIL} **${report.regressions} target regression${report.regressions === 1 ? '' : 's'}**: ${models} (${sides}).`;
    }
    return `${PASS} **No target regression**: ${models} (${sides}).`;
}

export function formatMarkdown(report: DiffReport, views: ModelViews): string {
    const lines = ['## Chokepoint: results of this change', '', verdict(report)];
    for (const model of report.models) {
        if (model.status === 'unchanged') continue;
        lines.push('', ...modelSection(model, views));
    }
    return lines.join('\n') + '\n';
}

function modelSection(model: ModelDiff, views: ModelViews): string[] {
    const renamed = model.renamedFrom ? ` (renamed from \`${model.renamedFrom}\`)` : '';
    const lines = [`### \`${model.file}\`: ${model.status}${renamed}`];
    for (const side of ['base', 'head'] as const) {
        const errors = model.errors?.[side];
        if (!errors) continue;
        lines.push('', `${FAIL} Does not check at ${side === 'base' ? 'BASE' : 'HEAD'} (${errors.length} error${errors.length === 1 ? '' : 's'}):`);
        for (const e of errors.slice(0, 10)) lines.push(`- \`${e.file}:${e.line}:${e.column}\` ${e.message}`);
        if (errors.length > 10) lines.push(`- and ${errors.length - 10} more`);
    }
    const grids = views.grids.get(model.file);
    if (grids && (grids.base || grids.head)) lines.push('', ...gridTable(grids.base, grids.head));
    if (model.targets.length > 0) {
        lines.push('', '**Targets**', '');
        for (const t of model.targets) lines.push(`- ${targetLine(t, views.targetUnits.get(`${model.file} ${t.name}`) ?? '')}`);
    }
    if (model.declarations.length > 0) {
        lines.push('', '**Changed declarations**', '');
        for (const d of model.declarations) lines.push(`- ${d.change} \`${d.kind} ${d.name}\`${d.change === 'changed' ? `: ${d.detail}` : ''}`);
    }
    return lines;
}

/** Scenario rows by key metrics; a cell that differs reads `base -> head (Δ)`. */
export function gridTable(base: Grid | undefined, head: Grid | undefined): string[] {
    const header = ['scenario', 'p', ...GRID_COLUMNS.map(c => GRID_TITLES[c])];
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    const names = [...(head?.rows ?? []).map(r => r.scenario)];
    for (const r of base?.rows ?? []) if (!names.includes(r.scenario)) names.push(r.scenario);
    for (const name of names) {
        const b = base?.rows.find(r => r.scenario === name),
            h = head?.rows.find(r => r.scenario === name);
        const probability = (h ?? b)!.probability;
        const cells = GRID_COLUMNS.map(column => cellChange(b, h, column));
        lines.push(`| ${name} | ${probability === null ? '' : `${displayNumber(probability * 100, 1)}%`} | ${cells.join(' | ')} |`);
    }
    if ((base?.expected.unmet ?? head?.expected.unmet ?? null) !== null) {
        const unmet = change(
            base?.expected.unmet ?? null,
            head?.expected.unmet ?? null,
            v => tonnesText(v),
            (a, b) => signedTonnesText(a - b)
        );
        const loss = change(base ? base.expected.loss : null, head ? head.expected.loss : null, moneyCell, lossDelta);
        lines.push(`| **expected** | | ${unmet} | ${loss} | | | | |`);
    }
    return lines;
}

export function cellChange(b: GridRow | undefined, h: GridRow | undefined, column: GridColumn): string {
    const text = (row: GridRow | undefined) => (row ? cellText(row, column) : '—');
    if (!b || !h) return `${text(b)} -> ${text(h)}`;
    const before = text(b),
        after = text(h);
    if (before === after) return after;
    const delta = cellDelta(b, h, column);
    return `${before} -> ${after}${delta ? ` (${delta})` : ''}`;
}

function cellDelta(b: GridRow, h: GridRow, column: GridColumn): string | undefined {
    switch (column) {
        case 'unmet':
            return signedTonnesText(h.unmet - b.unmet);
        case 'loss':
            return lossDelta(h.loss, b.loss);
        case 'worstShare':
            return b.worstShare !== null && h.worstShare !== null ? points(h.worstShare - b.worstShare) : undefined;
        case 'cover':
            return b.cover !== null && h.cover !== null ? signed(h.cover - b.cover, daysText) : undefined;
        default:
            return undefined;
    }
}

function change<T>(before: T | null, after: T | null, show: (v: T) => string, delta: (after: T, before: T) => string): string {
    const b = before === null ? '—' : show(before),
        a = after === null ? '—' : show(after);
    if (b === a) return a;
    return before !== null && after !== null ? `${b} -> ${a} (${delta(after, before)})` : `${b} -> ${a}`;
}

function lossDelta(after: Record<string, number>, before: Record<string, number>): string {
    const currencies = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    const parts = currencies.map(c => [c, (after[c] ?? 0) - (before[c] ?? 0)] as const).filter(([, d]) => d !== 0);
    return parts.length > 0 ? parts.map(([c, d]) => signedMoneyText(d, c)).join(', ') : '±0';
}

function points(delta: number): string {
    return `${delta < 0 ? '−' : '+'}${displayNumber(Math.abs(delta) * 100, 1)} pts`;
}

function signed(delta: number, show: (v: number) => string): string {
    return `${delta < 0 ? '−' : '+'}${show(Math.abs(delta))}`;
}

export function targetLine(t: TargetChange, unit: string): string {
    const side = (s: TargetSide | null) =>
        s === null ? 'not judged' : `${s.pass === true ? PASS : s.pass === false ? FAIL : '?'} ${s.value === null ? 'no value' : metricText(s.value, unit)}`;
    const regression = isRegression(t) ? ' **regression**' : '';
    return `${t.name} in ${t.scenario}: ${side(t.base)} -> ${side(t.head)}${regression}`;
}
