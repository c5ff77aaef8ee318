/** `chokepoint diff --json`: the report in the contract's shape (docs/reviewing.md). */
import type { DiffReport } from './diff-models.js';

export function diffJson(report: DiffReport): Record<string, unknown> {
    return {
        base: report.base,
        head: report.head,
        models: report.models.map(m => ({
            file: m.file,
            status: m.status,
            ...(m.renamedFrom ? { renamedFrom: m.renamedFrom } : {}),
            declarations: m.declarations.map(d => ({ kind: d.kind, name: d.name, change: d.change, detail: d.detail })),
            metrics: m.metrics,
            targets: m.targets,
            ...(m.expected ? { expected: m.expected } : {}),
            ...(m.errors ? { errors: m.errors } : {})
        })),
        regressions: report.regressions
    };
}
