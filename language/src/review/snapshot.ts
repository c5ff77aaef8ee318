/**
 * A snapshot: the `.choke` files of one side of a comparison (a commit, or the working tree),
 * as text in memory, keyed by their path relative to the repository root.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { EmptyFileSystemProvider, type FileSystemNode } from 'langium';
import { chokeFilesAt, chokeFilesInWorkingTree, readFilesAt, resolveCommit } from './git.js';

export interface Snapshot {
    /** As the user named it (`HEAD`, `origin/main`), or `working tree`. */
    rev: string;
    /** The full commit hash; null for the working tree. */
    commit: string | null;
    /** The repository's top folder (absolute). */
    root: string;
    /** Relative path (`/`-separated) -> text. */
    files: Map<string, string>;
}

export const WORKING_TREE = 'working tree';

/** The `.choke` files at a revision, read with git (the working tree is not looked at). */
export async function snapshotAt(root: string, rev: string): Promise<Snapshot> {
    const commit = await resolveCommit(root, rev);
    const paths = await chokeFilesAt(root, commit);
    return { rev, commit, root, files: await readFilesAt(root, commit, paths) };
}

/** The `.choke` files of the working tree (tracked or untracked, not ignored), as they are on disk. */
export async function snapshotOfWorkingTree(root: string): Promise<Snapshot> {
    const files = new Map<string, string>();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const relative of await chokeFilesInWorkingTree(root)) {
        try {
            files.set(relative, decoder.decode(readFileSync(path.join(root, relative))));
        } catch {
            // Deleted since it was staged, unreadable or not UTF-8: not part of this side.
        }
    }
    return { rev: WORKING_TREE, commit: null, root, files };
}

/** The URI a snapshot's file gets in its workspace: where it is (or would be) on disk. */
export function snapshotUri(snapshot: Snapshot, relative: string): URI {
    return URI.file(path.join(snapshot.root, ...relative.split('/')));
}

/** The path relative to the root of a URI of this snapshot (or undefined outside it). */
export function relativePath(snapshot: Snapshot, uri: URI): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    const relative = path.relative(snapshot.root, uri.fsPath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
}

/**
 * A file system that holds only the snapshot's files: imports at a revision resolve among
 * that revision's files, never the disk's.
 */
export class SnapshotFileSystem extends EmptyFileSystemProvider {
    constructor(private readonly snapshot: Snapshot) {
        super();
    }

    private textOf(uri: URI): string | undefined {
        const relative = relativePath(this.snapshot, uri);
        return relative === undefined ? undefined : this.snapshot.files.get(relative);
    }

    override existsSync(uri?: URI): boolean {
        return uri !== undefined && this.textOf(uri) !== undefined;
    }

    override exists(uri?: URI): Promise<boolean> {
        return Promise.resolve(this.existsSync(uri));
    }

    override readFileSync(uri?: URI): string {
        const text = uri && this.textOf(uri);
        if (text === undefined) throw new Error(`no such file in ${this.snapshot.rev}: ${uri?.path ?? ''}`);
        return text;
    }

    override readFile(uri?: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }

    override statSync(uri: URI): FileSystemNode {
        return { isFile: this.existsSync(uri), isDirectory: false, uri };
    }

    override stat(uri: URI): Promise<FileSystemNode> {
        return Promise.resolve(this.statSync(uri));
    }
}
