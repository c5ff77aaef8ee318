import type { LangiumDocuments, URI } from 'langium';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Imports are confined to the workspace: a shared model cannot make the CLI or the editor read
 * `/etc/passwd` or `../../../home/me/.ssh/...`. An import of a file outside every root is an
 * `import-outside-workspace` error and the file is never read (nor even looked for); an import
 * of anything but a `.choke` file is `not-choke-file`, never read either.
 *
 * The roots: for the CLI the common folder of its arguments and the current folder, or
 * `--root DIR`; for the language server the client's workspace folders (or, without any, the
 * folder of each document the client opens). Only `file:` URIs are confined; other schemes
 * (in-memory documents of tests, the standard library) are never read from disk.
 */
export class WorkspaceRoots {
    private readonly roots = new Set<string>();

    /** No root set yet: nothing is confined (a bare in-memory workspace). */
    get unset(): boolean {
        return this.roots.size === 0;
    }

    add(folder: string): void {
        this.roots.add(path.resolve(folder));
    }

    /** The roots, for messages. */
    get folders(): string[] {
        return [...this.roots].sort();
    }

    /** Whether `uri` (a file to import) lies inside a root, also once symbolic links are resolved. */
    contains(uri: URI): boolean {
        if (uri.scheme !== 'file' || this.unset) return true;
        const file = path.resolve(uri.fsPath);
        if (!this.folders.some(root => isWithin(file, root))) return false;
        const real = realPath(file);
        return real === undefined || this.folders.some(root => isWithin(real, realPath(root) ?? root));
    }
}

/** Only `.choke` files are models: anything else is never read as one. */
export function isChokeFile(uri: URI): boolean {
    return uri.path.endsWith('.choke');
}

/** Whether the import at `uri` may be read at all: a `.choke` file inside the workspace. */
export function mayImport(uri: URI, documents: LangiumDocuments): boolean {
    return isChokeFile(uri) && workspaceRoots(documents).contains(uri);
}

const rootsByWorkspace = new WeakMap<LangiumDocuments, WorkspaceRoots>();

/** The roots of one workspace (one set of services), created empty on first use. */
export function workspaceRoots(documents: LangiumDocuments): WorkspaceRoots {
    let roots = rootsByWorkspace.get(documents);
    if (!roots) {
        roots = new WorkspaceRoots();
        rootsByWorkspace.set(documents, roots);
    }
    return roots;
}

/** The deepest folder containing every path (files count by their folder). */
export function commonFolder(paths: string[]): string {
    const parts = paths.map(p => path.resolve(p).split(path.sep));
    const first = parts[0] ?? [path.sep];
    let length = first.length;
    for (const other of parts.slice(1)) {
        let i = 0;
        while (i < length && i < other.length && other[i] === first[i]) i++;
        length = i;
    }
    return first.slice(0, length).join(path.sep) || path.sep;
}

function isWithin(file: string, root: string): boolean {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realPath(file: string): string | undefined {
    try {
        return realpathSync(file);
    } catch {
        return undefined;
    }
}
