import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { loadModel } from '../workspace/load.js';
import { collectDiagnostics, formatGithub, formatPlain, summary } from './diagnostics.js';
import type { TextOut } from './run-json.js';
import { runCommand } from './run.js';
import { diffCommand } from './diff.js';

const USAGE = `Usage:
  chokepoint check PATH... [--format plain|github]   check .choke files or directories
  chokepoint run FILE [--scenario NAME] [--json]     simulate a model and print its metrics
      [--samples N [--seed S]]                       draw every LOW..HIGH range N times: P5/P50/P95
      [--timings]                                    how long each phase took, on stderr
  chokepoint diff [BASE [HEAD]] [PATH...]            what a change does to the results (git revisions)
      [--json | --format plain|markdown|github] [--all]
  chokepoint --help | --version`;

/** Lines to stdout; large JSON goes as bytes. */
const printToStdout: TextOut = Object.assign((s: string) => { process.stdout.write(s + '\n'); }, {
    bytes: (chunk: Uint8Array) => { process.stdout.write(chunk); }
});

/** Exit codes: 0 fine, 1 errors in the model, 2 wrong usage. */
export async function main(argv: string[], out: TextOut = printToStdout,
    err: (s: string) => void = s => process.stderr.write(s + '\n')): Promise<number> {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === 'help') {
        out(USAGE);
        return 0;
    }
    if (command === '--version') {
        out(VERSION);
        return 0;
    }
    if (command === 'check') return checkCommand(rest, out, err);
    if (command === 'run') return runCommand(rest, out, err);
    if (command === 'diff') return diffCommand(rest, out, err);
    err(command ? `Unknown command '${command}'.\n${USAGE}` : USAGE);
    return 2;
}

declare const __CHOKEPOINT_VERSION__: string | undefined;
const VERSION = typeof __CHOKEPOINT_VERSION__ === 'string' ? __CHOKEPOINT_VERSION__ : 'dev';

async function checkCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
    const paths: string[] = [];
    let format = 'plain';
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--format') {
            format = args[++i] ?? '';
            if (format !== 'plain' && format !== 'github') {
                err(`--format takes 'plain' or 'github', not '${format}'.\n${USAGE}`);
                return 2;
            }
        } else if (a.startsWith('--format=')) {
            format = a.slice('--format='.length);
            if (format !== 'plain' && format !== 'github') {
                err(`--format takes 'plain' or 'github', not '${format}'.\n${USAGE}`);
                return 2;
            }
        } else if (a.startsWith('-')) {
            err(`Unknown option '${a}'.\n${USAGE}`);
            return 2;
        } else {
            paths.push(a);
        }
    }
    if (paths.length === 0) {
        err(`check needs at least one file or directory.\n${USAGE}`);
        return 2;
    }
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, paths);
    // Paths that do not exist are a mistake in the command, not in a model: exit 2.
    for (const missing of loaded.missingPaths) err(`chokepoint: no such file or directory: ${missing}`);
    for (const directory of loaded.emptyDirectories) err(`chokepoint: no .choke files in directory ${directory}`);
    const diagnostics = collectDiagnostics(loaded.documents, loaded.problems);
    const print = format === 'github' ? formatGithub : formatPlain;
    for (const d of diagnostics) out(print(d));
    const fileCount = new Set([...loaded.documents.map(d => d.uri.fsPath), ...loaded.problems.map(p => p.file)]).size;
    out(summary(diagnostics, fileCount));
    if (loaded.missingPaths.length > 0 || fileCount === 0) return 2;
    return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}
