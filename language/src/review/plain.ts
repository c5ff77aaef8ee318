/** `chokepoint diff`'s plain text: the verdict, then per changed model what changed, one line each. */
import { daysText, displayNumber, hhiText, moneyText, shareText, tonnesText } from '../values/display.js';
import type { MetricChange, MetricValue } from './compare.js';
import type { DiffReport } from './diff-models.js';
import { isRegression } from './diff-models.js';
import { sideName } from './markdown.js';

export function formatPlainDiff(report: DiffReport): string {
    const lines: string[] = [];
    const changed = report.models.filter(m => m.status !== 'unchanged');
    lines.push(`Chokepoint diff: ${sideName(report.base)} -> ${sideName(report.head)}`);
    lines.push(
        `${changed.length} of ${report.models.length} model(s) changed; ${report.regressions === 0 ? 'no target regression' : `${report.regressions} target regression(s)`}.`
    );
    for (const model of report.models) {
        if (model.status === 'unchanged' && model.metrics.length === 0 && model.targets.length === 0) continue;
        lines.push('', `${model.file}: ${model.status}${model.renamedFrom ? ` (renamed from ${model.renamedFrom})` : ''}`);
        for (const side of ['base', 'head'] as const) {
            for (const e of model.errors?.[side] ?? [])
                lines.push(`  error at ${side === 'base' ? 'BASE' : 'HEAD'}: ${e.file}:${e.line}:${e.column}: ${e.message}`);
        }
        for (const d of model.declarations) lines.push(`  ${d.change} ${d.kind} ${d.name}${d.change === 'changed' ? `: ${d.detail}` : ''}`);
        for (const m of model.metrics) lines.push(`  ${m.scenario}: ${metricLabel(m)} ${valueText(m.metric, m.base)} -> ${valueText(m.metric, m.head)}`);
        for (const t of model.targets) {
            const side = (s: typeof t.base) =>
                s === null
                    ? 'not judged'
                    : `${s.pass === true ? 'pass' : s.pass === false ? 'FAIL' : '?'} (${s.value === null ? 'no value' : displayNumber(s.value, 3)})`;
            lines.push(`  ${t.scenario}: target ${t.name} ${side(t.base)} -> ${side(t.head)}${isRegression(t) ? '  REGRESSION' : ''}`);
        }
        if (model.expected && (model.expected.base || model.expected.head)) {
            const e = (s: typeof model.expected.base) => (s === null ? '—' : `${s.unmet === null ? '—' : tonnesText(s.unmet)}, ${lossWords(s.loss)}`);
            const before = e(model.expected.base),
                after = e(model.expected.head);
            if (before !== after) lines.push(`  expected: ${before} -> ${after}`);
        }
    }
    return lines.join('\n');
}

function metricLabel(m: MetricChange): string {
    const material = m.material ? ` ${m.material}` : '';
    const origin = m.origin ? ` on ${m.origin}` : '';
    return `${m.subject}${material} ${m.metric}${origin}`;
}

function lossWords(loss: Record<string, number>): string {
    const parts = Object.entries(loss)
        .filter(([, v]) => v !== 0)
        .map(([c, v]) => moneyText(v, c));
    return parts.length > 0 ? `${parts.join(' + ')} loss` : 'no loss';
}

/** A metric's value as people read it. */
export function valueText(metric: string, value: MetricValue): string {
    if (value === null) return '—';
    if (typeof value === 'string') return value;
    if (typeof value === 'object') {
        if (metric === 'loss') return lossWords(value);
        return Object.entries(value)
            .map(([k, v]) => `${k} ${shareText(v)}`)
            .join(', ');
    }
    switch (metric) {
        case 'unmet':
        case 'final':
            return tonnesText(value);
        case 'fill':
            return shareText(value);
        case 'ttsDays':
        case 'coverDays':
            return daysText(value);
        case 'hhi':
        case 'hhiEnd':
            return hhiText(value);
        default:
            return displayNumber(value, 3);
    }
}
