import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isAmount, isDeclaration, isHorizon, isOffline, isOnline, isTiming } from '../../../language/src/index.js';
import { isStdlibUri } from '../../../language/src/index.js';

/**
 * Names coloured by what they name, declarations and references alike (a reference is
 * coloured like its target, so `ChinaExporters` looks like a supplier everywhere), with
 * `declaration` on declared names and `defaultLibrary` on names from the standard library.
 */
const TYPE_BY_KIND: Record<string, string> = {
    Material: SemanticTokenTypes.type,
    Region: SemanticTokenTypes.namespace,
    Bloc: SemanticTokenTypes.namespace,
    Supplier: SemanticTokenTypes.class,
    Plant: SemanticTokenTypes.class,
    Consumer: SemanticTokenTypes.variable,
    Reserve: SemanticTokenTypes.variable,
    Flow: SemanticTokenTypes.function,
    Shock: SemanticTokenTypes.event,
    Measure: SemanticTokenTypes.method,
    Scenario: SemanticTokenTypes.struct,
    Target: SemanticTokenTypes.property
};

export class ChokepointSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isDeclaration(node) && node.name) {
            const type = TYPE_BY_KIND[node.$type];
            if (type) acceptor({ node, property: 'name', type, modifier: [SemanticTokenModifiers.declaration] });
        }
        for (const { reference, container, property, index } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target ? TYPE_BY_KIND[target.$type] : undefined;
            if (!type || container !== node) continue;
            const library = isStdlibUri(AstUtils.getDocument(target!).uri);
            acceptor({ node, property, index, type, modifier: library ? [SemanticTokenModifiers.defaultLibrary] : [] });
        }
        if (isAmount(node)) {
            acceptor({ node, property: 'low', type: SemanticTokenTypes.number });
            if (node.high !== undefined) acceptor({ node, property: 'high', type: SemanticTokenTypes.number });
        }
        if (isHorizon(node)) {
            acceptor({ node, property: 'start', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'end', type: SemanticTokenTypes.number });
        }
        if (isTiming(node)) {
            acceptor({ node, property: 'start', type: SemanticTokenTypes.number });
            if (node.end !== undefined) acceptor({ node, property: 'end', type: SemanticTokenTypes.number });
        }
        if (isOnline(node) || isOffline(node)) acceptor({ node, property: 'date', type: SemanticTokenTypes.number });
    }
}
