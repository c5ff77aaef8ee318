/**
 * `chokepoint check` on a model without errors also runs it and reports what the simulation
 * explains (metrics-v2 §5): shock effects that match nothing (`no-match`, warning) and measures
 * that change nothing in a scenario (`no-effect`, hint), each once, on the clause's own line.
 */
import { AstUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import * as path from 'node:path';
import { explainDocument } from '../evaluation/explanations.js';
import type { CliDiagnostic } from './diagnostics.js';

export function explanationDiagnostics(documents: LangiumDocument[], all: LangiumDocuments, cwd = process.cwd()): CliDiagnostic[] {
    const seen = new Set<string>();
    const result: CliDiagnostic[] = [];
    for (const document of documents) {
        for (const e of explainDocument(document, all)) {
            const range = e.node.$cstNode?.range;
            const file = AstUtils.getDocument(e.node).uri.fsPath;
            const rel = path.relative(cwd, file);
            const d: CliDiagnostic = {
                file: rel.startsWith('..') || path.isAbsolute(rel) ? file : rel,
                line: (range?.start.line ?? 0) + 1,
                column: (range?.start.character ?? 0) + 1,
                severity: e.severity,
                message: e.message,
                code: e.code
            };
            const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            result.push(d);
        }
    }
    return result;
}
