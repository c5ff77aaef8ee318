import type { LangiumDocument } from 'langium';
import * as path from 'node:path';
import type { LoadProblem } from '../loading/load.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic, positioned 1-based, ready to print. */
export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: Severity;
    message: string;
    code?: string;
}

const SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function collectDiagnostics(documents: LangiumDocument[], problems: LoadProblem[], cwd = process.cwd()): CliDiagnostic[] {
    const result: CliDiagnostic[] = problems.map(p => ({
        file: relative(cwd, p.file),
        line: 1,
        column: 1,
        severity: p.severity,
        message: p.message,
        code: p.code
    }));
    for (const document of documents) {
        for (const d of document.diagnostics ?? []) {
            result.push({
                file: relative(cwd, document.uri.fsPath),
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                severity: SEVERITY[d.severity ?? 1] ?? 'error',
                message: typeof d.message === 'string' ? d.message : d.message.value,
                code: d.code !== undefined ? String(d.code) : undefined
            });
        }
    }
    return result.sort(compareDiagnostics);
}

export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    if (a.line !== b.line) return a.line - b.line;
    if (a.column !== b.column) return a.column - b.column;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

function relative(cwd: string, file: string): string {
    const rel = path.relative(cwd, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export function formatPlain(d: CliDiagnostic): string {
    return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.code ? ` [${d.code}]` : ''}`;
}

/** GitHub Actions workflow commands: annotations on the pull request's diff. */
export function formatGithub(d: CliDiagnostic): string {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const title = d.code ? `,title=${escapeProperty(d.code)}` : '';
    return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.column}${title}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function summary(diagnostics: CliDiagnostic[], fileCount: number): string {
    const count = (s: Severity) => diagnostics.filter(d => d.severity === s).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('hint') + count('info'), 'hint')} in ${plural(fileCount, 'file')}`;
}
