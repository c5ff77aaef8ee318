import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { createChokepointCoreServices } from '../chokepoint-module.js';
import { Code } from '../validation/codes.js';
import { commonFolder, isChokeFile, mayImport, workspaceRoots } from './confinement.js';
import { importedUris } from './imports.js';
import { MAX_FILE_BYTES } from './size-limits.js';
import { formatNumber } from '../values/quantities.js';
import { stdlibDocument } from './stdlib.js';

type Services = ReturnType<typeof createChokepointCoreServices>;

/** A file that could not be loaded at all: reported like a diagnostic at 1:1. */
export interface LoadProblem {
    file: string;
    message: string;
    severity: 'error' | 'warning';
    /** A stable code from validation/codes.ts. */
    code: string;
}

export interface LoadedModel {
    /** The files named on the command line (directories expanded), in order. */
    roots: LangiumDocument[];
    /** Every user document loaded, roots and imports, sorted by path. */
    documents: LangiumDocument[];
    problems: LoadProblem[];
    /** Paths named on the command line that do not exist (a usage error). */
    missingPaths: string[];
    /** Directories named on the command line that hold no `.choke` file. */
    emptyDirectories: string[];
}

/** Expands directories into their `*.choke` files (recursively, sorted). */
export function expandPaths(paths: string[], missing: string[] = [], emptyDirectories: string[] = []): string[] {
    const files: string[] = [];
    for (const p of paths) {
        let stats;
        try {
            stats = statSync(p);
        } catch {
            missing.push(p);
            continue;
        }
        if (stats.isDirectory()) {
            const found = walk(p);
            if (found.length === 0) emptyDirectories.push(p);
            files.push(...found);
        } else {
            files.push(p);
        }
    }
    return files.map(f => path.resolve(f));
}

function walk(dir: string): string[] {
    const result: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) result.push(...walk(full));
        else if (entry.name.endsWith('.choke')) result.push(full);
    }
    return result;
}

/** Reads a file as strict UTF-8; a problem instead of an exception when it cannot. */
export function readChokeFile(file: string): { text?: string; problem?: LoadProblem } {
    let bytes: Buffer;
    try {
        // Fail fast on a huge file: never read it (size-limits.ts).
        const size = statSync(file).size;
        if (size > MAX_FILE_BYTES) {
            return {
                problem: {
                    file,
                    message:
                        `This file is ${formatNumber(size / 1e6, 1)} MB; the largest file Chokepoint reads is ${formatNumber(MAX_FILE_BYTES / 1e6, 1)} MB ` +
                        `(${formatNumber(MAX_FILE_BYTES, 0)} bytes), so it was not read: split it into files that import each other.`,
                    severity: 'error',
                    code: Code.FileTooLarge
                }
            };
        }
        bytes = readFileSync(file);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
        return {
            problem: { file, message: `Cannot read this file: ${why}.`, severity: 'error', code: code === 'ENOENT' ? 'file-not-found' : 'unreadable-file' }
        };
    }
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        const offset = firstInvalidUtf8(bytes);
        return {
            problem: {
                file,
                message: `This file is not valid UTF-8 text (first bad byte at offset ${offset}); save it as UTF-8.`,
                severity: 'error',
                code: 'not-utf8'
            }
        };
    }
    // An empty file is loaded like any other: validation reports it (`empty-file`), so the
    // editor and the CLI say the same thing.
    return { text };
}

function firstInvalidUtf8(bytes: Buffer): number {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let lo = 0,
        hi = bytes.length;
    // Binary search for the shortest invalid prefix.
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        try {
            decoder.decode(bytes.subarray(0, mid + 1));
            lo = mid + 1;
        } catch {
            hi = mid;
        }
    }
    return lo;
}

export interface LoadOptions {
    /**
     * Run the checks that only warn or hint (ADVICE, when registered apart) only if the files
     * have errors: for callers that print diagnostics only then (`chokepoint run`).
     */
    adviceOnlyWithErrors?: boolean;
    /**
     * The folder imports are confined to (`--root`); by default the common folder of the
     * paths given and the current folder.
     */
    root?: string;
}

/**
 * Loads the given files, everything they import (transitively, from disk) and the standard
 * library, then parses, links and validates them all.
 */
export async function loadModel(services: Services, paths: string[], options: LoadOptions = {}): Promise<LoadedModel> {
    const problems: LoadProblem[] = [];
    const missingPaths: string[] = [];
    const emptyDirectories: string[] = [];
    const files = expandPaths(paths, missingPaths, emptyDirectories);
    const shared = services.shared;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    workspaceRoots(documents).add(options.root ?? commonFolder([...files, process.cwd()]));
    const byUri = new Map<string, LangiumDocument>();
    const roots: LangiumDocument[] = [];
    const queue: { uri: URI; root: boolean }[] = files.map(f => ({ uri: URI.file(f), root: true }));
    while (queue.length > 0) {
        const { uri, root } = queue.shift()!;
        const key = uri.toString();
        const known = byUri.get(key);
        if (known) {
            if (root && !roots.includes(known)) roots.push(known);
            continue;
        }
        if (!isChokeFile(uri)) {
            // Never read: only `.choke` files are models (an import of one is reported on its line).
            problems.push({
                file: uri.fsPath,
                message: 'This is not a `.choke` file; only `.choke` files are models (rename it, or name the .choke file).',
                severity: 'error',
                code: Code.NotChokeFile
            });
            continue;
        }
        const { text, problem } = readChokeFile(uri.fsPath);
        if (problem) problems.push(problem);
        if (text === undefined) continue;
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        byUri.set(key, document);
        if (root) roots.push(document);
        for (const imported of importedUris(document)) {
            // A missing import is reported by validation on the import line.
            if (!byUri.has(imported.toString()) && mayImport(imported, documents) && fileExists(imported.fsPath)) queue.push({ uri: imported, root: false });
        }
    }
    const all = [...byUri.values()];
    const builder = shared.workspace.DocumentBuilder;
    const built = [stdlibDocument(shared), ...all];
    if (options.adviceOnlyWithErrors) {
        await builder.build(built, { validation: { categories: ['built-in', 'fast'] } });
        const hasErrors =
            problems.some(p => p.severity === 'error') || all.some(d => (d.diagnostics ?? []).some(diagnostic => (diagnostic.severity ?? 1) === 1));
        // The rest of the checks (only those not run yet are).
        if (hasErrors) await builder.build(built, { validation: true });
    } else {
        await builder.build(built, { validation: true });
    }
    all.sort((a, b) => (a.uri.fsPath < b.uri.fsPath ? -1 : a.uri.fsPath > b.uri.fsPath ? 1 : 0));
    return { roots, documents: all, problems, missingPaths, emptyDirectories };
}

function fileExists(file: string): boolean {
    try {
        return statSync(file).isFile();
    } catch {
        return false;
    }
}
