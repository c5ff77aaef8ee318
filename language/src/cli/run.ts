/**
 * `chokepoint run FILE [--scenario NAME] [--json]`: simulates a model and prints a table
 * (scenarios as columns) or the results as JSON. Exit codes: 0 fine, 1 errors in the model
 * or no horizon, 2 wrong usage (unknown option or scenario).
 */
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { prepareDocument } from '../evaluation/evaluate.js';
import { simulate, scenarioNames } from '../evaluation/simulation.js';
import { loadModel } from '../loading/load.js';
import { collectDiagnostics, formatPlain, summary } from './diagnostics.js';
import type { TextOut } from './run-json.js';
import { writeRunJson } from './results-json.js';
import { formatTable } from './run-table.js';
import { formatUncertainty } from './run-uncertainty.js';
import { MAX_SAMPLES } from '../evaluation/uncertainty.js';
import { evaluateUncertaintyOnThreads, sampleThreads } from './sample-threads.js';
import { THREADS_OPTION, threadsOption } from './threads.js';
import { formatNumber } from '../values/quantities.js';
import { PhaseTimes } from './timings.js';
import { parseCommandLine, UsageError, type CliCommand, type CommandLine } from './command.js';
import { ROOT_OPTION, rootOf } from './root-option.js';
import { SHARD_OPTION, shardOption, sweepArguments, type Shard } from './shard.js';
import { runSampleShard } from './run-shard.js';

export interface RunArguments {
    file: string;
    scenario?: string;
    json: boolean;
    /** An uncertainty run: how many samples, and the generator's seed (default 1). */
    samples?: number;
    seed: number;
    /** Print how long each phase took to stderr. */
    timings: boolean;
    /** `--root`: the folder imports are confined to. */
    root?: string;
    /** `--threads N` (with `--samples` or `--json`): threads drawing the samples, or running the scenarios and measures' runs; undefined: every core once it pays. */
    threads?: number;
    /** `--shard I/N` (with `--samples`): this process's part of the samples, and the command line merge checks. */
    shard?: { shard: Shard; arguments: string[] };
}

export const runCommand: CliCommand = {
    name: 'run',
    summary: 'simulate a model and print its metrics',
    operands: 'FILE',
    operandCount: { min: 1, max: 1, tooFew: 'run needs a .choke file', tooMany: 'run takes one file' },
    options: {
        scenario: { type: 'string', value: 'NAME', description: 'the baseline and this scenario only' },
        json: { type: 'boolean', description: 'the results as JSON' },
        samples: { type: 'string', value: 'N', description: 'draw every LOW..HIGH range N times: P5/P50/P95' },
        seed: { type: 'string', value: 'S', description: "the uncertainty run's seed (default 1)" },
        timings: { type: 'boolean', description: 'how long each phase took, on stderr' },
        root: ROOT_OPTION,
        shard: SHARD_OPTION,
        threads: {
            ...THREADS_OPTION,
            description:
                "threads drawing the samples of --samples, or running --json's scenarios and measures (default: every core once it pays; 1: this thread only)"
        }
    },
    async run(line, { out, err }) {
        const parsed = runArgumentsOf(line);
        if ('error' in parsed) throw new UsageError(parsed.error);
        const times = parsed.timings ? new PhaseTimes() : undefined;
        const code = await simulateFile(parsed, out, err, times);
        if (times) err(times.summary());
        return code;
    }
};

/** Parses `run`'s arguments, or says what is wrong with them. */
export function parseRunArguments(args: string[]): RunArguments | { error: string } {
    const line = parseCommandLine(runCommand, args);
    return 'error' in line ? line : runArgumentsOf(line);
}

