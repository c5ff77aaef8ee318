import type { LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Model, Named } from '../../../../language/src/index.js';
import { isAmount, isLossClause, isMeasure, isScenario, isShock, isSupplier } from '../../../../language/src/index.js';
import { Code } from '../../../../language/src/index.js';
import type { Kind } from '../../../../language/src/index.js';
import { expectationFor, kindWord } from '../../../../language/src/index.js';
import { placeOf } from '../../../../language/src/index.js';
import { closestName } from '../../../../language/src/index.js';
import { isStdlibUri } from '../../../../language/src/index.js';
import type { ChokepointServices } from '../../chokepoint-lsp-module.js';
import { visibleDeclarations } from '../../model/queries.js';
import { closureDocuments } from '../../simulation/closure.js';
import { declarationSkeleton } from './create-declaration.js';
import { insertAfter, leafAt, propertyOf, removeDeclaration, topLevelOf } from './edits.js';
import { suggestedHorizon } from './horizon.js';
import { normalizedProbabilities } from './probabilities.js';
import { replacementUnits, rewriteAmount } from './unit-fixes.js';

/**
 * Quick fixes, each keyed by a validation code: create a missing declaration (or take the
 * closest visible name, or import the file that declares it), fix a unit of the wrong kind,
 * normalize scenario probabilities to 100%, add a horizon, remove an unused declaration.
 */
export class ChokepointCodeActionProvider implements CodeActionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: ChokepointServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixes(document, diagnostic));
            } catch (error) {
                // A fix that cannot be computed on odd text is simply not offered.
                console.error('chokepoint: quick fix failed:', error);
            }
        }
        return actions;
    }

    private fixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (diagnostic.code) {
            case Code.UnknownName:
                return this.unknownName(document, diagnostic);
            case Code.UnitKind:
                return this.unitKind(document, diagnostic);
            case Code.ProbabilitySum:
            case Code.ProbabilitySumOver:
                return this.normalizeProbabilities(document, diagnostic);
            case Code.NoHorizon:
                return this.addHorizon(document, diagnostic);
            case Code.UnusedShock:
            case Code.UnusedMeasure:
            case Code.UnusedSupplier:
                return this.removeUnused(document, diagnostic);
            default:
                return [];
        }
    }

    private unknownName(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const leaf = leafAt(document, diagnostic.range);
        const property = leaf && propertyOf(leaf);
        if (!leaf || !property) return [];
        const container = leaf.astNode;
        const typed = leaf.text;
        const kinds = expectationFor(container, property)?.kinds ?? [];
        const actions: CodeAction[] = [];
        // The closest visible name of a fitting kind.
        const candidates = visibleDeclarations(document, this.documents)
            .filter(d => d.name && (kinds.length === 0 || kinds.includes(d.$type)))
            .map(d => d.name!);
        const closest = closestName(typed, candidates);
        if (closest) actions.push(fix(`Change to '${closest}'`, diagnostic, document, [{ range: leaf.range, newText: closest }], true));
        // The file that declares it, when this one does not import it.
        const elsewhere = this.declaredElsewhere(typed, document, kinds);
        if (elsewhere) {
            actions.push(fix(`Import "${elsewhere}" (declares '${typed}')`, diagnostic, document, [importEdit(document, elsewhere)], !closest));
        }
        for (const kind of kinds) {
            const text = declarationSkeleton(kind, typed, container, property);
            if (!text) continue;
            actions.push(
                fix(
                    `Create ${kindWord(kind)} '${typed}'`,
                    diagnostic,
                    document,
                    [insertAfter(document, topLevelOf(container), text)],
                    !closest && !elsewhere && kinds.length === 1
                )
            );
        }
        return actions;
    }

    private declaredElsewhere(name: string, document: LangiumDocument, kinds: readonly Kind[]): string | undefined {
        const visible = new Set(closureDocuments(document, this.documents).map(d => d.uri.toString()));
        for (const other of this.documents.all) {
            if (visible.has(other.uri.toString()) || isStdlibUri(other.uri) || other.uri.scheme !== document.uri.scheme) continue;
            const declared = ((other.parseResult.value as Model).declarations ?? []).some(
                d => d.name === name && (kinds.length === 0 || kinds.includes(d.$type))
            );
            if (declared) {
                const relative = UriUtils.relative(UriUtils.dirname(document.uri), other.uri);
                return relative.startsWith('.') ? relative : `./${relative}`;
            }
        }
        return undefined;
    }

    private unitKind(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const leaf = leafAt(document, diagnostic.range);
        if (!leaf) return [];
        if (isLossClause(leaf.astNode) && propertyOf(leaf) === 'per') {
            return [fix('Write the loss per t', diagnostic, document, [{ range: diagnostic.range, newText: 't' }], true)];
        }
        const amount = AstUtils.getContainerOfType(leaf.astNode, isAmount);
        const place = amount && placeOf(amount);
        if (!amount?.$cstNode || !place) return [];
        return replacementUnits(amount, place.expect).map((unit, i) => {
            const text = rewriteAmount(amount, unit);
            return fix(`Write ${text}`, diagnostic, document, [{ range: amount.$cstNode!.range, newText: text }], i === 0);
        });
    }

    private normalizeProbabilities(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const scenarios = closureDocuments(document, this.documents)
            .filter(d => !isStdlibUri(d.uri))
            .flatMap(d => ((d.parseResult.value as Model).declarations ?? []).filter(isScenario));
        const changes: Record<string, TextEdit[]> = {};
        for (const { scenario, text } of normalizedProbabilities(scenarios)) {
            const range = scenario.probability?.$cstNode?.range;
            if (!range) continue;
            (changes[AstUtils.getDocument(scenario).uri.toString()] ??= []).push({ range, newText: text });
        }
        if (Object.keys(changes).length === 0) return [];
        return [
            {
                title: 'Scale the scenario probabilities to sum to 100%',
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: true,
                edit: { changes }
            }
        ];
    }

    private addHorizon(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const model = document.parseResult.value as Model;
        const models = closureDocuments(document, this.documents)
            .filter(d => !isStdlibUri(d.uri))
            .map(d => d.parseResult.value as Model);
        const horizon = `${suggestedHorizon(models)}\nstep month\n`;
        const lastImport = model.imports?.[model.imports.length - 1];
        const edit: TextEdit = lastImport
            ? insertAfter(document, lastImport, horizon.trimEnd())
            : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${horizon}\n` };
        return [fix(`Add \`${horizon.split('\n')[0]}\``, diagnostic, document, [edit], true)];
    }

    private removeUnused(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const leaf = leafAt(document, diagnostic.range);
        const declaration = leaf && AstUtils.getContainerOfType(leaf.astNode, (n): n is Named => isShock(n) || isMeasure(n) || isSupplier(n));
        const edit = declaration && removeDeclaration(document, declaration);
        if (!declaration || !edit) return [];
        return [fix(`Remove unused ${kindWord(declaration.$type)} '${declaration.name}'`, diagnostic, document, [edit], false)];
    }
}

function fix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], preferred: boolean): CodeAction {
    const edit: WorkspaceEdit = { changes: { [document.uri.toString()]: edits } };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit };
}

/** `import "path"` after the last import, or at the top. */
function importEdit(document: LangiumDocument, path: string): TextEdit {
    const model = document.parseResult.value as Model;
    const last = model.imports?.[model.imports.length - 1];
    if (!last?.$cstNode) return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `import "${path}"\n` };
    const edit = insertAfter(document, last, `import "${path}"`);
    return { ...edit, newText: edit.newText.replace(/^\n\n/, '\n') };
}
