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

const USAGE = 'Usage: chokepoint diff [BASE [HEAD]] [PATH...] [--json | --format plain|markdown|github] [--all]';
const FORMATS = ['plain', 'markdown', 'github', 'json'] as const;
type Format = typeof FORMATS[number];

export interface DiffArguments {
    format: Format;
    all: boolean;
    /** Positional words before `--` (revisions or paths, told apart with git), and paths after it. */
    words: string[];
    paths: string[];
}

export function parseDiffArguments(args: string[]): DiffArguments | { error: string } {
    let format: Format | undefined;
    let all = false;
    const words: string[] = [], paths: string[] = [];
    const setFormat = (value: string): string | undefined => {
        if (!(FORMATS as readonly string[]).includes(value) || value === 'json') return `--format takes 'plain', 'markdown' or 'github', not '${value}'.\n${USAGE}`;
        if (format !== undefined && format !== value) return `--json and --format ${value} cannot be used together.\n${USAGE}`;
        format = value as Format;
        return undefined;
    };
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--') { paths.push(...args.slice(i + 1)); break; }
        let problem: string | undefined;
        if (a === '--json') problem = format !== undefined && format !== 'json' ? `--json and --format ${format} cannot be used together.\n${USAGE}` : (format = 'json', undefined);
        else if (a === '--all') all = true;
        else if (a === '--format') problem = setFormat(args[++i] ?? '');
        else if (a.startsWith('--format=')) problem = setFormat(a.slice('--format='.length));
        else if (a.startsWith('-')) problem = `Unknown option '${a}'.\n${USAGE}`;
        else words.push(a);
        if (problem) return { error: problem };
    }
    return { format: format ?? 'plain', all, words, paths };
}

/** BASE, HEAD and PATHs from the positional words: the first two that name revisions are BASE and HEAD. */
async function resolveWords(cwd: string, parsed: DiffArguments): Promise<DiffOptions> {
    const root = await repositoryRoot(cwd);
    const revisions: string[] = [];
    const paths = [...parsed.paths];
    for (const word of parsed.words) {
        if (paths.length > 0 || revisions.length === 2) { paths.push(word); continue; }
        const isRevision = await resolveCommit(root, word).then(() => true, () => false);
        if (isRevision) revisions.push(word);
        else if (existsSync(path.resolve(cwd, word)) || word.endsWith('.choke')) paths.push(word);
        else throw new GitError(`unknown revision '${word}' (not a branch, tag or commit of this repository, nor a file)`);
    }
    return { cwd, base: revisions[0] ?? 'HEAD', head: revisions[1], paths, all: parsed.all };
}

export async function diffCommand(args: string[], out: (s: string) => void, err: (s: string) => void, cwd = process.cwd(),
    env: NodeJS.ProcessEnv = process.env): Promise<number> {
    const parsed = parseDiffArguments(args);
    if ('error' in parsed) { err(parsed.error); return 2; }
    let options: DiffOptions;
    let sides;
    try {
        options = await resolveWords(cwd, parsed);
        sides = await loadSides(options);
    } catch (e) {
        if (e instanceof GitError) { err(`chokepoint diff: ${e.message}`); return 2; }
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
