/**
 * The explanations of a model's last run (metrics-v2 §5: `no-effect` hints, `no-match`
 * warnings) as editor diagnostics, the same codes, messages and clauses as `chokepoint check`.
 * They are shown only for the text they were computed from: an edit to any file of the
 * model's closure drops them at once, and the next completed run shows them again.
 */
import { AstUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Explanation } from '../../../language/src/index.js';

/** Sends a document's validation diagnostics together with these explanations. */
export type PublishExplanations = (uri: string, explanations: Diagnostic[]) => void;

interface Shown {
    /** Every file the run of the model read: an edit to one of them makes these stale. */
    closure: Set<string>;
    byDocument: Map<string, Diagnostic[]>;
}

export class ExplanationDiagnostics {
    /** By the URI of the model that was run. */
    private readonly shown = new Map<string, Shown>();
    publish: PublishExplanations | undefined;

    /** The explanations of the current text of `root`'s closure, replacing the previous ones. */
    show(root: string, closure: Set<string>, explanations: Explanation[]): void {
        const byDocument = new Map<string, Diagnostic[]>();
        const seen = new Set<string>();
        for (const e of explanations) {
            const range = e.node.$cstNode?.range;
            if (!range) continue;
            const uri = AstUtils.getDocument(e.node).uri.toString();
            const key = `${uri}:${range.start.line}:${range.start.character}:${e.message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const list = byDocument.get(uri) ?? [];
            list.push({
                range,
                severity: e.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Hint,
                code: e.code,
                message: e.message,
                source: 'chokepoint'
            });
            byDocument.set(uri, list);
        }
        const before = this.shown.get(root);
        this.shown.set(root, { closure, byDocument });
        const touched = new Set([...(before?.byDocument.keys() ?? []), ...byDocument.keys()]);
        for (const uri of [...touched].sort()) this.publish?.(uri, this.of(uri));
    }

    /**
     * Files changed (or are about to): the explanations of every model that read one of them
     * go. Documents that did not change are republished without them; the changed ones are
     * republished by their own validation.
     */
    drop(changed: string[]): void {
        const touched = new Set(changed);
        const affected: string[] = [];
        for (const [root, shown] of this.shown) {
            const hit = [...shown.closure].some(c => touched.has(c) || changed.some(t => c.startsWith(t.endsWith('/') ? t : `${t}/`)));
            if (!hit) continue;
            this.shown.delete(root);
            affected.push(...shown.byDocument.keys());
        }
        for (const uri of [...new Set(affected)].sort()) if (!touched.has(uri)) this.publish?.(uri, this.of(uri));
    }

    /** The explanations shown on a document (from every model that reads it). */
    of(uri: string): Diagnostic[] {
        return [...this.shown.values()].flatMap(s => s.byDocument.get(uri) ?? []);
    }
}
