import type { AstNode, LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Command, Range } from 'vscode-languageserver';
import type { Model, Scenario } from '../../../language/src/index.js';
import { isConsumer, isMeasure, isPlant, isReserve, isScenario, isShock, isTarget } from '../../../language/src/index.js';
import type { ChokepointServices } from '../chokepoint-lsp-module.js';
import type { ChokepointSettings, MemberEffect, ResultsResponse } from '../protocol.js';
import type { SimulationResult } from '../../../language/src/index.js';
import { Commands } from '../protocol.js';
import type { SimulationService } from '../simulation/simulation-service.js';
import type { ChokepointSettingsService } from '../settings.js';
import { plural } from '../../../language/src/index.js';
import { versusOf } from '../compare/lens-deltas.js';
import type { CompareService } from '../compare/compare-service.js';
import type { Versus } from './versus.js';
import type { ChokepointCommandHandler } from './server-commands.js';
import { consumerTitle, effectTitle, fileTitle, plantTitle, reserveTitle, scenarioTitle, targetTitle } from './lens-titles.js';
import { measureValueTitle, scenarioMeasuresSegment } from './decision-titles.js';
import { exposureChanges } from './lens-titles.js';

const OUTDATED = '(outdated) ';

/**
 * Lenses answer from `SimulationService.view`: the results of the current text, or, while
 * the text has errors or a newer run is going, the last good numbers marked "(outdated)".
 * The request handler waits for the current text's run before calling this (see handlers.ts).
 */
export class ChokepointCodeLensProvider implements CodeLensProvider {
    private readonly simulation: SimulationService;
    private readonly settings: ChokepointSettingsService;
    private readonly compare: CompareService;
    /** Lens commands: the client's own, or for a generic client the server's (server-commands.ts). */
    private readonly commands: ChokepointCommandHandler;

