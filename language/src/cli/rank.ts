/**
 * `chokepoint rank FILE [--outage DURATION] [--scenario NAME] [--json]`: which supplier, plant
 * or flow hurts most when lost, as a table or JSON (decisions.md §3). Exit 2 for a bad
 * outage or an unknown scenario, 1 for errors in the model.
 */
import type { Ranking } from '../decisions/rank.js';
import { parseDuration } from '../decisions/rank.js';
import { DEFAULT_OUTAGE, evaluateRankingPartWith, evaluateRankingWith } from '../evaluation/ranking.js';
import { pooledBatches } from '../evaluation/pool.js';
import { THREADS_OPTION, threadsOption } from './threads.js';
import { daysText, displayNumber, lossText, tonnesText } from '../values/display.js';
import { UsageError, type CliCommand } from './command.js';
import { loadLoweredModel } from './load-model.js';
import { toJson } from './run-json.js';
import { SHARD_OPTION, shardOption, shardRange, shardJson, sweepArguments } from './shard.js';

const DURATION_UNITS = /^(day|days|week|weeks|month|months|year|years)$/;

export const rankCommand: CliCommand = {
    name: 'rank',
    summary: 'rank suppliers, plants and flows by the loss their outage causes',
    operands: 'FILE',
    operandCount: { min: 1, max: 1, tooFew: 'rank needs a .choke file', tooMany: 'rank takes one file' },
    options: {
        outage: {
            type: 'string',
            value: 'DURATION',
            description: `how long each node is out, from the first period (default "${DEFAULT_OUTAGE}")`,
            words: following => (following.length > 1 && /^\d/.test(following[0]) && DURATION_UNITS.test(following[1]) ? 2 : 1)
        },
        scenario: { type: 'string', value: 'NAME', description: 'rank in this scenario instead of the baseline' },
        json: { type: 'boolean', description: 'the ranking as JSON' },
        threads: THREADS_OPTION,
        shard: SHARD_OPTION
    },
    async run(line, { out, err }) {
        const outage = typeof line.options.outage === 'string' ? line.options.outage : DEFAULT_OUTAGE;
        if (!parseDuration(outage)) {
            throw new UsageError(`--outage takes a duration such as "1 month", "3 months", "90 days" or "2 weeks", not '${outage}'.`);
        }
        const scenario = typeof line.options.scenario === 'string' ? line.options.scenario : undefined;
        const shard = shardOption(line.options.shard);
        const model = await loadLoweredModel(line.operands[0], err, scenario);
        if (typeof model === 'number') return model;
        const threads = threadsOption(line.options.threads);
        let pool: ReturnType<typeof pooledBatches> | undefined;
        const batch = (withOutages: Parameters<typeof pooledBatches>[0], runs: number[][]) => {
            pool = pooledBatches(withOutages, threads);
            return pool.batch(runs);
        };
        if (shard) {
            const done = await evaluateRankingPartWith(model, { scenario, outage }, total => shardRange(shard, total), batch).finally(() => pool?.close());
            if (!done) throw new UsageError(`Cannot rank with --outage '${outage}'.`);
            out(shardJson('rank', sweepArguments(line), shard, done, line.options.json === true));
            return 0;
        }
        const ranking = await evaluateRankingWith(model, { scenario, outage }, batch).finally(() => pool?.close());
        if (!ranking) throw new UsageError(`Cannot rank with --outage '${outage}'.`);
        out(line.options.json === true ? toJson(ranking) : rankingTable(ranking));
        return 0;
    }
};

/** The ranking as a table, most critical first. */
export function rankingTable(ranking: Ranking): string {
    const header = ['#', 'node', 'kind', 'unmet', 'loss', 'consumers hit', 'survives', 'survives if lost for good'];
    const rows = ranking.nodes.map((node, i) => [
        displayNumber(i + 1, 0),
        node.name,
        node.kind,
        tonnesText(node.unmet),
        lossText(node.loss),
        node.consumersHit.join(', ') || '-',
        ttsText(node.ttsDays),
        ttsText(node.ttsForeverDays)
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map(r => r[c].length)));
    const format = (cells: string[]) =>
        cells
            .map((cell, c) => cell.padEnd(widths[c]))
            .join('  ')
            .trimEnd();
    return [`Criticality in ${ranking.scenario}: each node out for ${ranking.outage} from the first period`, '', format(header), ...rows.map(format)].join(
        '\n'
    );
}

function ttsText(days: number | null): string {
    return days === null ? 'no stockout' : daysText(days);
}
