import type { AstNode, AstNodeDescription, LangiumDocument, ValidationAcceptor, ValidationCheck, ValidationOptions, LangiumCoreServices } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentValidator, DocumentState, GrammarAST, interruptAndCheck, UriUtils, WorkspaceCache } from 'langium';
import { walkAst } from '../ast/walk.js';
import { ChokepointScopeProvider } from '../scoping/chokepoint-scope.js';
import { isStdlibUri } from '../loading/stdlib.js';
import { Code } from './codes.js';
import { expectationFor, kindsPhrase, type Kind } from './kinds.js';
import { closestName } from './suggestions.js';
import { syntaxMessage } from './syntax-messages.js';
import { printable } from '../values/printable.js';

type Diagnostic = Awaited<ReturnType<DefaultDocumentValidator['validateDocument']>>[number];

/** Unknown names beyond this many per document get no suggestion (keeps broken files fast). */
const MAX_SUGGESTIONS = 200;

/** Nodes validated between two checks for cancellation (each check yields if 10 ms have passed). */
const NODES_BETWEEN_INTERRUPTS = 100;

/**
 * Langium's document validator with Chokepoint's own voice: nothing in the standard library
 * is ever reported; syntax errors are one line with a code; an unknown name says what kind
 * of thing was expected and suggests the closest visible name, or the import that is missing.
 */
export class ChokepointDocumentValidator extends DefaultDocumentValidator {
    private readonly scopes: LangiumCoreServices['references']['ScopeProvider'];
    private readonly index: LangiumCoreServices['shared']['workspace']['IndexManager'];
    private readonly everywhere: WorkspaceCache<string, Map<string, AstNodeDescription>>;
    /** Every keyword of the grammar, for "did you mean" on syntax errors. */
    private readonly keywords: string[];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = services.references.ScopeProvider;
        this.index = services.shared.workspace.IndexManager;
        this.everywhere = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.keywords = [
            ...new Set(
                AstUtils.streamAllContents(services.Grammar)
                    .filter(GrammarAST.isKeyword)
                    .map(k => k.value)
            )
        ];
    }

    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken?: Cancellation.CancellationToken
    ): Promise<Diagnostic[]> {
        if (isStdlibUri(document.uri)) return [];
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // Text from the file (a stray NUL, an escape sequence) never reaches a terminal or an editor raw.
        for (const d of diagnostics) if (typeof d.message === 'string') d.message = printable(d.message);
        return diagnostics;
    }

    /**
     * Langium's loop over the nodes, without a promise per node and per check: the nodes are
     * found without streams (walkAst), the checks of a node type are looked up once, checks
     * that finish synchronously are not awaited (see ChokepointValidationRegistry), and the
     * loop stops for cancellation every so many nodes instead of at each one.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes: AstNode[] = [];
        walkAst(rootNode, node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) nodes.push(node);
            return nodeOptions.validateChildren;
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, (checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray()));
            for (const check of checks) {
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
            }
        }
    }

    protected override processLexingErrors(...args: Parameters<DefaultDocumentValidator['processLexingErrors']>): void {
        const [, diagnostics] = args;
        const before = diagnostics.length;
        super.processLexingErrors(...args);
        for (const d of diagnostics.slice(before)) this.relabel(d);
    }

    protected override processParsingErrors(...args: Parameters<DefaultDocumentValidator['processParsingErrors']>): void {
        const [, diagnostics] = args;
        const before = diagnostics.length;
        super.processParsingErrors(...args);
        for (const d of diagnostics.slice(before)) this.relabel(d);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        let suggestionsLeft = MAX_SUGGESTIONS;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const typed = error.info.reference.$refText;
            const expected = expectationFor(error.info.container, error.info.property);
            const what = expected ? `Unknown ${kindsPhrase(expected.kinds).replace(/^an? /, '')} '${typed}' in ${expected.place}` : `Unknown name '${typed}'`;
            let advice = 'declare it, or import the file that declares it.';
            const elsewhere = this.declaredElsewhere(typed, document);
            if (error.info.container.$type === 'ScenarioRef' && typed.toLowerCase() === 'baseline') {
                advice = 'did you mean `baseline` (lower case), the run without shocks or measures?';
            } else if (elsewhere) {
                advice = `it is declared in ${elsewhere}, which this file does not import; add \`import "${elsewhere}"\`.`;
            } else if (suggestionsLeft > 0) {
                suggestionsLeft--;
                const suggestion = this.suggest(typed, document, expected?.kinds);
                if (suggestion) advice = `did you mean '${suggestion}'?`;
            }
            diagnostics.push(
                this.toDiagnostic('error', `${what}: ${advice}`, {
                    node: error.info.container,
                    range: reference.$refNode?.range,
                    property: error.info.property,
                    index: error.info.index,
                    code: Code.UnknownName,
                    data: { code: Code.UnknownName, refText: typed }
                })
            );
        }
    }

    private relabel(diagnostic: Diagnostic): void {
        if (typeof diagnostic.message === 'string') diagnostic.message = syntaxMessage(diagnostic.message, this.keywords);
        diagnostic.code = Code.SyntaxError;
    }

    /** The closest visible name of an expected kind; the model's own names win ties. */
    private suggest(typed: string, document: LangiumDocument, kinds: readonly Kind[] | undefined): string | undefined {
        if (!(this.scopes instanceof ChokepointScopeProvider)) return undefined;
        const own: string[] = [];
        const library: string[] = [];
        for (const d of this.scopes.visibleDeclarations(document).getAllElements()) {
            if (kinds && !kinds.includes(d.type as Kind)) continue;
            (isStdlibUri(d.documentUri) ? library : own).push(d.name);
        }
        return closestName(typed, [...own, ...library]);
    }

    /** A relative path to a loaded file that declares `name` but is outside this file's imports. */
    private declaredElsewhere(name: string, document: LangiumDocument): string | undefined {
        const byName = this.everywhere.get('names', () => {
            const map = new Map<string, AstNodeDescription>();
            for (const d of this.index.allElements()) if (!map.has(d.name)) map.set(d.name, d);
            return map;
        });
        const found = byName.get(name);
        if (!found || isStdlibUri(found.documentUri) || found.documentUri.toString() === document.uri.toString()) return undefined;
        const relative = UriUtils.relative(UriUtils.dirname(document.uri), found.documentUri);
        return relative.startsWith('.') ? relative : `./${relative}`;
    }
}
