/**
 * `chokepoint optimize FILE --budget AMOUNT CUR [--measures A,B,...] [--json]`: the best
 * portfolio of measures within a budget and the frontier (decisions.md §4). Exit 2 for a bad
 * budget or measure list, 1 for errors in the model.
 */
import type { Optimization } from '../decisions/optimize.js';
import { evaluateOptimization, evaluateOptimizationPart, optimizeCandidates } from '../evaluation/optimization.js';
import { EXACT_LIMIT } from '../decisions/optimize.js';
import { SHARD_OPTION, shardOption, shardRange, shardJson, sweepArguments } from './shard.js';
import { displayNumber, moneyText, tonnesText } from '../values/display.js';
import { parseNumber, SCALE } from '../values/quantities.js';
import { UsageError, type CliCommand } from './command.js';
import { loadLoweredModel } from './load-model.js';
import { pooledBatches } from '../evaluation/pool.js';
import { THREADS_OPTION, threadsOption } from './threads.js';
import { toJson } from './run-json.js';

const SCALE_WORD = /^(thousand|million|billion|trillion)$/;
const BUDGET_EXAMPLE = '"100 billion JPY"';

export const optimizeCommand: CliCommand = {
    name: 'optimize',
    summary: 'the best portfolio of measures within a budget, and the frontier',
    operands: 'FILE',
    operandCount: { min: 1, max: 1, tooFew: 'optimize needs a .choke file', tooMany: 'optimize takes one file' },
    options: {
        budget: {
            type: 'string',
            value: 'AMOUNT CUR',
            description: `the budget, e.g. ${BUDGET_EXAMPLE} (required)`,
            words: budgetWords
        },
        measures: { type: 'string', value: 'A,B,...', description: "the candidate measures (default: every measure with a cost in the budget's currency)" },
        json: { type: 'boolean', description: 'the result as JSON' },
        threads: THREADS_OPTION,
        shard: SHARD_OPTION
    },
    async run(line, { out, err }) {
        if (typeof line.options.budget !== 'string') throw new UsageError(`optimize needs --budget AMOUNT CUR, e.g. --budget ${BUDGET_EXAMPLE}.`);
        const budget = parseBudget(line.options.budget);
        if ('error' in budget) throw new UsageError(budget.error);
        threadsOption(line.options.threads);
        const shard = shardOption(line.options.shard);
        const measures =
            typeof line.options.measures === 'string'
                ? line.options.measures
                      .split(',')
                      .map(m => m.trim())
                      .filter(m => m.length > 0)
                : undefined;
        if (measures && measures.length === 0) throw new UsageError('--measures needs measure names separated by commas, e.g. --measures Stockpile90,Offtake.');
        const model = await loadLoweredModel(line.operands[0], err);
        if (typeof model === 'number') return model;
        const request = { ...budget, measures };
        const candidates = optimizeCandidates(model, request);
        if ('error' in candidates) throw new UsageError(candidates.error);
        const pool = pooledBatches(model, threadsOption(line.options.threads));
        if (shard) {
            const done = await evaluateOptimizationPart(model, candidates, request, total => shardRange(shard, total), pool.families).finally(() =>
                pool.close()
            );
            if (!done) {
                throw new UsageError(
                    `--shard splits an exact search (at most ${EXACT_LIMIT} candidates); with ${candidates.length} candidates optimize searches heuristically, each round from the last, so it runs in one process.`
                );
            }
            out(shardJson('optimize', sweepArguments(line), shard, done, line.options.json === true));
            return 0;
        }
        const result = await evaluateOptimization(model, candidates, request, pool.families).finally(() => pool.close());
        out(line.options.json === true ? toJson(result) : optimizationTable(result, budget.currency));
        return 0;
    }
};

/** `--budget 100 billion JPY` spans up to three words: an amount, a scale word, a currency. */
function budgetWords(following: readonly string[]): number {
    if (!/^[-+]?\d/.test(following[0] ?? '')) return 1;
    let count = 1;
    if (SCALE_WORD.test(following[count] ?? '')) count++;
    if (/^[A-Za-z]+$/.test(following[count] ?? '')) count++;
    return count;
}

/** `100 billion JPY`, `1e11 JPY`, `250 million USD` -> amount and currency, or the one-line reason it is not money. */
export function parseBudget(text: string): { budget: number; currency: string } | { error: string } {
    const match = /^\s*([-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(?:(thousand|million|billion|trillion)\s+)?([A-Za-z]*)\s*$/.exec(text);
    const notMoney = `--budget takes money, an amount and a currency code such as ${BUDGET_EXAMPLE}, not '${text.trim()}'.`;
    if (!match || !/^[A-Z]{3}$/.test(match[3])) return { error: notMoney };
    const budget = parseNumber(match[1]) * (match[2] ? SCALE[match[2]] : 1);
    if (!Number.isFinite(budget)) return { error: notMoney };
    if (budget < 0) return { error: `--budget must be 0 or more, not '${text.trim()}'.` };
    return { budget, currency: match[3] };
}

/** The best portfolio, then the frontier as the budget grows. */
export function optimizationTable(result: Optimization, currency: string): string {
    const money = (m: Record<string, number>) =>
        Object.entries(m)
            .filter(([c, v]) => c === currency || v !== 0)
            .map(([c, v]) => moneyText(v, c))
            .join(' + ');
    const list = (names: string[]) => (names.length > 0 ? names.join(', ') : '(none)');
    const how = result.exact ? `exact, ${displayNumber(result.runs, 0)} runs` : `heuristic ${result.heuristic}, ${displayNumber(result.runs, 0)} runs`;
    const rows = result.frontier.map(p => [money(p.cost), money(p.expectedLoss), list(p.measures)]);
    const header = ['cost', 'expected loss', 'measures'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map(r => r[c].length)));
    const format = (cells: string[]) =>
        cells
            .map((cell, c) => cell.padEnd(widths[c]))
            .join('  ')
            .trimEnd();
    return [
        `Best portfolio within ${money(result.budget)} (${how}; candidates: ${list(result.candidates)})`,
        `  measures:      ${list(result.best.measures)}`,
        `  cost:          ${money(result.best.cost)}`,
        `  expected loss: ${money(result.best.expected.loss)}; expected unmet ${tonnesText(result.best.expected.unmet)}`,
        '',
        'Frontier: the best portfolio as the budget grows',
        format(header),
        ...rows.map(format)
    ].join('\n');
}