    constructor(services: ChokepointServices) {
        this.compare = services.shared.compare.Service;
        this.simulation = services.shared.simulation.Service;
        this.settings = services.shared.settings.Settings;
        this.commands = services.shared.lsp.ExecuteCommandHandler as ChokepointCommandHandler;
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[]> {
        const settings = await this.settings.get();
        const root = this.simulation.rootOf(document);
        const closure = this.simulation.closureOf(root);
        const view = this.simulation.view(document);
        // The change against git (chokepoint.compareWith), for current numbers only.
        const comparison = view.status === 'ok' && !view.stale && view.result ? await this.compare.compare(root, view.result, settings.compareWith) : undefined;
        const inputs = [
            document.textDocument.version,
            view.status,
            view.stale,
            view.effects,
            view.via,
            comparison,
            JSON.stringify(settings.lenses),
            ...closure.flatMap(d => [d.uri.toString(), d.textDocument.version])
        ];
        const known = view.result && this.lastLenses.get(view.result)?.get(document.uri.toString());
        if (known && sameInputs(known.inputs, inputs)) return known.lenses;
        const scenarios = closure.flatMap(d => ((d.parseResult.value as Model).declarations ?? []).filter(isScenario));
        const lenses = this.commands.forClient(codeLenses(document, view, settings.lenses, scenarios, comparison && versusOf(comparison)));
        if (view.result) {
            const byUri = this.lastLenses.get(view.result) ?? new Map<string, LensesOf>();
            byUri.set(document.uri.toString(), { inputs, lenses });
            this.lastLenses.set(view.result, byUri);
        }
        return lenses;
    }

    /**
     * The last lenses of each document per results, and what else they were made from: clients
     * ask again on every refresh and scroll, and the titles of a 2,000-declaration file take a few
     * hundred milliseconds. Keyed weakly by the results, so results the store dropped (a closed
     * file, a newer run) take their lenses with them.
     */
    private readonly lastLenses = new WeakMap<SimulationResult, Map<string, LensesOf>>();
}

interface LensesOf {
    inputs: unknown[];
    lenses: CodeLens[];
}

function sameInputs(a: unknown[], b: unknown[]): boolean {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The lenses of one document given its results view and the scenarios its model declares. */
export function codeLenses(
    document: LangiumDocument,
    view: ResultsResponse,
    kinds: ChokepointSettings['lenses'],
    scenarios: Scenario[],
    versus?: Versus
): CodeLens[] {
    if (view.status === 'unknown') return [];
    const model = document.parseResult.value as Model;
    const uri = document.uri.toString();
    const lenses: CodeLens[] = [];
    const file = fileLens(model, view, versus);
    if (kinds.file && file) lenses.push(lens({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, file, Commands.showChart, [uri]));
    const result = view.result;
    if (!result) return lenses;
    const prefix = view.stale ? OUTDATED : '';
    for (const declaration of model.declarations ?? []) {
        const name = declaration.name;
        if (!name) continue;
        let title: string | undefined;
        let command: string = Commands.showDetails;
        let args: unknown[] = [uri, name];
        if (isConsumer(declaration) && kinds.consumer) {
            title = consumerTitle(result, name, versus);
        } else if (isReserve(declaration) && kinds.reserve) {
            title = reserveTitle(result, name, versus);
        } else if (isPlant(declaration) && kinds.plant) {
            title = plantTitle(result, name);
        } else if ((isShock(declaration) && kinds.shock) || (isMeasure(declaration) && kinds.measure)) {
            const using = scenarios.filter(sc => sc.name && sc.members.some(m => m.ref === declaration)).map(sc => sc.name);
            title =
                using.length === 0
                    ? 'in no scenario'
                    : view.effects
                      ? ((isMeasure(declaration) ? measureTitle(view.effects[name], result) : undefined) ?? effectTitle(view.effects[name] ?? []))
                      : `⏳ effect in ${using.join(', ')}…`;
            if (using.length > 0) {
                command = Commands.runScenario;
                args = [uri, using[0]];
            }
        } else if (isScenario(declaration) && kinds.scenario) {
            const together = scenarioMeasuresSegment(view.effects, name);
            title = scenarioTitle(result, name, versus);
            if (title !== undefined && together) title = `${title} · ${together}`;
            command = Commands.runScenario;
        } else if (isTarget(declaration) && kinds.target) {
            title = targetTitle(result, name, versus);
        }
        if (title !== undefined) lenses.push(lens(declarationLine(declaration), prefix + title, command, args));
    }
    return lenses;
}

/** The file's own lens: the summary, or why there are no current numbers. */
function fileLens(model: Model, view: ResultsResponse, versus: Versus | undefined): string | undefined {
    const outdated = view.result ? ` · ${OUTDATED}${fileTitle(view.result)}` : '';
    switch (view.status) {
        case 'ok':
            return view.result ? fileTitle(view.result, versus) : undefined;
        case 'errors':
            return `⚠ ${plural(view.errorCount, 'error')} ${view.errorCount === 1 ? 'blocks' : 'block'} the simulation${outdated}`;
        case 'running':
            return `⏳ simulating…${outdated}`;
        case 'failed':
            return `⚠ ${view.message ?? 'The simulation failed.'}`;
        case 'no-horizon':
            // A file of shared declarations (suppliers, regions) is not meant to run on its own.
            return declaresMetrics(model) ? `⚠ ${view.message ?? 'No horizon: nothing can be simulated.'}` : undefined;
        default:
            return undefined;
    }
}

function declaresMetrics(model: Model): boolean {
    return (model.declarations ?? []).some(d => isConsumer(d) || isScenario(d) || isTarget(d)) || (model.horizons ?? []).length > 0;
}

function declarationLine(node: AstNode): Range {
    const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
    return { start, end: start };
}

function lens(range: Range, title: string, command: string, args: unknown[]): CodeLens {
    const cmd: Command = { title, command, arguments: args };
    return { range, command: cmd };
}

/** What a measure buys (decisions.md §2), then how it moves exposure (metrics-v2.md §2). */
function measureTitle(effects: MemberEffect[] | undefined, result: SimulationResult): string | undefined {
    const value = measureValueTitle(effects, result);
    if (value === undefined) return undefined;
    const exposure = exposureChanges(effects ?? []);
    return exposure ? `${value} · ${exposure}` : value;
}
