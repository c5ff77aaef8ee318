import type { AstNode, LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { AstNodeDescription } from 'langium';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { Declaration, Model } from '../../../language/src/index.js';
import { isFlow } from '../../../language/src/index.js';
import { GrammarUtils } from 'langium';

const SYMBOL_KIND: Record<string, SymbolKind> = {
    Material: SymbolKind.TypeParameter,
    Region: SymbolKind.Namespace,
    Bloc: SymbolKind.Namespace,
    Supplier: SymbolKind.Class,
    Plant: SymbolKind.Class,
    Consumer: SymbolKind.Variable,
    Reserve: SymbolKind.Variable,
    Flow: SymbolKind.Function,
    Shock: SymbolKind.Event,
    Measure: SymbolKind.Method,
    Scenario: SymbolKind.Struct,
    Target: SymbolKind.Property
};

const COMPLETION_KIND: Record<string, CompletionItemKind> = {
    Material: CompletionItemKind.TypeParameter,
    Region: CompletionItemKind.Module,
    Bloc: CompletionItemKind.Module,
    Supplier: CompletionItemKind.Class,
    Plant: CompletionItemKind.Class,
    Consumer: CompletionItemKind.Variable,
    Reserve: CompletionItemKind.Variable,
    Flow: CompletionItemKind.Function,
    Shock: CompletionItemKind.Event,
    Measure: CompletionItemKind.Method,
    Scenario: CompletionItemKind.Struct,
    Target: CompletionItemKind.Property
};

/** Symbol and completion kinds per declaration kind (also used by workspace symbols). */
export class ChokepointNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KIND[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KIND[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

/**
 * The outline: the horizon, then every declaration in source order with its kind and
 * label as detail; unnamed flows appear as `Source → Destination`.
 */
export class ChokepointDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds = new ChokepointNodeKindProvider();

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        const symbols: DocumentSymbol[] = [];
        for (const horizon of model.horizons ?? []) {
            const range = horizon.$cstNode?.range;
            if (range && horizon.start)
                symbols.push({ name: `horizon ${horizon.start} to ${horizon.end ?? '?'}`, kind: SymbolKind.Constant, range, selectionRange: range });
        }
        for (const declaration of model.declarations ?? []) {
            const symbol = this.symbolOf(declaration);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    private symbolOf(declaration: Declaration): DocumentSymbol | undefined {
        const range = declaration.$cstNode?.range;
        if (!range) return undefined;
        const nameNode = declaration.$cstNode && GrammarUtils.findNodeForProperty(declaration.$cstNode, 'name');
        let name = declaration.name;
        let selectionRange: Range = nameNode?.range ?? range;
        if (isFlow(declaration)) {
            const route = `${declaration.source?.$refText || '?'} → ${declaration.destination?.$refText || '?'}`;
            name = name ? `${name}: ${route}` : route;
            if (!nameNode) selectionRange = GrammarUtils.findNodeForProperty(declaration.$cstNode, 'source')?.range ?? range;
        }
        if (!name) return undefined;
        const label = 'label' in declaration ? declaration.label : undefined;
        const kindWord = declaration.$type.toLowerCase();
        return {
            name,
            detail: label ? `${kindWord} "${label}"` : kindWord,
            kind: this.kinds.getSymbolKind(declaration),
            range,
            selectionRange
        };
    }
}
