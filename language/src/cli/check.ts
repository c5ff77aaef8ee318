/**
 * `chokepoint check PATH... [--format plain|github]`: prints every diagnostic of the files and
 * directories given. Exit codes: 0 no errors, 1 errors in a model, 2 wrong usage (a path that
 * does not exist, a directory without .choke files).
 */
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { loadModel } from '../loading/load.js';
import type { CliCommand, CliIo, CommandLine } from './command.js';
import { ROOT_OPTION, rootOf } from './root-option.js';
import { collectDiagnostics, compareDiagnostics, formatGithub, formatPlain, summary } from './diagnostics.js';
import { explanationDiagnostics } from './explanation-diagnostics.js';

export const checkCommand: CliCommand = {
    name: 'check',
    summary: 'check .choke files or directories',
    operands: 'PATH...',
    operandCount: { min: 1, tooFew: 'check needs at least one file or directory' },
    options: {
        format: { type: 'string', value: 'plain|github', choices: ['plain', 'github'], description: 'plain lines, or GitHub Actions annotations' },
        root: ROOT_OPTION
    },
    run: checkPaths
};

async function checkPaths(args: CommandLine, { out, err }: CliIo): Promise<number> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, args.operands, { root: rootOf(args) });
    // Paths that do not exist are a mistake in the command, not in a model: exit 2.
    for (const missing of loaded.missingPaths) err(`chokepoint: no such file or directory: ${missing}`);
    for (const directory of loaded.emptyDirectories) err(`chokepoint: no .choke files in directory ${directory}`);
    const diagnostics = collectDiagnostics(loaded.documents, loaded.problems);
    if (!diagnostics.some(d => d.severity === 'error')) {
        diagnostics.push(...explanationDiagnostics(loaded.documents, services.shared.workspace.LangiumDocuments));
        diagnostics.sort(compareDiagnostics);
    }
    const print = args.options.format === 'github' ? formatGithub : formatPlain;
    for (const d of diagnostics) out(print(d));
    const fileCount = new Set([...loaded.documents.map(d => d.uri.fsPath), ...loaded.problems.map(p => p.file)]).size;
    out(summary(diagnostics, fileCount));
    if (loaded.missingPaths.length > 0 || fileCount === 0) return 2;
    return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}
