/**
 * `chokepoint diff [BASE [HEAD]] [PATH...] [--json | --format plain|markdown|github] [--all]`:
 * what a change between two revisions does to the models' results. Exit codes: 0 no
 * regression, 1 a target regression, 2 wrong usage (not a repository, unknown revision, bad option).
 */
import { appendFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { diffSides, loadSides, type DiffOptions } from '../review/diff-models.js';
import { GitError, repositoryRoot, resolveCommit } from '../review/git.js';
import { githubAnnotations } from '../review/github.js';
import { diffJson } from '../review/json-report.js';
import { formatMarkdown } from '../review/markdown.js';
import { formatPlainDiff } from '../review/plain.js';
import { modelViews } from '../review/views.js';
import { parseCommandLine, UsageError, type CliCommand, type CommandLine } from './command.js';

export interface DiffArguments {
    format: 'plain' | 'markdown' | 'github' | 'json';
    all: boolean;
    /** The operands: BASE and HEAD (the first two that name revisions), then PATHs. */
    words: string[];
    paths: string[];
}

export const diffCommand: CliCommand = {
    name: 'diff',
    summary: 'what a change between two git revisions does to the results',
    operands: '[BASE [HEAD]] [PATH...]',
    operandCount: { min: 0, tooFew: '' },
    options: {
        json: { type: 'boolean', description: 'the comparison as JSON' },
        format: {
            type: 'string',
            value: 'FORMAT',
            choices: ['plain', 'markdown', 'github'],
            description: "'plain' (default), 'markdown' (a review comment) or 'github' (step summary and annotations)"
        },
        all: { type: 'boolean', description: 'list unchanged metrics and targets too' }
    },
    run(line, { out, err }) {
        return runDiff(diffArgumentsOf(line), out, err);
    }
};

function diffArgumentsOf(line: CommandLine): DiffArguments {
    const { json, format, all } = line.options;
    if (json === true && typeof format === 'string') throw new UsageError(`--json and --format ${format} cannot be used together; see chokepoint diff --help.`);
    const chosen = json === true ? 'json' : typeof format === 'string' ? (format as DiffArguments['format']) : 'plain';
    return { format: chosen, all: all === true, words: line.operands, paths: [] };
}

/** `chokepoint diff ARGS` run in `cwd`: for tests and the CLI alike. */
export async function diffCommandLine(
    args: string[],
    out: (s: string) => void,
    err: (s: string) => void,
    cwd = process.cwd(),
    env: NodeJS.ProcessEnv = process.env
): Promise<number> {
    const line = parseCommandLine(diffCommand, args);
    if ('error' in line) {
        err(line.error);
        return 2;
    }
    let parsed: DiffArguments;
    try {
        parsed = diffArgumentsOf(line);
    } catch (e) {
        if (e instanceof UsageError) {
            err(e.message);
            return 2;
        }
        throw e;
    }
    return runDiff(parsed, out, err, cwd, env);
}

/** BASE, HEAD and PATHs from the positional words: the first two that name revisions are BASE and HEAD. */
async function resolveWords(cwd: string, parsed: DiffArguments): Promise<DiffOptions> {
    const root = await repositoryRoot(cwd);
    const revisions: string[] = [];
    const paths = [...parsed.paths];
    for (const word of parsed.words) {
        if (paths.length > 0 || revisions.length === 2) {
            paths.push(word);
            continue;
        }
        const isRevision = await resolveCommit(root, word).then(
            () => true,
            () => false
        );
        if (isRevision) revisions.push(word);
        else if (existsSync(path.resolve(cwd, word)) || word.endsWith('.choke')) paths.push(word);
        else throw new GitError(`unknown revision '${word}' (not a branch, tag or commit of this repository, nor a file)`);
    }
    return { cwd, base: revisions[0] ?? 'HEAD', head: revisions[1], paths, all: parsed.all };
}

async function runDiff(
    parsed: DiffArguments,
    out: (s: string) => void,
    err: (s: string) => void,
    cwd = process.cwd(),
    env: NodeJS.ProcessEnv = process.env
): Promise<number> {
    let options: DiffOptions;
    let sides;
    try {
        options = await resolveWords(cwd, parsed);
        sides = await loadSides(options);
    } catch (e) {
        if (e instanceof GitError) {
            err(`chokepoint diff: ${e.message}`);
            return 2;
        }
        throw e;
    }
    const report = diffSides(sides, options.all);
    if (parsed.format === 'json') out(JSON.stringify(diffJson(report), null, 2));
    else if (parsed.format === 'plain') out(formatPlainDiff(report));
    else {
        const markdown = formatMarkdown(report, modelViews(sides, report));
        if (parsed.format === 'markdown') out(markdown.trimEnd());
        else {
            const summaryFile = env.GITHUB_STEP_SUMMARY;
            if (summaryFile) appendFileSync(summaryFile, markdown);
            else out(markdown.trimEnd());
            for (const line of githubAnnotations(report)) out(line);
        }
    }
    return report.regressions > 0 ? 1 : 0;
}
