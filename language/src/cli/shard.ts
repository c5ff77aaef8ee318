/**
 * `--shard I/N` of the sweep commands (`rank`, `optimize`, `run --samples`): a sweep too big
 * for one machine splits into N processes (CI matrix jobs), each doing a fixed range of the
 * nodes, portfolios or samples, and printing a shard document (JSON). `chokepoint merge`
 * joins the N documents into exactly the bytes one process prints (see merge.ts).
 */
import { UsageError, type CliOption, type CommandLine } from './command.js';
import { toJson } from './run-json.js';

export const SHARD_OPTION: CliOption = {
    type: 'string',
    value: 'I/N',
    description: 'do part I of N of the sweep and print it as a shard for `chokepoint merge` (e.g. 1/4)'
};

export const MAX_SHARDS = 1000;

export interface Shard {
    index: number;
    count: number;
}

/** The shard this process does, undefined without `--shard`; a usage error for anything but I/N with 1 ≤ I ≤ N ≤ 1000. */
export function shardOption(given: CommandLine['options'][string]): Shard | undefined {
    if (typeof given !== 'string') return undefined;
    const match = /^(\d+)\/(\d+)$/.exec(given.trim());
    const index = match ? Number(match[1]) : NaN,
        count = match ? Number(match[2]) : NaN;
    if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
        throw new UsageError(`--shard takes I/N, this process's part and the number of parts, with 1 ≤ I ≤ N ≤ ${MAX_SHARDS} (e.g. 1/4), not '${given}'.`);
    }
    return { index, count };
}

/**
 * The items `[from, to)` of `total` that shard I of N does: ⌊(I−1)·total/N⌋ to ⌊I·total/N⌋, so
 * the N ranges cover every item once, in order, and differ in size by at most one.
 */
export function shardRange(shard: Shard, total: number): { from: number; to: number } {
    return { from: Math.floor(((shard.index - 1) * total) / shard.count), to: Math.floor((shard.index * total) / shard.count) };
}

/**
 * What a shard prints: which part it is, of what (the command and its words without `--shard`,
 * so that merge can tell shards of different sweeps apart), its range, and its part of the
 * results, whose form belongs to the command (merge.ts reads it back).
 */
export interface ShardDocument {
    chokepointShard: 1;
    command: 'rank' | 'optimize' | 'run';
    /** The command line in a canonical form, `--shard` and `--threads` left out (`sweepArguments`). */
    arguments: string[];
    index: number;
    count: number;
    /** How many items the whole sweep has, and which this shard did. */
    total: number;
    from: number;
    to: number;
    /** Whether the unsharded command prints JSON (`--json`) or its table. */
    json: boolean;
    part: unknown;
}

/** What a shard prints: which part of which sweep it did, and that part, for `chokepoint merge`. */
export function shardJson(
    command: ShardDocument['command'],
    args: string[],
    shard: Shard,
    done: { total: number; from: number; to: number; part: unknown },
    json: boolean
): string {
    const document: ShardDocument = {
        chokepointShard: 1,
        command,
        arguments: args,
        index: shard.index,
        count: shard.count,
        total: done.total,
        from: done.from,
        to: done.to,
        json,
        part: done.part
    };
    return toJson(document);
}

/** Options that change how a sweep runs, not what it prints: shards may differ in them. */
const NOT_IN_RESULT = new Set(['shard', 'threads', 'timings']);

/** The command line in a canonical form (operands, then options by name), `--shard` and `--threads` left out. */
export function sweepArguments(line: CommandLine): string[] {
    const words = [...line.operands];
    for (const name of Object.keys(line.options).sort()) {
        const value = line.options[name];
        if (NOT_IN_RESULT.has(name) || value === undefined || value === false) continue;
        if (value === true) words.push(`--${name}`);
        else for (const v of Array.isArray(value) ? value : [value]) words.push(`--${name}=${v}`);
    }
    return words;
}
