/**
 * One side of a comparison as a Langium workspace built from memory: the snapshot's files
 * (those under the PATHs, and what they import, transitively) parsed, linked and validated
 * together with the running tool's standard library. Nothing is read from disk.
 */
import { URI, type LangiumDocument } from 'langium';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import type { Model } from '../generated/ast.js';
import { prepareDocument } from '../evaluation/evaluate.js';
import { importClosure, importedUris } from '../loading/imports.js';
import { stdlibDocument, STDLIB_URI } from '../loading/stdlib.js';
import { relativePath, SnapshotFileSystem, snapshotUri, type Snapshot } from './snapshot.js';
import { runJsonObject, type RunJson } from './run-object.js';

/** An error that keeps a model from being simulated, positioned 1-based in its file. */
export interface ModelError {
    file: string;
    line: number;
    column: number;
    message: string;
    code?: string;
}

export type SideResults = { status: 'ok'; run: RunJson } | { status: 'errors'; errors: ModelError[] };

export interface RevisionWorkspace {
    snapshot: Snapshot;
    /** Model files (relative paths), sorted. */
    models: string[];
    documentOf(file: string): LangiumDocument | undefined;
    /** The user files a model reads (itself and its imports, transitively), sorted. */
    closureOf(file: string): string[];
    /** The run --json object of a model, or the errors that block it (computed once). */
    resultsOf(file: string): SideResults;
}

/** Whether a relative path lies under one of the PATHs (relative to the root; none = everything). */
export function underPaths(file: string, paths: string[]): boolean {
    if (paths.length === 0) return true;
    return paths.some(p => p === '' || p === '.' || file === p || file.startsWith(p.endsWith('/') ? p : `${p}/`));
}

export async function buildRevisionWorkspace(snapshot: Snapshot, paths: string[]): Promise<RevisionWorkspace> {
    const services = createChokepointCoreServices({ fileSystemProvider: () => new SnapshotFileSystem(snapshot) }, { oneBuild: true });
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const byPath = new Map<string, LangiumDocument>();
    const queue = [...snapshot.files.keys()].filter(f => underPaths(f, paths));
    while (queue.length > 0) {
        const file = queue.shift()!;
        if (byPath.has(file)) continue;
        const text = snapshot.files.get(file);
        if (text === undefined) continue;
        const document = factory.fromString(text, snapshotUri(snapshot, file));
        documents.addDocument(document);
        byPath.set(file, document);
        for (const uri of importedUris(document)) {
            const imported = relativePath(snapshot, uri);
            if (imported !== undefined && !byPath.has(imported) && snapshot.files.has(imported)) queue.push(imported);
        }
    }
    await shared.workspace.DocumentBuilder.build([stdlibDocument(shared), ...byPath.values()], { validation: true });

    const closures = new Map<string, string[]>();
    const closureOf = (file: string): string[] => {
        const known = closures.get(file);
        if (known) return known;
        const document = byPath.get(file);
        const files = document
            ? [...importClosure(document, documents)]
                  .filter(uri => uri !== STDLIB_URI.toString())
                  .map(uri => relativePath(snapshot, URI.parse(uri)))
                  .filter((f): f is string => f !== undefined && byPath.has(f))
                  .sort()
            : [];
        closures.set(file, files);
        return files;
    };
    const models = modelFiles(byPath, paths, closureOf);
    const results = new Map<string, SideResults>();
    return {
        snapshot,
        models,
        documentOf: file => byPath.get(file),
        closureOf,
        resultsOf(file) {
            const known = results.get(file);
            if (known) return known;
            const computed = sideResults(file, byPath, closureOf, documents);
            results.set(file, computed);
            return computed;
        }
    };
}

/**
 * The models: files under the PATHs that can be run on their own (a horizon in them or in what
 * they import) and that declare the horizon themselves or are imported by no other file.
 */
function modelFiles(byPath: Map<string, LangiumDocument>, paths: string[], closureOf: (file: string) => string[]): string[] {
    const declaresHorizon = (file: string) => ((byPath.get(file)?.parseResult.value as Model | undefined)?.horizons?.length ?? 0) > 0;
    const imported = new Set<string>();
    for (const file of byPath.keys()) for (const other of closureOf(file)) if (other !== file) imported.add(other);
    return [...byPath.keys()]
        .filter(file => underPaths(file, paths) && (declaresHorizon(file) || (!imported.has(file) && closureOf(file).some(declaresHorizon))))
        .sort();
}

function sideResults(
    file: string,
    byPath: Map<string, LangiumDocument>,
    closureOf: (file: string) => string[],
    documents: Parameters<typeof prepareDocument>[1]
): SideResults {
    const document = byPath.get(file)!;
    const prepared = prepareDocument(document, documents);
    if (prepared.status === 'ok') return { status: 'ok', run: runJsonObject(prepared.model) };
    const errors: ModelError[] = [];
    for (const other of closureOf(file)) {
        for (const d of byPath.get(other)?.diagnostics ?? []) {
            if ((d.severity ?? 1) !== 1) continue;
            errors.push({
                file: other,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                message: typeof d.message === 'string' ? d.message : d.message.value,
                code: d.code !== undefined ? String(d.code) : undefined
            });
        }
    }
    if (prepared.status === 'no-horizon') errors.push({ file, line: 1, column: 1, message: prepared.message });
    errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return { status: 'errors', errors };
}
