/**
 * Reading revisions through the real `git` found on PATH (execFile, never a shell). Only
 * read-only plumbing is used (`rev-parse`, `ls-tree`, `cat-file`, `ls-files`): the working
 * tree, the index and the stash are never written.
 */
import { execFile, spawn } from 'node:child_process';

/** Why git could not answer: shown to the user as one line (exit 2). */
export class GitError extends Error {}

const MAX_OUTPUT = 256 * 1024 * 1024;

/** Runs git in `cwd` and returns its stdout; a GitError with git's first line of stderr otherwise. */
export function git(cwd: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
            if (!error) {
                resolve(stdout);
                return;
            }
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT') {
                reject(new GitError('git is not installed or not on PATH'));
                return;
            }
            const first =
                String(stderr)
                    .split('\n')
                    .find(line => line.trim() !== '') ?? error.message;
            reject(new GitError(first.replace(/^(fatal|error): /, '')));
        });
    });
}

/** The top folder of the repository holding `cwd`, or a GitError ("not a git repository"). */
export async function repositoryRoot(cwd: string): Promise<string> {
    try {
        return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    } catch (e) {
        if (e instanceof GitError && /not a git repository/i.test(e.message)) throw new GitError(`not a git repository: ${cwd}`);
        throw e;
    }
}

/** The commit a revision names (a full hash), or a GitError naming the revision. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new GitError(`unknown revision '${revision}'`);
    try {
        return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
    } catch {
        throw new GitError(`unknown revision '${revision}' (not a branch, tag or commit of this repository)`);
    }
}

/** Paths (relative to the root, `/`-separated) of the `.choke` files at a commit, sorted. */
export async function chokeFilesAt(root: string, commit: string): Promise<string[]> {
    const out = await git(root, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit]);
    return out
        .split('\0')
        .filter(p => p.endsWith('.choke'))
        .sort();
}

/**
 * Paths of the `.choke` files of the working tree: tracked ones still on disk and untracked
 * ones not ignored (what `git add -A` would take). `ls-files` only reads the index.
 */
export async function chokeFilesInWorkingTree(root: string): Promise<string[]> {
    const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', '*.choke']);
    return [...new Set(out.split('\0').filter(p => p.endsWith('.choke')))].sort();
}

/**
 * The contents of `paths` at `commit`, read in one `git cat-file --batch` process.
 * Files that are not valid UTF-8 are left out (the importer's check reports them).
 */
export function readFilesAt(root: string, commit: string, paths: string[]): Promise<Map<string, string>> {
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd: root, windowsHide: true });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', e => reject(new GitError(`cannot run git: ${e.message}`)));
        child.on('close', code => {
            if (code !== 0) {
                reject(new GitError(`git cat-file failed (exit ${code})`));
                return;
            }
            resolve(parseBatch(Buffer.concat(chunks), paths));
        });
        child.stdin.end(paths.map(p => `${commit}:${p}\n`).join(''));
    });
}

/** `<oid> blob <size>\n<bytes>\n` per object, or `<name> missing\n`. */
function parseBatch(output: Buffer, paths: string[]): Map<string, string> {
    const files = new Map<string, string>();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pos = 0;
    for (const path of paths) {
        const end = output.indexOf(0x0a, pos);
        if (end < 0) break;
        const header = output.toString('utf8', pos, end).split(' ');
        pos = end + 1;
        if (header.length !== 3) continue;
        const size = Number(header[2]);
        const bytes = output.subarray(pos, pos + size);
        pos += size + 1;
        if (header[1] !== 'blob') continue;
        try {
            files.set(path, decoder.decode(bytes));
        } catch {
            /* not UTF-8: reported as a missing import */
        }
    }
    return files;
}
