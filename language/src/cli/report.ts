/**
 * `chokepoint report FILE [-o report.html] [--diff BASE]`: one self-contained HTML file with
 * the model's summary, scenario grid, targets and charts, and with `--diff` the comparison
 * with a git revision. Exit codes: 0 written, 1 the model does not check, 2 wrong usage.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { prepareDocument } from '../evaluation/evaluate.js';
import { loadModel } from '../loading/load.js';
import { collectDiagnostics, formatPlain, summary } from './diagnostics.js';
import { UsageError, type CliCommand } from './command.js';
import { diffSides, loadSides } from '../review/diff-models.js';
import { GitError } from '../review/git.js';
import { runJsonObject, type RunJson } from '../review/run-object.js';
import { modelViews } from '../review/views.js';
import { reportHtml, type ReportInput } from '../report/html.js';
import { reportPageScript } from '../report/page-script.js';
import { reportCharts } from '../report/report-data.js';
import { reportFrontier, shockWindows } from '../report/report-extras.js';
import type { LoweredModel } from '../lowering/model.js';

export const reportCommand: CliCommand = {
    name: 'report',
    summary: 'write one self-contained HTML report of a model (opens offline, prints)',
    operands: 'FILE',
    operandCount: { min: 1, max: 1, tooFew: 'report needs a .choke file', tooMany: 'report takes one file' },
    options: {
        output: { type: 'string', short: 'o', value: 'FILE', description: "where to write it (default report.html; '-' for stdout)" },
        diff: { type: 'string', value: 'BASE', description: 'compare with this git revision' }
    },
    async run(line, { out, err }) {
        const file = line.operands[0];
        const output = typeof line.options.output === 'string' ? line.options.output : 'report.html';
        const base = typeof line.options.diff === 'string' ? line.options.diff : undefined;
        const html = await buildReport(file, base, err);
        if (html === undefined) return 1;
        if (output === '-') out(html.trimEnd());
        else {
            writeFileSync(output, html);
            out(`chokepoint report: wrote ${output} (${Math.ceil(Buffer.byteLength(html) / 1024)} KB)`);
        }
        return 0;
    }
};

/** The report's HTML, or undefined (diagnostics printed) when the model does not check. */
export async function buildReport(file: string, baseRevision: string | undefined, err: (s: string) => void, cwd = process.cwd()): Promise<string | undefined> {
    const loaded = await runFromDisk(path.resolve(cwd, file), err);
    if (!loaded) return undefined;
    const { run: head, model } = loaded;
    let comparison: ReportInput['comparison'];
    if (baseRevision !== undefined) {
        try {
            const sides = await loadSides({ cwd, base: baseRevision, paths: [file], all: false });
            const report = diffSides(sides, false);
            const diff = report.models[0];
            if (diff) {
                const baseFile = diff.status === 'added' ? undefined : (diff.renamedFrom ?? diff.file);
                const results = baseFile === undefined ? undefined : sides.base.resultsOf(baseFile);
                const units = new Map([...modelViews(sides, report).targetUnits].map(([k, v]) => [k.slice(diff.file.length + 1), v]));
                comparison = {
                    baseName: report.base.commit ? `${baseRevision} (${report.base.commit.slice(0, 7)})` : baseRevision,
                    base: results?.status === 'ok' ? results.run : undefined,
                    diff,
                    units
                };
            }
        } catch (e) {
            if (e instanceof GitError) throw new UsageError(`chokepoint report: ${e.message}`);
            throw e;
        }
    }
    return reportHtml({
        file: path.relative(cwd, path.resolve(cwd, file)) || file,
        head,
        charts: { ...reportCharts(head, comparison?.base), windows: shockWindows(model), frontier: await reportFrontier(model) },
        comparison,
        script: reportPageScript()
    });
}

async function runFromDisk(file: string, err: (s: string) => void): Promise<{ run: RunJson; model: LoweredModel } | undefined> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, [file]);
    if (loaded.missingPaths.length > 0) throw new UsageError(`chokepoint report: no such file: ${loaded.missingPaths[0]}`);
    const root = loaded.roots[0];
    const diagnostics = collectDiagnostics(loaded.documents, loaded.problems);
    const prepared = root ? prepareDocument(root, services.shared.workspace.LangiumDocuments) : undefined;
    if (!prepared || prepared.status === 'errors') {
        for (const d of diagnostics.filter(x => x.severity === 'error')) err(formatPlain(d));
        err(summary(diagnostics, loaded.documents.length));
        err('Fix the errors above to write a report.');
        return undefined;
    }
    if (prepared.status === 'no-horizon') {
        err(prepared.message);
        return undefined;
    }
    return { run: runJsonObject(prepared.model), model: prepared.model };
}
