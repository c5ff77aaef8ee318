/**
 * `chokepoint merge SHARD...`: joins the shard documents that `rank`, `optimize` and
 * `run --samples` print with `--shard I/N` into exactly what the command prints without
 * `--shard`, the table or (`--json`) the JSON, byte for byte. Every shard of one sweep must be
 * given once, in any order; anything else is a usage error (exit 2) in one line.
 */
import { readFileSync } from 'node:fs';
import { sortRanked } from '../decisions/rank.js';
import { optimizationFrom } from '../decisions/optimize.js';
import type { RankingPart } from '../evaluation/ranking.js';
import type { OptimizationPart } from '../evaluation/optimization.js';
import { summarizeSamples } from '../evaluation/uncertainty.js';
import { UsageError, type CliCommand, type CliIo } from './command.js';
import { optimizationTable } from './optimize.js';
import { rankingTable } from './rank.js';
import { toJson } from './run-json.js';
import type { SamplesPart } from './run-shard.js';
import { formatUncertainty } from './run-uncertainty.js';
import type { ShardDocument } from './shard.js';

export const mergeCommand: CliCommand = {
    name: 'merge',
    summary: 'join the shards of a sweep (--shard I/N) into what one process prints',
    operands: 'SHARD...',
    operandCount: { min: 1, tooFew: 'merge needs the shard files (the output of rank, optimize or run --samples with --shard I/N)' },
    options: {},
    run(line, io) {
        const shards = line.operands.map(file => ({ file, document: readShard(file) }));
        checkOneSweep(shards);
        const ordered = [...shards].sort((a, b) => a.document.index - b.document.index).map(s => s.document);
        try {
            writeMerged(ordered, io);
        } catch (error) {
            if (error instanceof TypeError)
                throw new UsageError(`The shards' parts are not what --shard writes (${error.message}); make them again with the same chokepoint.`);
            throw error;
        }
        return Promise.resolve(0);
    }
};

function readShard(file: string): ShardDocument {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch {
        throw new UsageError(`chokepoint: no such file or directory: ${file}`);
    }
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch {
        document = undefined;
    }
    const shard = document as Partial<ShardDocument> | undefined;
    if (
        !shard ||
        typeof shard !== 'object' ||
        shard.chokepointShard !== 1 ||
        typeof shard.index !== 'number' ||
        typeof shard.count !== 'number' ||
        !['rank', 'optimize', 'run'].includes(shard.command ?? '') ||
        !Array.isArray(shard.arguments) ||
        typeof shard.part !== 'object' ||
        shard.part === null
    ) {
        throw new UsageError(`${file} is not a shard of a sweep (what rank, optimize or run --samples print with --shard I/N).`);
    }
    return shard as ShardDocument;
}

/** The same command line, the same number of shards, each index once. */
function checkOneSweep(shards: { file: string; document: ShardDocument }[]): void {
    const first = shards[0];
    const sweepOf = (d: ShardDocument) => JSON.stringify([d.command, d.arguments, d.count, d.total, d.json]);
    const describe = (d: ShardDocument) => `chokepoint ${d.command} ${d.arguments.join(' ')} in ${d.count} shards`;
    for (const other of shards) {
        if (sweepOf(other.document) !== sweepOf(first.document)) {
            throw new UsageError(`${other.file} is a shard of another sweep (${describe(other.document)}) than ${first.file} (${describe(first.document)}).`);
        }
    }
    const count = first.document.count;
    const byIndex = new Map<number, string>();
    for (const { file, document } of shards) {
        const seen = byIndex.get(document.index);
        if (seen !== undefined) throw new UsageError(`Shard ${document.index}/${count} is given twice (${seen} and ${file}).`);
        byIndex.set(document.index, file);
    }
    for (let i = 1; i <= count; i++) {
        if (!byIndex.has(i)) throw new UsageError(`Shard ${i}/${count} is missing: merge needs every shard of the sweep (${shards.length} of ${count} given).`);
    }
}

function writeMerged(shards: ShardDocument[], { out }: CliIo): void {
    const { command, json } = shards[0];
    if (command === 'rank') {
        const parts = shards.map(s => s.part as RankingPart);
        const ranking = {
            scenario: parts[0].scenario,
            outage: parts[0].outage,
            nodes: sortRanked(
                parts.flatMap(p => p.nodes),
                parts[0].currency
            )
        };
        out(json ? toJson(ranking) : rankingTable(ranking));
    } else if (command === 'optimize') {
        const parts = shards.map(s => s.part as OptimizationPart);
        const frame = { ...parts[0].frame, runs: parts.reduce((sum, p) => sum + p.frame.runs, 0) };
        const result = optimizationFrom(
            frame,
            parts.flatMap(p => p.evaluated)
        );
        out(json ? toJson(result) : optimizationTable(result, frame.currency));
    } else {
        const parts = shards.map(s => s.part as SamplesPart);
        const { samples, seed, plain } = parts[0];
        const ranges = parts.find(p => p.ranges !== null)?.ranges ?? 0;
        const result = summarizeSamples(
            { samples, seed },
            ranges,
            parts.flatMap(p => p.draws)
        );
        if (plain === null) throw new TypeError('the first shard has no plain run');
        if (json) {
            // The plain JSON ends with its closing brace; the uncertainty is its last key (depth 1).
            const body = plain.replace(/\n}\n$/, '');
            out(`${body},\n  "uncertainty": ${toJson(result).replace(/\n/g, '\n  ')}\n}`);
        } else {
            out(plain);
            out(`\n${formatUncertainty(result)}`);
        }
    }
}
