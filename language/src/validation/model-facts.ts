import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import type { Bloc, Flow, Horizon, Model, Scenario, Step } from '../generated/ast.js';
import { isBloc, isFlow, isHorizon, isPlant, isScenario, isSupplier, isConsumer, isReserve } from '../generated/ast.js';
import { importClosure } from '../loading/imports.js';
import { isStdlibUri } from '../loading/stdlib.js';
import { addMonths, dayNumberOf, parseDate, toDayNumber } from '../values/dates.js';
import { findCycles } from './graph.js';

/**
 * Facts about a document's closure (the file, what it imports transitively, not the library)
 * that several checks need: computed once per document per build, so that validation stays
 * linear in the size of the model.
 */
export interface ClosureFacts {
    /** User models in the closure, this document's first. */
    models: Model[];
    horizons: Horizon[];
    steps: Step[];
    /** The simulated span when the closure has exactly one well-formed horizon. */
    horizon?: HorizonSpan;
    flowsBySource: Map<AstNode, Flow[]>;
    flowsByDestination: Map<AstNode, Flow[]>;
    /** Flows on a cycle, each with the cycle's text (`A -> B -> A`). */
    flowCycles: Map<Flow, string>;
    /** Blocs on a membership cycle, each with the cycle's text. */
    blocCycles: Map<Bloc, string>;
    scenarios: Scenario[];
}

export interface HorizonSpan {
    /** Day number of the first day simulated. */
    start: number;
    /** Day number of the day after the last simulated period. */
    endExclusive: number;
    text: string;
}

export function computeClosureFacts(document: LangiumDocument, documents: LangiumDocuments): ClosureFacts {
    const models: Model[] = [];
    for (const uri of importClosure(document, documents)) {
        if (isStdlibUri(uri)) continue;
        const model = documents.getDocument(URI.parse(uri))?.parseResult?.value as Model | undefined;
        if (model) models.push(model);
    }
    const horizons = models.flatMap(m => m.horizons ?? []).filter(isHorizon);
    const steps = models.flatMap(m => m.steps ?? []);
    const declarations = models.flatMap(m => m.declarations ?? []);
    const flows = declarations.filter(isFlow);
    const flowsBySource = new Map<AstNode, Flow[]>();
    const flowsByDestination = new Map<AstNode, Flow[]>();
    for (const flow of flows) {
        const source = flow.source?.ref;
        const destination = flow.destination?.ref;
        if (source) push(flowsBySource, source, flow);
        if (destination) push(flowsByDestination, destination, flow);
    }
    return {
        models,
        horizons,
        steps,
        horizon: horizons.length === 1 ? horizonSpan(horizons[0], steps.length === 1 ? steps[0].unit : undefined) : undefined,
        flowsBySource,
        flowsByDestination,
        flowCycles: flowCycles(flows),
        blocCycles: blocCycles(declarations.filter(isBloc)),
        scenarios: declarations.filter(isScenario)
    };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function horizonSpan(horizon: Horizon, step: string | undefined): HorizonSpan | undefined {
    const start = dayNumberOf(horizon.start);
    const end = parseDate(horizon.end);
    if (start === undefined || !end) return undefined;
    const endDay = toDayNumber(end);
    if (endDay < start) return undefined;
    const endExclusive = step === 'day' ? endDay + 1 : step === 'week' ? endDay + 7 : toDayNumber(addMonths(end, 1));
    return { start, endExclusive, text: `${horizon.start} to ${horizon.end}` };
}

/** Flows between valid endpoints form a graph; every flow on a found cycle gets its text. */
function flowCycles(flows: Flow[]): Map<Flow, string> {
    const edges = new Map<AstNode, { to: AstNode; flow: Flow }[]>();
    const nodes: AstNode[] = [];
    for (const flow of flows) {
        const source = flow.source?.ref;
        const destination = flow.destination?.ref;
        if (!source || !destination) continue;
        if (!(isSupplier(source) || isPlant(source)) || !(isPlant(destination) || isConsumer(destination) || isReserve(destination))) continue;
        push(edges, source, { to: destination, flow });
        nodes.push(source, destination);
    }
    const successors = (n: AstNode) => (edges.get(n) ?? []).map(e => e.to);
    const result = new Map<Flow, string>();
    for (const cycle of findCycles(nodes, successors)) {
        const text = cycle.map(n => (n as { name?: string }).name ?? '?').join(' -> ');
        for (let i = 0; i + 1 < cycle.length; i++) {
            for (const edge of edges.get(cycle[i]) ?? []) {
                if (edge.to === cycle[i + 1] && !result.has(edge.flow)) result.set(edge.flow, text);
            }
        }
    }
    return result;
}

function blocCycles(blocs: Bloc[]): Map<Bloc, string> {
    const successors = (b: Bloc) => (b.members ?? []).map(m => m?.ref).filter(isBloc);
    const result = new Map<Bloc, string>();
    for (const cycle of findCycles(blocs, successors)) {
        const text = cycle.map(b => b.name ?? '?').join(' -> ');
        for (const bloc of cycle) if (!result.has(bloc)) result.set(bloc, text);
    }
    return result;
}
