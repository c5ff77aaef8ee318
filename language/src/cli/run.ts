/**
 * `chokepoint run FILE [--scenario NAME] [--json]`: simulates a model and prints a table
 * (scenarios as columns) or the results as JSON. Exit codes: 0 fine, 1 errors in the model
 * or no horizon, 2 wrong usage (unknown option or scenario).
 */
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { simulate, scenarioNames } from '../engine/simulate.js';
import { prepareDocument } from '../evaluation/evaluate.js';
import { evaluateMeasureValues } from '../evaluation/measure-values.js';
import { loadModel } from '../workspace/load.js';
import { collectDiagnostics, formatPlain, summary } from './diagnostics.js';
import { writeResultsJson, type TextOut } from './run-json.js';
import { formatTable } from './run-table.js';
import { formatUncertainty } from './run-uncertainty.js';
import { evaluateUncertainty, MAX_SAMPLES } from '../evaluation/uncertainty.js';
import { formatNumber } from '../values/quantities.js';
import { PhaseTimes } from './timings.js';

const USAGE = 'Usage: chokepoint run FILE [--scenario NAME] [--json] [--samples N [--seed S]] [--timings]';

export interface RunArguments {
    file: string;
    scenario?: string;
    json: boolean;
    /** An uncertainty run: how many samples, and the generator's seed (default 1). */
    samples?: number;
    seed: number;
    /** Print how long each phase took to stderr. */
    timings: boolean;
}

/** Parses `run`'s arguments, or says what is wrong with them. */
export function parseRunArguments(args: string[]): RunArguments | { error: string } {
    const files: string[] = [];
    let scenario: string | undefined;
    let json = false;
    let samples: number | undefined;
    let seed = 1;
    let timings = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--json') json = true;
        else if (a === '--timings') timings = true;
        else if (a === '--samples' || a === '--seed') {
            const text = args[++i] ?? '';
            const value = Number(text);
            const limit = a === '--samples' ? MAX_SAMPLES : 2 ** 32 - 1;
            const least = a === '--samples' ? 1 : 0;
            if (!/^\d+$/.test(text) || value < least || value > limit) {
                return { error: `${a} takes a whole number from ${least} to ${formatNumber(limit, 0)}, not '${text}'.\n${USAGE}` };
            }
            if (a === '--samples') samples = value;
            else seed = value;
        }
        else if (a === '--scenario') {
            scenario = args[++i];
            if (!scenario) return { error: `--scenario needs a scenario name.\n${USAGE}` };
        } else if (a.startsWith('--scenario=')) scenario = a.slice('--scenario='.length);
        else if (a.startsWith('-')) return { error: `Unknown option '${a}'.\n${USAGE}` };
        else files.push(a);
    }
    if (files.length !== 1) return { error: `${files.length === 0 ? 'run needs a .choke file' : 'run takes one file'}.\n${USAGE}` };
    return { file: files[0], scenario, json, samples, seed, timings };
}

export async function runCommand(args: string[], out: TextOut, err: (s: string) => void): Promise<number> {
    const parsed = parseRunArguments(args);
    if ('error' in parsed) {
        err(parsed.error);
        return 2;
    }
    const times = parsed.timings ? new PhaseTimes() : undefined;
    const code = await simulateFile(parsed, out, err, times);
    if (times) err(times.summary());
    return code;
}

async function simulateFile(parsed: RunArguments, out: TextOut, err: (s: string) => void, times: PhaseTimes | undefined): Promise<number> {
    // Warnings and hints are printed only with errors, so they are only checked then.
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true, adviceApart: true });
    times?.watchBuild(services.shared);
    const loaded = await loadModel(services, [parsed.file], { adviceOnlyWithErrors: true });
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
    const uncertainty = parsed.samples !== undefined
        ? evaluateUncertainty(root, documents, { samples: parsed.samples, seed: parsed.seed, scenario: parsed.scenario })
        : undefined;
    if (uncertainty) times?.mark(`${parsed.samples} samples`);
    const extra = uncertainty?.status === 'ok' ? { uncertainty: uncertainty.result } : {};
    if (parsed.json) {
        const measures = evaluateMeasureValues(prepared.model, { scenario: parsed.scenario });
        writeResultsJson(prepared.model, { scenario: parsed.scenario }, out, undefined, { measures, ...extra });
    }
    else {
        out(formatTable(simulate(prepared.model, { scenario: parsed.scenario }), parsed.file));
        if (uncertainty?.status === 'ok') out(`\n${formatUncertainty(uncertainty.result)}`);
    }
    times?.mark(parsed.json ? 'simulate and write JSON' : 'simulate and write table');
    return 0;
}