function runArgumentsOf(line: CommandLine): RunArguments | { error: string } {
    const { scenario, json, samples, seed, timings } = line.options;
    const sampleCount = wholeNumberOption('samples', samples, 1, MAX_SAMPLES);
    if (typeof sampleCount === 'string') return { error: sampleCount };
    const seedValue = wholeNumberOption('seed', seed, 0, 2 ** 32 - 1);
    if (typeof seedValue === 'string') return { error: seedValue };
    let root: string | undefined;
    let shard: Shard | undefined;
    let threads: number | undefined;
    try {
        root = rootOf(line);
        shard = shardOption(line.options.shard);
        threads = threadsOption(line.options.threads);
    } catch (error) {
        if (error instanceof UsageError) return { error: error.message };
        throw error;
    }
    if (shard && sampleCount === undefined) return { error: '--shard splits the samples of `run --samples N`; without --samples there is nothing to split.' };
    if (threads !== undefined && sampleCount === undefined && json !== true)
        return { error: '--threads sets the threads of `run --samples N` or `run --json`; the table runs on one thread.' };
    return {
        ...(shard ? { shard: { shard, arguments: sweepArguments(line) } } : {}),
        file: line.operands[0],
        scenario: typeof scenario === 'string' ? scenario : undefined,
        json: json === true,
        samples: sampleCount,
        seed: seedValue ?? 1,
        timings: timings === true,
        root,
        ...(threads !== undefined ? { threads } : {})
    };
}

/** A whole-number option's value, undefined when not given, or the message saying why not. */
function wholeNumberOption(name: string, given: CommandLine['options'][string], least: number, limit: number): number | undefined | string {
    if (typeof given !== 'string') return undefined;
    const value = Number(given);
    if (!/^\d+$/.test(given) || value < least || value > limit) {
        return `--${name} takes a whole number from ${least} to ${formatNumber(limit, 0)}, not '${given}'.`;
    }
    return value;
}

async function simulateFile(parsed: RunArguments, out: TextOut, err: (s: string) => void, times: PhaseTimes | undefined): Promise<number> {
    // Warnings and hints are printed only with errors, so they are only checked then.
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true, adviceApart: true });
    times?.watchBuild(services.shared);
    const loaded = await loadModel(services, [parsed.file], { adviceOnlyWithErrors: true, root: parsed.root });
    const root = loaded.roots[0];
    const diagnostics = collectDiagnostics(loaded.documents, loaded.problems);
    const errors = diagnostics.filter(d => d.severity === 'error');
    if (!root || errors.length > 0) {
        // Printed like `check`: every diagnostic, then the summary.
        for (const d of diagnostics) err(formatPlain(d));
        err(summary(diagnostics, loaded.documents.length));
        err('Fix the errors above to simulate.');
        return 1;
    }
    const prepared = prepareDocument(root, services.shared.workspace.LangiumDocuments);
    times?.mark('lower');
    if (prepared.status === 'errors') {
        err(`${prepared.errorCount} error(s) in the model; run \`chokepoint check ${parsed.file}\` to see them.`);
        return 1;
    }
    if (prepared.status === 'no-horizon') {
        err(prepared.message);
        return 1;
    }
    const known = scenarioNames(prepared.model);
    if (parsed.scenario !== undefined && !known.includes(parsed.scenario)) {
        err(`Unknown scenario '${parsed.scenario}'. Known scenarios: ${known.join(', ')}.`);
        return 2;
    }
    const documents = services.shared.workspace.LangiumDocuments;
    if (parsed.shard && parsed.samples !== undefined) {
        const { shard, arguments: words } = parsed.shard;
        return runSampleShard(
            {
                file: parsed.file,
                scenario: parsed.scenario,
                json: parsed.json,
                samples: parsed.samples,
                seed: parsed.seed,
                shard,
                arguments: words,
                threads: parsed.threads,
                root: parsed.root
            },
            prepared.model,
            root,
            documents,
            out,
            err
        );
    }
    const uncertainty =
        parsed.samples !== undefined
            ? await evaluateUncertaintyOnThreads(
                  root,
                  documents,
                  { file: parsed.file, root: parsed.root },
                  { samples: parsed.samples, seed: parsed.seed, scenario: parsed.scenario },
                  sampleThreads(prepared.model, parsed.samples, parsed.threads)
              )
            : undefined;
    if (uncertainty) times?.mark(`${parsed.samples} samples`);
    const extra = uncertainty?.status === 'ok' ? { uncertainty: uncertainty.result } : {};
    if (parsed.json) {
        await writeRunJson(prepared.model, parsed.scenario, out, extra, parsed.samples === undefined ? parsed.threads : undefined);
    } else {
        out(formatTable(simulate(prepared.model, { scenario: parsed.scenario }), parsed.file));
        if (uncertainty?.status === 'ok') out(`\n${formatUncertainty(uncertainty.result)}`);
    }
    times?.mark(parsed.json ? 'simulate and write JSON' : 'simulate and write table');
    return 0;
}
