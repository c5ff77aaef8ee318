import type { AstNode, AstNodeDescription, GrammarAST as Ast, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isConsumer, isFlow, isMoney, isPlant, isStock, isSupplier } from '../../../../language/src/index.js';
import { expectationFor, kindWord } from '../../../../language/src/index.js';
import { isStdlibUri } from '../../../../language/src/index.js';
import { stepOf, visibleDeclarations } from '../../model/queries.js';
import { amountPlace, unitsFor } from './units.js';
import { BuiltTreeCompletionProvider } from './built-tree-completion.js';
import { COMMON_CURRENCIES, DECLARATION_SNIPPETS, METRIC_SNIPPETS } from './snippets.js';

const UNIT_RULES = new Set(['Unit', 'MassUnit', 'PeriodUnit', 'DurationUnit']);
const METRIC_RULES = new Set(Object.keys(METRIC_SNIPPETS));

/**
 * Completion that knows the model: references offer only declarations of the kind that
 * place accepts (validation's table, `expectationFor`), the model's own names before the
 * library's, and inside a flow the materials its source produces first; after a number,
 * whole units that fit the clause (`t/month`, `days`, `%`); currencies after money; and a
 * snippet next to each declaration keyword and metric form.
 */
export class ChokepointCompletionProvider extends BuiltTreeCompletionProvider {
    private readonly documents;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const feature = next.feature;
        if (GrammarAST.isKeyword(feature)) {
            const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name ?? '';
            if (UNIT_RULES.has(rule) || feature.value === '%') return this.completeUnits(context, acceptor);
            if (METRIC_RULES.has(rule) && isFirstOfRule(feature)) this.snippet(context, acceptor, METRIC_SNIPPETS[rule], '1');
            const snippet = DECLARATION_SNIPPETS[feature.value];
            if (snippet && isFirstOfRule(feature)) this.snippet(context, acceptor, snippet, '1');
        }
        if (GrammarAST.isRuleCall(feature)) {
            const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
            if (assignment?.feature === 'currency') return this.completeCurrencies(context, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const kinds = expectationFor(refInfo.container, refInfo.property)?.kinds as readonly string[] | undefined;
        const all = super.getReferenceCandidates(refInfo, context);
        return kinds ? all.filter(d => kinds.includes(d.type)) : all;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const preferred = this.preferredNames(refInfo);
        const rank = preferred.has(description.name) ? '0' : isStdlibUri(description.documentUri) ? '2' : '1';
        const label = (description.node as { label?: string } | undefined)?.label;
        return { ...item, sortText: `${rank}${description.name}`, detail: `${kindWord(description.type) ?? description.type}${label ? ` ${label}` : ''}` };
    }

    /** Names that fit best: a flow source's products, a consumer's own materials for `stock`. */
    private preferredNames(refInfo: ReferenceInfo): Set<string> {
        const container = refInfo.container;
        if (container.$type === 'FlowVolume' && isFlow(container.$container)) {
            return producedBy(container.$container.source?.ref);
        }
        if ((isStock(container) || container.$type === 'Stock') && isConsumer(container.$container)) {
            return new Set(container.$container.needs.map(n => n.material?.$refText).filter((n): n is string => Boolean(n)));
        }
        return new Set();
    }

    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const line = context.textDocument.getText({ start: { line: context.position.line, character: 0 }, end: context.position });
        const before = line.slice(0, line.length - (context.offset - context.tokenOffset));
        const insideFlow = context.node !== undefined && AstUtils.getContainerOfType(context.node, isFlow) !== undefined;
        const step = stepOf(context.document, this.documents);
        unitsFor(amountPlace(before, insideFlow), step).forEach((unit, i) => {
            acceptor(context, { label: unit, kind: CompletionItemKind.Unit, sortText: `0${String(i).padStart(2, '0')}` });
        });
    }

    private completeCurrencies(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const used = new Set<string>();
        for (const declaration of visibleDeclarations(context.document, this.documents)) {
            for (const node of AstUtils.streamAst(declaration)) if (isMoney(node) && node.currency) used.add(node.currency);
        }
        [...used, ...COMMON_CURRENCIES.filter(c => !used.has(c))].forEach((currency, i) => {
            acceptor(context, {
                label: currency,
                kind: CompletionItemKind.Unit,
                detail: used.has(currency) ? 'currency used in this model' : 'currency',
                sortText: `0${String(i).padStart(2, '0')}`
            });
        });
    }

    private snippet(context: CompletionContext, acceptor: CompletionAcceptor, snippet: { label: string; body: string }, rank: string): void {
        if (this.clientCapabilities?.completionItem?.snippetSupport === false) return;
        acceptor(context, {
            label: snippet.label,
            kind: CompletionItemKind.Snippet,
            insertText: snippet.body,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: `${rank}${snippet.label}`,
            detail: 'snippet'
        });
    }
}

function isFirstOfRule(keyword: Ast.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const definition = rule?.definition;
    if (!definition) return false;
    if (definition === keyword) return true;
    if (!GrammarAST.isGroup(definition)) return false;
    // The rule's first required keyword: what comes before it is optional (`embedded?` before
    // `dependency`), and an optional keyword is not where the form starts.
    const index = definition.elements.indexOf(keyword);
    return index >= 0 && definition.elements.slice(0, index).every(e => e.cardinality === '?' || e.cardinality === '*');
}

/** Materials a supplier produces or a plant makes. */
function producedBy(node: AstNode | undefined): Set<string> {
    const names = new Set<string>();
    if (isSupplier(node)) for (const p of node.capacities) if (p.material?.$refText) names.add(p.material.$refText);
    if (isPlant(node)) for (const m of node.recipes) if (m.material?.$refText) names.add(m.material.$refText);
    return names;
}
