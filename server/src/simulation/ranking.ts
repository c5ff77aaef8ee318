/**
 * The criticality ranking in the editor (decisions.md §3): for the hover on a supplier, plant or
 * flow and for the ranking view (`chokepoint/ranking`). Computed from the lowered model of the
 * current text, once per set of results (a newer text gets a new one). The view's ranking runs
 * as a sweep on the server's pool (sweeps.ts), cancellable; the hover never waits for one: it
 * reads the ranking the view computed for these results, or computes it here only for models
 * small enough to rank within a hover's patience.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Ranking, RankedNode } from '../../../language/src/index.js';
import { rankCandidates } from '../../../language/src/index.js';
import type { SimulationResult } from '../../../language/src/index.js';
import { evaluateRanking, evaluateRankingWith, DEFAULT_OUTAGE } from '../../../language/src/index.js';
import { daysText, lossText, tonnesText } from '../../../language/src/index.js';
import { prepare } from './engine-adapter.js';
import type { SweepService } from './sweeps.js';

/** Work (2 runs per node × periods × (lines + slots)) a hover may spend: a few tens of milliseconds. */
const HOVER_MAX_WORK = 20_000_000;

/** The baseline ranking with the default outage, per set of results (null: not rankable). */
const cache = new WeakMap<SimulationResult, Ranking | null>();

/**
 * The hover's ranking for the document's current results: the one already computed, or,
 * when none is and the model is small enough, computed here; else undefined, and the pool is
 * warmed (`sweeps`), since the ranking view is then likely.
 */
export function rankingOf(root: LangiumDocument, documents: LangiumDocuments, result: SimulationResult, sweeps?: SweepService): Ranking | undefined {
    if (cache.has(result)) return cache.get(result) ?? undefined;
    const prepared = prepare(root, documents);
    if (prepared.status !== 'ok') return undefined;
    const model = prepared.model;
    const work = 2 * rankCandidates(model).length * model.calendar.periods * (model.lines.count + model.cms.consumer.length);
    if (work > HOVER_MAX_WORK) {
        sweeps?.warm(model);
        return undefined;
    }
    const ranking = evaluateRanking(model) ?? null;
    cache.set(result, ranking);
    return ranking ?? undefined;
}

/**
 * The ranking view's ranking (any outage and scenario) as a sweep on the server's pool;
 * undefined when the document does not lower or the scenario is unknown. Rejects when the
 * token cancels it or a newer text supersedes it (see `Sweep.answer`).
 */
export async function rankingSweep(
    root: LangiumDocument,
    documents: LangiumDocuments,
    result: SimulationResult,
    sweeps: SweepService,
    options: { outage?: string; scenario?: string },
    token?: CancellationToken
): Promise<Ranking | undefined> {
    const standard = options.outage === undefined && options.scenario === undefined;
    if (standard && cache.has(result)) return cache.get(result) ?? undefined;
    const prepared = prepare(root, documents);
    if (prepared.status !== 'ok') return undefined;
    const model = prepared.model;
    const sweep = sweeps.start(root.uri.toString(), result, token);
    const ranking = await sweep.answer(() => evaluateRankingWith(model, options, sweep.runs));
    if (standard) cache.set(result, ranking ?? null);
    return ranking;
}

/** The hover's line for one node: its rank, what its outage costs and how long the network survives. */
export function rankHover(ranking: Ranking, name: string): string | undefined {
    const index = ranking.nodes.findIndex(n => n.name === name);
    if (index < 0) return undefined;
    const node = ranking.nodes[index];
    return (
        `**Criticality** #${index + 1} of ${ranking.nodes.length} (out for ${ranking.outage} from the first period, ${ranking.scenario}): ` +
        `${tonnesText(node.unmet)} unmet · ${lossText(node.loss)}${node.consumersHit.length > 0 ? ` · hits ${node.consumersHit.join(', ')}` : ''}. ` +
        `Time to survive: ${tts(node.ttsDays)}; if lost for good: ${tts(node.ttsForeverDays)}.`
    );
}

/** The ranking as a markdown document (the editor's ranking view). */
export function rankingMarkdown(ranking: Ranking, file: string): string {
    const row = (n: RankedNode, i: number) =>
        `| ${i + 1} | ${n.name} | ${n.kind} | ${tonnesText(n.unmet)} | ${lossText(n.loss)} | ${n.consumersHit.join(', ') || '—'} | ${tts(n.ttsDays)} | ${tts(n.ttsForeverDays)} |`;
    return [
        `# Criticality: ${file}`,
        '',
        `Each supplier, plant and flow that is not planned, out for ${ranking.outage} from the first period (${ranking.scenario}), most critical first. ` +
            `Time to survive: the smallest over consumers (Simchi-Levi). The same as \`chokepoint rank ${file} --outage "${ranking.outage}"\`.`,
        '',
        '| # | node | kind | unmet | loss | consumers hit | survives | if lost for good |',
        '|---:|---|---|---:|---:|---|---:|---:|',
        ...ranking.nodes.map(row),
        ''
    ].join('\n');
}

function tts(days: number | null): string {
    return days === null ? 'no stockout' : daysText(days);
}

export { DEFAULT_OUTAGE };
