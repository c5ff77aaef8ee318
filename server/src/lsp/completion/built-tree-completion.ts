import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils } from 'langium';
import type { CompletionBacktrackingInformation, CompletionContext, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider, findFirstFeatures, findNextFeatures } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { BuiltText } from './built-text.js';

/** A feature that creates a node of its rule's type (see `buildContexts`). */
function withRuleType(next: NextFeature): NextFeature {
    if (next.type) return next;
    const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
    return rule && !GrammarUtils.isDataTypeRule(rule) ? { ...next, type: GrammarUtils.getRuleTypeName(rule) } : next;
}

/** How far past the cursor the lexer reads to find the token at the cursor. */
const LOOKAHEAD = 2000;

/**
 * Langium's completion contexts, computed for the client's text but without waiting for a
 * rebuild and without reading the whole file: what the grammar expects at the cursor comes
 * from parsing the client's text from the start of the top-level item around the cursor (not
 * from the top of the file: on a 2,000-declaration file that parse took most of the time), and
 * the AST node at the cursor from the last built tree, positions mapped through the text both
 * versions share (`BuiltText`). Names offered are those of the last linked build: stale by at
 * most the edit being typed, but from one consistent workspace state.
 */
export class BuiltTreeCompletionProvider extends DefaultCompletionProvider {
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const view = BuiltText.of(document);
        if (!view) return;
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(position);
        const partialContext = { document, textDocument, offset, position };
        // Where the cursor's token is text only the client has, the built node there is a
        // neighbour, not the container being typed: each feature then names its rule's type, so
        // Langium completes on a new node of that type (the kinds a reference accepts follow it).
        const typedSpan = (at: number) => !view.current && at >= view.prefix && at <= view.text.length - view.suffix;
        let inTypedSpan = false;
        const features = (at: number) => {
            const found = this.featuresFrom(view, at);
            return inTypedSpan ? found.map(withRuleType) : found;
        };
        // Data type rules: complete from their start (as Langium does), where the tree has the same text.
        const builtOffset = view.toBuilt(offset);
        const dataType = builtOffset === undefined ? undefined : this.findDataTypeRuleStart(view.cst, builtOffset);
        const dataTypeStart = dataType && view.toClient(dataType[0]);
        const dataTypeEnd = dataType && view.toClient(dataType[1]);
        if (dataTypeStart !== undefined && dataTypeEnd !== undefined) {
            const parentNode = CstUtils.findLeafNodeBeforeOffset(view.cst, view.toBuiltNearest(dataTypeStart))?.astNode;
            yield { ...partialContext, node: parentNode, tokenOffset: dataTypeStart, tokenEndOffset: dataTypeEnd, features: features(dataTypeStart) };
        }
        const { nextTokenStart, nextTokenEnd, previousTokenStart, previousTokenEnd } = this.backtrackFrom(view, offset);
        let astNodeOffset = nextTokenStart;
        if (offset <= nextTokenStart && previousTokenStart !== undefined) astNodeOffset = previousTokenStart;
        const astNode = CstUtils.findLeafNodeBeforeOffset(view.cst, view.toBuiltNearest(astNodeOffset))?.astNode;
        inTypedSpan = typedSpan(astNodeOffset);
        let performNextCompletion = true;
        if (previousTokenStart !== undefined && previousTokenEnd !== undefined && previousTokenEnd === offset) {
            yield {
                ...partialContext,
                node: astNode,
                tokenOffset: previousTokenStart,
                tokenEndOffset: previousTokenEnd,
                features: features(previousTokenStart)
            };
            performNextCompletion = this.performNextTokenCompletion(
                document,
                view.text.substring(previousTokenStart, previousTokenEnd),
                previousTokenStart,
                previousTokenEnd
            );
            if (performNextCompletion) {
                yield {
                    ...partialContext,
                    node: astNode,
                    tokenOffset: previousTokenEnd,
                    tokenEndOffset: previousTokenEnd,
                    features: features(previousTokenEnd)
                };
            }
        }
        if (!astNode) {
            const parserRule = GrammarUtils.getEntryRule(this.grammar);
            if (!parserRule) throw new Error('Missing entry parser rule');
            yield {
                ...partialContext,
                tokenOffset: nextTokenStart,
                tokenEndOffset: nextTokenEnd,
                features: findFirstFeatures(parserRule.definition).map(f => f[f.length - 1])
            };
        } else if (performNextCompletion) {
            yield { ...partialContext, node: astNode, tokenOffset: nextTokenStart, tokenEndOffset: nextTokenEnd, features: features(nextTokenStart) };
        }
    }

    /** `findFeaturesAt`, parsing from the item around `offset` instead of from the top. */
    private featuresFrom(view: BuiltText, offset: number): NextFeature[] {
        const parserResult = this.completionParser.parse(view.text.slice(view.restartBefore(offset), offset));
        const tokens = parserResult.tokens;
        if (parserResult.tokenIndex === 0) {
            const parserRule = GrammarUtils.getEntryRule(this.grammar);
            if (!parserRule) return [];
            return findNextFeatures([[this.buildSyntheticEntryRuleCall(parserRule)]], tokens);
        }
        const leftoverTokens = [...tokens].splice(parserResult.tokenIndex);
        return findNextFeatures([parserResult.elementStack.map(feature => ({ feature }))], leftoverTokens);
    }

    /** `backtrackToAnyToken`, lexing only from the item around `offset` to a little past it. */
    private backtrackFrom(view: BuiltText, offset: number): CompletionBacktrackingInformation {
        const start = view.restartBefore(offset);
        const newline = view.text.indexOf('\n', offset + LOOKAHEAD);
        const end = newline < 0 ? view.text.length : newline;
        const found = this.backtrackToAnyToken(view.text.slice(start, end), offset - start);
        const shift = (n: number | undefined) => (n === undefined ? undefined : n + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }
}
