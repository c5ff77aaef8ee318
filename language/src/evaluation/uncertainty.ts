/**
 * Uncertainty runs (spec §1): every range `LOW..HIGH` in the model is drawn uniformly,
 * once per sample, with a seeded generator; the model is lowered and simulated per sample,
 * and the results are summarized as distributions. The plain run (midpoints) stays the
 * reference; this says how far the answers move within the ranges the model admits.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Amount } from '../generated/ast.js';
import { simulateEach } from './simulation.js';
import { lowerDocument } from '../lowering/lower.js';
import { withRangePicker } from '../lowering/range-sampling.js';
import { mixSeed, seededRandom } from '../values/random.js';
import { countErrors, NO_HORIZON_MESSAGE } from './evaluate.js';

export interface UncertaintyOptions {
    samples: number;
    seed: number;
    /** Only this scenario (and the baseline). */
    scenario?: string;
}

/** A sample's values summarized. Percentiles by the nearest-rank method. */
export interface Distribution {
    mean: number;
    min: number;
    p5: number;
    p50: number;
    p95: number;
    max: number;
}

export interface ScenarioUncertainty {
    /** Total unmet tonnes over the horizon, all consumers and materials. */
    unmet: Distribution;
    /** Total loss per currency. */
    loss: Record<string, Distribution>;
    /** Share of samples (0-1) in which each target judged in this scenario passes. */
    targetPassRate: Record<string, number>;
}

export interface UncertaintyResult {
    samples: number;
    seed: number;
    /** How many distinct ranges the model has (0: every sample equals the plain run). */
    ranges: number;
    scenarios: Record<string, ScenarioUncertainty>;
    /** Expected unmet over scenarios with a probability, per sample (null when none has one). */
    expectedUnmet: Distribution | null;
}

export type UncertaintyEvaluation =
    { status: 'ok'; result: UncertaintyResult } | { status: 'errors'; errorCount: number } | { status: 'no-horizon'; message: string };

export const MAX_SAMPLES = 10_000;

export function evaluateUncertainty(document: LangiumDocument, documents: LangiumDocuments, options: UncertaintyOptions): UncertaintyEvaluation {
    const drawn = drawSamples(document, documents, options, 0, options.samples);
    if (drawn.status !== 'ok') return drawn;
    return { status: 'ok', result: summarizeSamples(options, drawn.ranges ?? 0, drawn.draws) };
}

/** One sample's figures, per scenario in run order: what the summary needs, and all a shard keeps. */
export interface SampleDraw {
    scenarios: { name: string; unmet: number; loss: Record<string, number>; passed: Record<string, boolean> }[];
    expectedUnmet: number | null;
}

/**
 * Samples `from` to `to` (exclusive) of an uncertainty run: sample k draws with the seed mixed
 * with k, whichever process draws it, so a range of samples is a shard of the whole run.
 * `ranges`: how many distinct ranges the samples drew (null when there were none to draw).
 */
export function drawSamples(
    document: LangiumDocument,
    documents: LangiumDocuments,
    options: UncertaintyOptions,
    from: number,
    to: number
): { status: 'ok'; draws: SampleDraw[]; ranges: number | null } | Exclude<UncertaintyEvaluation, { status: 'ok' }> {
    const errorCount = countErrors(document, documents);
    if (errorCount > 0) return { status: 'errors', errorCount };
    const draws: SampleDraw[] = [];
    const ranges = new Set<Amount>();
    for (let k = from; k < to; k++) {
        const random = seededRandom(mixSeed(options.seed, k));
        const drawn = new Map<Amount, number>();
        const lowered = withRangePicker(
            (amount, range) => {
                ranges.add(amount);
                let value = drawn.get(amount);
                if (value === undefined) {
                    value = range.low + random() * (range.high - range.low);
                    drawn.set(amount, value);
                }
                return value;
            },
            () => lowerDocument(document, documents)
        );
        if (lowered.status !== 'ok') return { status: 'no-horizon', message: NO_HORIZON_MESSAGE };
        const scenarios: SampleDraw['scenarios'] = [];
        const rest = simulateEach(lowered.model, { scenario: options.scenario }, scenario => {
            const passed: Record<string, boolean> = {};
            for (const [target, judged] of Object.entries(scenario.targets)) passed[target] = judged.pass === true;
            scenarios.push({ name: scenario.name, unmet: scenario.totals.unmet, loss: { ...scenario.totals.loss }, passed });
        });
        draws.push({ scenarios, expectedUnmet: rest.expected.unmet });
    }
    return { status: 'ok', draws, ranges: to > from ? ranges.size : null };
}

/** The distributions over every sample's draw, in sample order (all of them, from one process or merged shards). */
export function summarizeSamples(options: UncertaintyOptions, ranges: number, draws: SampleDraw[]): UncertaintyResult {
    const unmet = new Map<string, number[]>();
    const loss = new Map<string, Map<string, number[]>>();
    const passes = new Map<string, Map<string, number>>();
    const expectedUnmet: number[] = [];
    for (const draw of draws) {
        for (const scenario of draw.scenarios) {
            push(unmet, scenario.name, scenario.unmet);
            const byCurrency = loss.get(scenario.name) ?? new Map<string, number[]>();
            loss.set(scenario.name, byCurrency);
            for (const [currency, value] of Object.entries(scenario.loss)) push(byCurrency, currency, value);
            const passed = passes.get(scenario.name) ?? new Map<string, number>();
            passes.set(scenario.name, passed);
            for (const [target, pass] of Object.entries(scenario.passed)) passed.set(target, (passed.get(target) ?? 0) + (pass ? 1 : 0));
        }
        if (draw.expectedUnmet !== null) expectedUnmet.push(draw.expectedUnmet);
    }
    const scenarios: Record<string, ScenarioUncertainty> = {};
    for (const [name, values] of unmet) {
        const lossOf: Record<string, Distribution> = {};
        for (const [currency, values] of [...(loss.get(name) ?? new Map<string, number[]>())].sort(([a], [b]) => (a < b ? -1 : 1))) {
            lossOf[currency] = distribution(values);
        }
        const targetPassRate: Record<string, number> = {};
        for (const [target, count] of passes.get(name) ?? []) targetPassRate[target] = count / options.samples;
        scenarios[name] = { unmet: distribution(values), loss: lossOf, targetPassRate };
    }
    return {
        samples: options.samples,
        seed: options.seed,
        ranges,
        scenarios,
        expectedUnmet: expectedUnmet.length === options.samples ? distribution(expectedUnmet) : null
    };
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** Mean, extremes and nearest-rank percentiles (the p-th percentile is the ⌈p·N⌉-th smallest). */
export function distribution(values: number[]): Distribution {
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
    const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
    return { mean: round(mean), min: round(sorted[0]), p5: round(rank(0.05)), p50: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted[n - 1]) };
}

/** Same precision as the plain run's totals (10^-6). */
function round(value: number): number {
    return Math.round(value * 1e6) / 1e6;
}
