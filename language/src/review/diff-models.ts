/**
 * `chokepoint diff`'s answer: every model present at either side, its status, the
 * declarations that changed, the metrics and targets whose results differ, the expected
 * values, and how many targets regressed.
 */
import * as path from 'node:path';
import { compareRuns, type MetricChange, type RunComparison, type TargetChange } from './compare.js';
import { compareDeclarations, declarationsOf, type DeclarationChange } from './declarations.js';
import { repositoryRoot } from './git.js';
import { buildRevisionWorkspace, type ModelError, type RevisionWorkspace } from './revision-workspace.js';
import { snapshotAt, snapshotOfWorkingTree, WORKING_TREE } from './snapshot.js';

export type ModelStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ModelDiff {
    /** HEAD's path (BASE's for a removed model). */
    file: string;
    status: ModelStatus;
    /** BASE's path when the file was renamed. */
    renamedFrom?: string;
    declarations: DeclarationChange[];
    metrics: MetricChange[];
    targets: TargetChange[];
    expected?: RunComparison['expected'];
    /** The errors that keep a side from being simulated (only for a side that has them). */
    errors?: { base?: ModelError[]; head?: ModelError[] };
    /** Targets that passed at BASE and fail at HEAD, or are new and fail; 1 when HEAD no longer checks. */
    regressions: number;
}

export interface DiffReport {
    base: { rev: string; commit: string | null };
    head: { rev: string; commit: string | null };
    models: ModelDiff[];
    regressions: number;
}

export interface DiffOptions {
    /** Where the command runs (any folder of the repository). */
    cwd: string;
    base: string;
    /** A revision, or undefined for the working tree. */
    head?: string;
    /** Files or folders (relative to cwd) to limit the comparison to. */
    paths: string[];
    /** List unchanged metrics and targets too. */
    all: boolean;
}

export interface ComparedSides {
    base: RevisionWorkspace;
    head: RevisionWorkspace;
}

/** Reads both sides with git and builds their workspaces (GitError when git cannot). */
export async function loadSides(options: DiffOptions): Promise<ComparedSides> {
    const root = await repositoryRoot(options.cwd);
    const paths = options.paths.map(p => path.relative(root, path.resolve(options.cwd, p)).split(path.sep).join('/'));
    const baseSnapshot = await snapshotAt(root, options.base);
    const headSnapshot = options.head === undefined ? await snapshotOfWorkingTree(root) : await snapshotAt(root, options.head);
    return { base: await buildRevisionWorkspace(baseSnapshot, paths), head: await buildRevisionWorkspace(headSnapshot, paths) };
}

export async function diffRevisions(options: DiffOptions): Promise<DiffReport> {
    return diffSides(await loadSides(options), options.all);
}

export function diffSides({ base, head }: ComparedSides, all: boolean): DiffReport {
    const models: ModelDiff[] = [];
    for (const [baseFile, headFile] of pairModels(base, head)) models.push(diffModel(base, head, baseFile, headFile, all));
    models.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return {
        base: { rev: base.snapshot.rev, commit: base.snapshot.commit },
        head: { rev: head.snapshot.rev === WORKING_TREE ? WORKING_TREE : head.snapshot.rev, commit: head.snapshot.commit },
        models,
        regressions: models.reduce((sum, m) => sum + m.regressions, 0)
    };
}

/** Pairs each model with itself at the other side; a removed and an added file with similar text are a rename. */
function pairModels(base: RevisionWorkspace, head: RevisionWorkspace): [string | undefined, string | undefined][] {
    const pairs: [string | undefined, string | undefined][] = [];
    const headSet = new Set(head.models),
        baseSet = new Set(base.models);
    for (const file of base.models) if (headSet.has(file)) pairs.push([file, file]);
    const removed = base.models.filter(f => !headSet.has(f));
    const added = head.models.filter(f => !baseSet.has(f));
    for (const old of removed) {
        const text = base.snapshot.files.get(old) ?? '';
        let best: string | undefined,
            bestScore = 0.5;
        for (const candidate of added) {
            const score = similarity(text, head.snapshot.files.get(candidate) ?? '');
            if (score >= bestScore && (best === undefined || score > bestScore)) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best !== undefined) {
            added.splice(added.indexOf(best), 1);
            pairs.push([old, best]);
        } else pairs.push([old, undefined]);
    }
    for (const file of added) pairs.push([undefined, file]);
    return pairs;
}

