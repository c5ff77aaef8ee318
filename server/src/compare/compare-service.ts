/**
 * The editor's comparison with a git revision (`chokepoint.compareWith`, HEAD by default):
 * the base side's results are computed once per (repository, commit, model) and cached; each
 * edit then only compares the current results with them. Outside git, with git missing or
 * the setting `none`, there is nothing to compare and nothing fails.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import * as path from 'node:path';
import type { SimulationResult } from '../../../language/src/index.js';
import { compareRuns, type RunComparison } from '../../../language/src/index.js';
import { repositoryRoot, resolveCommit } from '../../../language/src/index.js';
import type { RunJson } from '../../../language/src/index.js';
import { buildRevisionWorkspace, type SideResults } from '../../../language/src/index.js';
import { snapshotAt } from '../../../language/src/index.js';
import { closureDocuments } from '../simulation/closure.js';
import { nextTurn } from '../simulation/yielding.js';

/** The comparison of a model's current results with a revision's. */
export interface Comparison {
    /** As the setting names it (`HEAD`, `main`). */
    revision: string;
    commit: string;
    base: RunJson;
    comparison: RunComparison;
}

interface BaseSide {
    /** Relative path -> text of the model's files at the revision. */
    texts: Map<string, string>;
    results: SideResults;
}

/** An answer of git, when it was asked, and the asking again once it is old (see `gitAnswer`). */
interface Asked<T> {
    answer: Promise<T | undefined>;
    at: number;
    again?: Promise<T | undefined>;
}

/** How long a revision's commit is trusted before asking git again (a commit moves HEAD). */
const COMMIT_TTL_MS = 2000;

export class CompareService {
    private readonly bases = new Map<string, Promise<BaseSide | undefined>>();
    private readonly commits = new Map<string, Asked<string>>();
    /** Folder -> its repository's root; a folder outside git is asked again after COMMIT_TTL_MS (it may become one). */
    private readonly roots = new Map<string, Asked<string>>();
    private readonly latest = new Map<string, Comparison>();
    /** Base sides whose computation has finished (the others are not waited for by lenses). */
    private readonly settled = new Set<string>();
    private readonly changeListeners: Array<() => void> = [];

    constructor(private readonly documents: LangiumDocuments) {}

    /**
     * The comparison of `root`'s current results with `revision`, or undefined when there is
     * nothing to compare (setting `none`, not in git, no such revision, the model reads the
     * same text at the revision, or the revision's model does not check).
     */
    async compare(root: LangiumDocument, result: SimulationResult, revision: string): Promise<Comparison | undefined> {
        const key = root.uri.toString();
        const found = await this.compareUncached(root, result, revision).catch(() => undefined);
        if (found) this.latest.set(key, found);
        else this.latest.delete(key);
        return found;
    }

    /**
     * Called when what lenses compare with may have changed: a base side finished computing, or
     * git answered anew with another commit or repository. Lenses wait for neither (git, a
     * simulation); they ask again (a lens refresh).
     */
    onComparisonChanged(listener: () => void): void {
        this.changeListeners.push(listener);
    }

    /** Resolves once every base side and git answer asked for so far is in (for tests and the bench). */
    async ready(): Promise<void> {
        const asked = [...this.roots.values(), ...this.commits.values()];
        await Promise.all([...asked.flatMap(a => [a.answer, a.again]), ...this.bases.values()]);
    }

    /** The last comparison made for a model (hovers read it without waiting). */
    latestFor(root: LangiumDocument): Comparison | undefined {
        return this.latest.get(root.uri.toString());
    }

    /** The base side's run --json of a model at a revision (the comparison view's). */
    async baseResults(root: LangiumDocument, revision: string): Promise<{ commit: string; results: SideResults } | undefined> {
        if (revision === 'none' || root.uri.scheme !== 'file') return undefined;
        const repo = await this.repositoryOf(root.uri.fsPath);
        if (!repo) return undefined;
        const commit = await this.commitOf(repo, revision);
        if (!commit) return undefined;
        const base = await this.baseSide(repo, commit, relative(repo, root.uri.fsPath));
        return base && { commit, results: base.results };
    }

