/**
 * `chokepoint diff --format github`: annotations on the lines of the declarations whose change
 * made a target fail (`::error`), and on a model that no longer checks.
 */
import { isRegression, type DiffReport } from './diff-models.js';

export function githubAnnotations(report: DiffReport): string[] {
    const lines: string[] = [];
    for (const model of report.models) {
        const regressions = model.targets.filter(isRegression);
        const failing = regressions.map(t => `${t.name} in ${t.scenario}`).join(', ');
        if (regressions.length > 0) {
            const changed = model.declarations.filter(d => d.change !== 'removed');
            for (const d of changed) {
                const what = d.change === 'changed' ? d.detail : `added ${d.kind} ${d.name}`;
                lines.push(
                    annotation(
                        'error',
                        d.file,
                        d.line,
                        `Target regression`,
                        `${what}: with this change ${plural(regressions.length, 'target')} fail${regressions.length === 1 ? 's' : ''} (${failing}).`
                    )
                );
            }
            if (changed.length === 0)
                lines.push(annotation('error', model.file, 1, 'Target regression', `${failing} fail${regressions.length === 1 ? 's' : ''} with this change.`));
        }
        if (model.errors?.head && !model.errors.base) {
            lines.push(
                annotation(
                    'warning',
                    model.file,
                    1,
                    'Model does not check',
                    `This model checked at ${report.base.rev} and has ${plural(model.errors.head.length, 'error')} now; run chokepoint check.`
                )
            );
        }
    }
    return lines;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function annotation(level: 'error' | 'warning', file: string, line: number, title: string, message: string): string {
    return `::${level} file=${property(file)},line=${line},title=${property(title)}::${data(message)}`;
}

function data(s: string): string {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
    return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