/** Share of lines the two texts have in common (as git's rename detection, by lines). */
function similarity(a: string, b: string): number {
    if (a === b) return 1;
    const left = a
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    const right = b
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    const pool = new Map<string, number>();
    for (const line of left) pool.set(line, (pool.get(line) ?? 0) + 1);
    let common = 0;
    for (const line of right) {
        const n = pool.get(line) ?? 0;
        if (n > 0) {
            common++;
            pool.set(line, n - 1);
        }
    }
    return common / Math.max(left.length, right.length, 1);
}

function diffModel(base: RevisionWorkspace, head: RevisionWorkspace, baseFile: string | undefined, headFile: string | undefined, all: boolean): ModelDiff {
    const file = (headFile ?? baseFile)!;
    const status: ModelStatus =
        baseFile === undefined ? 'added' : headFile === undefined ? 'removed' : sameFiles(base, baseFile, head, headFile) ? 'unchanged' : 'changed';
    const diff: ModelDiff = { file, status, declarations: [], metrics: [], targets: [], regressions: 0 };
    if (baseFile !== undefined && headFile !== undefined && baseFile !== headFile) diff.renamedFrom = baseFile;
    if (status === 'unchanged' && !all) return diff;
    diff.declarations = compareDeclarations(declarationsAt(base, baseFile), declarationsAt(head, headFile));
    const baseResults = baseFile === undefined ? undefined : base.resultsOf(baseFile);
    const headResults = headFile === undefined ? undefined : head.resultsOf(headFile);
    const errors: ModelDiff['errors'] = {};
    if (baseResults?.status === 'errors') errors.base = baseResults.errors;
    if (headResults?.status === 'errors') errors.head = headResults.errors;
    if (errors.base || errors.head) diff.errors = errors;
    const baseRun = baseResults?.status === 'ok' ? baseResults.run : undefined;
    const headRun = headResults?.status === 'ok' ? headResults.run : undefined;
    const comparison = compareRuns(baseRun, headRun, all);
    // Metrics are differences between two results: a side without results lists them only with --all.
    diff.metrics = (baseRun && headRun) || all ? comparison.metrics : [];
    diff.targets = comparison.targets;
    diff.expected = comparison.expected;
    diff.regressions = diff.targets.filter(isRegression).length + (baseResults?.status === 'ok' && headResults?.status === 'errors' ? 1 : 0);
    return diff;
}

/** A target that passed at BASE and fails at HEAD, or that BASE did not judge and fails. */
export function isRegression(target: TargetChange): boolean {
    return target.head?.pass === false && (target.base === null || target.base.pass === true);
}

function declarationsAt(side: RevisionWorkspace, file: string | undefined) {
    if (file === undefined) return [];
    return declarationsOf(side.closureOf(file).map(f => [f, side.documentOf(f)!] as [string, NonNullable<ReturnType<RevisionWorkspace['documentOf']>>]));
}

/** Whether the model reads the same texts at both sides (its own file first, then its imports by path). */
function sameFiles(base: RevisionWorkspace, baseFile: string, head: RevisionWorkspace, headFile: string): boolean {
    const texts = (side: RevisionWorkspace, file: string) => [
        side.snapshot.files.get(file),
        ...side
            .closureOf(file)
            .filter(f => f !== file)
            .flatMap(f => [f, side.snapshot.files.get(f)])
    ];
    const a = texts(base, baseFile),
        b = texts(head, headFile);
    return a.length === b.length && a.every((t, i) => t === b[i]);
}