    private async compareUncached(root: LangiumDocument, result: SimulationResult, revision: string): Promise<Comparison | undefined> {
        if (revision === 'none' || root.uri.scheme !== 'file') return undefined;
        const repo = await this.repositoryOf(root.uri.fsPath);
        if (!repo) return undefined;
        const commit = await this.commitOf(repo, revision);
        if (!commit) return undefined;
        const key = `${repo}\n${commit}\n${relative(repo, root.uri.fsPath)}`;
        const pending = this.baseSide(repo, commit, relative(repo, root.uri.fsPath));
        if (!this.settled.has(key)) return undefined;
        const base = await pending;
        if (!base || base.results.status !== 'ok') return undefined;
        if (this.sameTexts(root, repo, base.texts)) return undefined;
        // The same results against the same base: the comparison made last time (lenses ask often).
        const previous = this.latest.get(root.uri.toString());
        if (
            previous &&
            previous.revision === revision &&
            previous.commit === commit &&
            previous.base === base.results.run &&
            this.compared.get(previous) === result
        ) {
            return previous;
        }
        const current = result as unknown as RunJson;
        const made: Comparison = { revision, commit, base: base.results.run, comparison: compareRuns(base.results.run, current) };
        this.compared.set(made, result);
        return made;
    }

    /** The current results each comparison was made of. */
    private readonly compared = new WeakMap<Comparison, SimulationResult>();

    /** Whether the model and its imports read exactly the revision's texts. */
    private sameTexts(root: LangiumDocument, repo: string, texts: Map<string, string>): boolean {
        const current = closureDocuments(root, this.documents).filter(d => d.uri.scheme === 'file');
        if (current.length !== texts.size) return false;
        return current.every(d => texts.get(relative(repo, d.uri.fsPath)) === d.textDocument.getText());
    }

    /**
     * Asks git for a folder's repository and `revision`'s commit ahead of time. Called as the
     * server initializes: git then runs beside the parser's construction, forked from a process
     * still small, and the first lenses of a file in `folder` find both known.
     */
    prefetch(folder: string, revision: string): void {
        if (revision === 'none') return;
        void this.repositoryOfFolder(folder).then(repo => (repo ? this.commitOf(repo, revision) : undefined));
    }

    private repositoryOf(file: string): Promise<string | undefined> {
        return this.repositoryOfFolder(path.dirname(file));
    }

    private repositoryOfFolder(dir: string): Promise<string | undefined> {
        // Only a folder outside git is asked again: a repository's root does not move.
        return this.gitAnswer(
            this.roots,
            dir,
            () => repositoryRoot(dir),
            root => root === undefined
        );
    }

    private commitOf(repo: string, revision: string): Promise<string | undefined> {
        return this.gitAnswer(
            this.commits,
            `${repo}\n${revision}`,
            () => resolveCommit(repo, revision),
            () => true
        );
    }

    /**
     * git's answer for `key`, asked the first time it is wanted. Once it is older than
     * COMMIT_TTL_MS (and `expires` says it may change), it is asked again after this turn while
     * the answer in hand is returned: the lens answer never waits for a fork of git. A new
     * answer refreshes the lenses.
     */
    private async gitAnswer(
        cache: Map<string, Asked<string>>,
        key: string,
        ask: () => Promise<string | undefined>,
        expires: (answer: string | undefined) => boolean
    ): Promise<string | undefined> {
        const known = cache.get(key);
        if (!known) {
            const asked: Asked<string> = { answer: ask().catch(() => undefined), at: Date.now() };
            cache.set(key, asked);
            return asked.answer;
        }
        const answer = await known.answer;
        if (known.again || !expires(answer) || Date.now() - known.at < COMMIT_TTL_MS) return answer;
        known.again = nextTurn()
            .then(ask)
            .catch(() => undefined)
            .then(fresh => {
                cache.set(key, { answer: Promise.resolve(fresh), at: Date.now() });
                if (fresh !== answer) for (const listener of this.changeListeners) listener();
                return fresh;
            });
        return answer;
    }

    private baseSide(repo: string, commit: string, file: string): Promise<BaseSide | undefined> {
        const key = `${repo}\n${commit}\n${file}`;
        let known = this.bases.get(key);
        if (!known) {
            // Forking git is synchronous and costs tens of ms in a large process: after the answer in hand.
            known = nextTurn()
                .then(() => computeBase(repo, commit, file))
                .catch(() => undefined)
                .then(base => {
                    this.settled.add(key);
                    for (const listener of this.changeListeners) listener();
                    return base;
                });
            this.bases.set(key, known);
        }
        return known;
    }
}

async function computeBase(repo: string, commit: string, file: string): Promise<BaseSide | undefined> {
    const snapshot = await snapshotAt(repo, commit);
    if (!snapshot.files.has(file)) return undefined;
    const workspace = await buildRevisionWorkspace(snapshot, [file]);
    const texts = new Map(workspace.closureOf(file).map(f => [f, snapshot.files.get(f) ?? ''] as const));
    return { texts, results: workspace.resultsOf(file) };
}

function relative(repo: string, file: string): string {
    return path.relative(repo, file).split(path.sep).join('/');
}
