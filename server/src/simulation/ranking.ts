/**
 * The criticality ranking in the editor (decisions.md §3): for the hover on a supplier, plant or
 * flow and for the ranking view (`chokepoint/ranking`). It is computed on demand from the
 * lowered model of the current text, once per set of results (a newer text gets a new one), and
 * only for models small enough to rank within a hover's patience; larger ones are ranked by the
 * command, or by `chokepoint rank` on every core.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Ranking, RankedNode } from '../../../language/src/index.js';
import { rankCandidates } from '../../../language/src/index.js';
import type { SimulationResult } from '../../../language/src/index.js';
import { evaluateRanking, DEFAULT_OUTAGE } from '../../../language/src/index.js';
import { daysText, lossText, tonnesText } from '../../../language/src/index.js';
import { prepare } from './engine-adapter.js';

/** Work (2 runs per node × periods × (lines + slots)) a hover may spend: a few tens of milliseconds. */
const HOVER_MAX_WORK = 20_000_000;

const cache = new WeakMap<SimulationResult, Ranking | null>();

/** The baseline ranking for the document's current results, or undefined when too large (unless `always`) or not simulable. */
export function rankingOf(
    root: LangiumDocument,
    documents: LangiumDocuments,
    result: SimulationResult,
    always = false,
    outage?: string,
    scenario?: string
): Ranking | undefined {
    const custom = outage !== undefined || scenario !== undefined;
    if (!custom && cache.has(result)) return cache.get(result) ?? undefined;
    const prepared = prepare(root, documents);
    if (prepared.status !== 'ok') return undefined;
    const model = prepared.model;
    const work = 2 * rankCandidates(model).length * model.calendar.periods * (model.lines.count + model.cms.consumer.length);
    if (!always && work > HOVER_MAX_WORK) return undefined;
    const ranking = evaluateRanking(model, { outage, scenario }) ?? null;
    if (!custom) cache.set(result, ranking);
    return ranking ?? undefined;
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
