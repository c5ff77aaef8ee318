/**
 * `run --samples N --shard I/N`: this process draws its range of the samples; the first shard
 * also writes what the plain run prints (the table, or the results' JSON with the measures'
 * values), which `chokepoint merge` completes with the uncertainty of every shard's samples.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { startMeasureValues } from '../evaluation/measure-values.js';
import { simulate } from '../evaluation/simulation.js';
import type { SampleDraw } from '../evaluation/uncertainty.js';
import { drawSamplesOnThreads, sampleThreads } from './sample-threads.js';
import type { LoweredModel } from '../lowering/model.js';
import { writeResultsJson, type TextOut } from './run-json.js';
import { formatTable } from './run-table.js';
import { shardJson, shardRange, type Shard } from './shard.js';

/** A sample shard's part: its draws, and (first shard only) the plain run's output. */
export interface SamplesPart {
    samples: number;
    seed: number;
    ranges: number | null;
    draws: SampleDraw[];
    /** What `run` prints before the uncertainty: the table, or the JSON up to its closing brace. */
    plain: string | null;
}

export interface SampleShardRequest {
    file: string;
    scenario?: string;
    json: boolean;
    samples: number;
    seed: number;
    shard: Shard;
    arguments: string[];
    /** `--threads`: threads drawing this shard's samples. */
    threads?: number;
    /** `--root`, for the threads that load the files again. */
    root?: string;
}

/** Writes the shard document; 1 when a sample has no horizon (printed on `err`). */
export async function runSampleShard(
    request: SampleShardRequest,
    model: LoweredModel,
    root: LangiumDocument,
    documents: LangiumDocuments,
    out: TextOut,
    err: (s: string) => void
): Promise<number> {
    const { from, to } = shardRange(request.shard, request.samples);
    const options = { samples: request.samples, seed: request.seed, scenario: request.scenario };
    const threads = sampleThreads(model, to - from, request.threads);
    const drawn = await drawSamplesOnThreads(root, documents, { file: request.file, root: request.root }, options, { from, to }, threads);
    if (drawn.status === 'errors') {
        err(`${drawn.errorCount} error(s) in the model; run \`chokepoint check ${request.file}\` to see them.`);
        return 1;
    }
    if (drawn.status === 'no-horizon') {
        err(drawn.message);
        return 1;
    }
    const plain = request.shard.index === 1 ? await plainOutput(model, request) : null;
    const part: SamplesPart = { samples: request.samples, seed: request.seed, ranges: drawn.ranges, draws: drawn.draws, plain };
    out(shardJson('run', request.arguments, request.shard, { total: request.samples, from, to, part }, request.json));
    return 0;
}

/** Exactly what `run` writes before its uncertainty, as `run.ts` writes it. */
async function plainOutput(model: LoweredModel, request: SampleShardRequest): Promise<string> {
    if (!request.json) return formatTable(simulate(model, { scenario: request.scenario }), request.file);
    const chunks: Buffer[] = [];
    const collect: TextOut = Object.assign(
        (s: string) => {
            chunks.push(Buffer.from(s + '\n', 'utf8'));
        },
        {
            bytes: (chunk: Uint8Array) => {
                chunks.push(Buffer.from(chunk));
            }
        }
    );
    const values = startMeasureValues(model, { scenario: request.scenario });
    try {
        writeResultsJson(
            model,
            { scenario: request.scenario },
            collect,
            undefined,
            {
                get measures() {
                    return values.collect();
                }
            },
            values.observe
        );
    } finally {
        await values.close();
    }
    return Buffer.concat(chunks).toString('utf8');
}
