import { plainTextMarkdown } from './plain-markdown.js';
import type { CommentProvider, LangiumDocument, LangiumDocuments, LeafCstNode, References } from 'langium';
import { CstUtils } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Named } from '../../../language/src/index.js';
import { isEmbargo, isFlow, isPlaceSelector, isPlant, isSupplier } from '../../../language/src/index.js';
import { rankHover, rankingOf } from '../simulation/ranking.js';
import { DAYS_PER_MONTH } from '../../../language/src/index.js';
import type { ChokepointServices } from '../chokepoint-lsp-module.js';
import { regionOf, stepOf, visibleDeclarations } from '../model/queries.js';
import { embargoShare, flowShare, flowsOf } from '../model/supply-shares.js';
import type { SimulationService } from '../simulation/simulation-service.js';
import type { CompareService } from '../compare/compare-service.js';
import { hoverDelta } from '../compare/lens-deltas.js';
import { declaredText, metricsText, resultsHeading, sharesText } from './hover-content.js';
import { leadScopeText } from '../../../language/src/index.js';

const DAYS_PER_STEP = { month: DAYS_PER_MONTH, week: 7, day: 1 } as const;

/**
 * Hover on a declaration or a reference to one: what was declared, its doc comment and its
 * computed metrics (from the results of the current text, or marked outdated). On a flow's
 * source or destination, or an embargo's origin or destination, also the share of the
 * destination's contracted supply that it carries.
 */
export class ChokepointHoverProvider implements HoverProvider {
    private readonly references: References;
    private readonly comments: CommentProvider;
    private readonly simulation: SimulationService;
    private readonly compare: CompareService;
    private readonly sweeps: ChokepointServices['shared']['simulation']['Sweeps'];
    private readonly documents: LangiumDocuments;
    private readonly nameRegexp: RegExp;

    constructor(services: ChokepointServices) {
        this.references = services.references.References;
        this.comments = services.documentation.CommentProvider;
        this.simulation = services.shared.simulation.Service;
        this.compare = services.shared.compare.Service;
        this.sweeps = services.shared.simulation.Sweeps;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.nameRegexp = services.parser.GrammarConfig.nameRegexp;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.nameRegexp);
        if (!leaf || leaf.end < offset) return undefined;
        const target = this.references.findDeclarations(leaf)[0] as Named | undefined;
        if (!target || !target.$cstNode) return undefined;
        const parts = [declaredText(target)];
        const comment = this.comments.getComment(target);
        // Plain text: a shared model's markdown (links, remote images) is never rendered.
        if (comment) parts.push(plainTextMarkdown(comment));
        const shares = this.contextShares(document, leaf);
        if (shares) parts.push(shares);
        const metrics = this.metrics(document, target);
        if (metrics) parts.push(metrics);
        const rank = this.criticality(document, target);
        if (rank) parts.push(rank);
        return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: leaf.range };
    }

    private metrics(document: LangiumDocument, target: Named): string | undefined {
        const view = this.simulation.view(document);
        if (!view.result) {
            if (view.status === 'errors') return `_No numbers yet: ${view.errorCount} error${view.errorCount === 1 ? '' : 's'} block the simulation._`;
            if (view.status === 'failed' || view.status === 'no-horizon') return view.message ? `_${view.message}_` : undefined;
            if (view.status === 'running') return '_Simulating…_';
            return undefined;
        }
        const body = metricsText(target, view.result, view.effects);
        const heading = resultsHeading(view, view.via ? view.via.slice(view.via.lastIndexOf('/') + 1) : undefined);
        const comparison = view.stale ? undefined : this.compare.latestFor(this.simulation.rootOf(document));
        const delta = comparison && hoverDelta(comparison, target, view.result);
        return body && heading ? `${heading}\n\n${body}${delta ? `\n\n${delta}` : ''}` : undefined;
    }

    /** On a supplier, plant or flow: its rank by the loss its outage causes (decisions.md §3). */
    private criticality(document: LangiumDocument, target: Named): string | undefined {
        if (!isSupplier(target) && !isPlant(target) && !isFlow(target)) return undefined;
        const view = this.simulation.view(document);
        if (view.status !== 'ok' || !view.result) return undefined;
        const name = isFlow(target) ? `${target.source?.$refText} -> ${target.destination?.$refText}` : target.name;
        const ranking = rankingOf(this.simulation.rootOf(document), this.documents, view.result, this.sweeps);
        return ranking ? rankHover(ranking, name) : undefined;
    }

    /** On a flow's ends or an embargo's places: the share of supply carried. */
    private contextShares(document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        const container = leaf.astNode;
        const step = stepOf(document, this.documents);
        const perStep = DAYS_PER_STEP[step];
        const flows = () => flowsOf(visibleDeclarations(document, this.documents));
        if (isFlow(container) && (container.source?.$refNode === leaf || container.destination?.$refNode === leaf)) {
            const source = container.source?.ref;
            const region = regionOf(source)?.name;
            const what = `${container.source?.$refText}${region ? ` (${region})` : ''} carries`;
            const shares = sharesText(what, container.destination?.$refText ?? '?', flowShare(container, flows()), perStep, step);
            // metrics-v2 §5: which volumes a `lead` applies to.
            const lead = leadScopeText(container);
            return lead ? [shares, `Lead times: ${lead}`].filter(Boolean).join('\n\n') : shares;
        }
        if (isPlaceSelector(container) && isEmbargo(container.$container)) {
            const embargo = container.$container;
            const origin = embargo.origin?.anywhere ? 'everywhere' : (embargo.origin?.place?.$refText ?? '?');
            const destination = embargo.destination?.anywhere ? 'anywhere' : (embargo.destination?.place?.$refText ?? '?');
            const to = embargo.consumers.length > 0 ? ` (${embargo.consumers.map(c => c.$refText).join(', ')})` : '';
            return sharesText(`Flows from ${origin} carry`, destination + to, embargoShare(embargo, flows()), perStep, step);
        }
        return undefined;
    }
}
