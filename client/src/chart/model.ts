/**
 * What the chart view draws, computed from a document's results in the extension (so the
 * webview only draws, and this arithmetic is unit-tested). Plain JSON: it is posted to the
 * webview as is.
 */
import type { ResultsStatus } from '../../../server/src/index.js';
import type { ConsumerResult, SimulationResult } from '../../../language/src/view.js';
import type { ChartOverlay } from './overlay.js';

export type { ChartOverlay } from './overlay.js';

/** Tonnes per period, one value per period; for "all consumers" the sum over consumers. */
export interface SupplySeries {
    need: number[];
    recycled: number[];
    delivered: number[];
    /** From the consumers' own stock. */
    drawn: number[];
    /** From strategic reserves. */
    released: number[];
    unmet: number[];
}

export interface NamedSeries {
    label: string;
    values: number[];
}

/** One consumer, or all of them (name null). */
export interface FocusModel {
    name: string | null;
    supply: SupplySeries;
    /** Share (0-1) of arrivals from the top origin, per consumer and material, per period. */
    topOriginShare: NamedSeries[];
    /** Reserve stocks (t) at the end of each period: per reserve and material for all consumers,
     *  else the consumer's share of the reserves serving it, per material. */
    reserveStock: NamedSeries[];
    totals: { need: number; unmet: number; loss: Record<string, number> };
}

export interface ScenarioModel {
    name: string;
    probability: number | null;
    /** All consumers first, then each consumer in declaration order. */
    focuses: FocusModel[];
}

/** What the chart draws: the input's status, with its results laid out per scenario. */
/** The budget frontier (the best portfolio as the budget grows), plotted under the series. */
export interface FrontierModel {
    currency: string;
    points: { cost: number; expectedLoss: number; measures: string[] }[];
}

export interface ChartModel extends Omit<ChartInput, 'result'> {
    /** Present when the model's measures have costs and its scenarios probabilities. */
    frontier?: FrontierModel;
    /** Period labels (`2026-01` for monthly steps, else the day). */
    periods: string[];
    scenarios: ScenarioModel[];
    /** Scenario with the most unmet need (the first one on a tie), if any. */
    worstScenario: string | null;
    /** Every scenario on one axis per key metric, the compared revision's dashed (chokepoint.compareWith), the shock windows. */
    overlay?: ChartOverlay;
}

export interface ChartInput {
    uri: string;
    fileName: string;
    status: ResultsStatus;
    errorCount: number;
    /** The results are of an earlier text. */
    stale: boolean;
    /** For 'no-horizon' and 'failed': the server's explanation. */
    message?: string;
    result?: SimulationResult;
}

export function buildChartModel(input: ChartInput): ChartModel {
    const { result } = input;
    const base = {
        uri: input.uri,
        fileName: input.fileName,
        status: input.status,
        errorCount: input.errorCount,
        stale: input.stale,
        ...(input.message !== undefined ? { message: input.message } : {})
    };
    if (!result) return { ...base, periods: [], scenarios: [], worstScenario: null };
    const periods = result.periodStarts.map(day => (result.horizon.step === 'month' ? day.slice(0, 7) : day));
    const scenarios = result.scenarios.map((scenario): ScenarioModel => {
        const consumers = Object.entries(scenario.consumers);
        const reserveStock = Object.entries(scenario.reserves).flatMap(([reserve, { materials }]) =>
            Object.entries(materials).map(([material, r]) => ({ label: `${reserve} · ${material}`, values: Array.from(r.stock) }))
        );
        const all: FocusModel = {
            name: null,
            supply: sumSupply(
                consumers.map(([, c]) => c),
                periods.length
            ),
            topOriginShare: consumers.flatMap(([name, c]) => perMaterial(name, c, 'topOriginShare')),
            reserveStock,
            totals: scenario.totals
        };
        const each = consumers.map(([name, c]): FocusModel => ({
            name,
            supply: sumSupply([c], periods.length),
            topOriginShare: perMaterial(name, c, 'topOriginShare'),
            reserveStock: perMaterial(`${name}'s share of reserves`, c, 'reserveStock'),
            totals: {
                need: sum(Object.values(c.materials).map(m => m.need)),
                unmet: sum(Object.values(c.materials).map(m => m.unmet)),
                loss: c.loss
            }
        }));
        return { name: scenario.name, probability: scenario.probability, focuses: [all, ...each] };
    });
    return { ...base, periods, scenarios, worstScenario: worstScenario(result) };
}

/** The scenario with the most unmet need; null when nothing goes unmet anywhere. */
export function worstScenario(result: SimulationResult): string | null {
    let worst: { name: string; unmet: number } | null = null;
    for (const s of result.scenarios) {
        if (s.totals.unmet > 0 && (!worst || s.totals.unmet > worst.unmet)) worst = { name: s.name, unmet: s.totals.unmet };
    }
    return worst?.name ?? null;
}

/**
 * The scenario the chart opens on: the one asked for if it exists, else the setting's
 * default, else the worst, else the first (the baseline).
 */
export function initialScenario(model: ChartModel, requested: string | undefined, configured: string): string | undefined {
    const names = model.scenarios.map(s => s.name);
    for (const candidate of [requested, configured, model.worstScenario ?? undefined]) {
        if (candidate && names.includes(candidate)) return candidate;
    }
    return names[0];
}

const SUPPLY_KEYS = ['need', 'recycled', 'delivered', 'drawn', 'released', 'unmet'] as const;

function sumSupply(consumers: ConsumerResult[], periods: number): SupplySeries {
    const supply = {} as SupplySeries;
    for (const key of SUPPLY_KEYS) {
        supply[key] = zeros(periods);
        for (const c of consumers) addInto(supply[key], sumMaterials(c, key, periods));
    }
    return supply;
}

type SeriesKey = keyof ConsumerResult['materials'][string]['series'];

function sumMaterials(consumer: ConsumerResult, key: SeriesKey, periods: number): number[] {
    const total = zeros(periods);
    for (const material of Object.values(consumer.materials)) addInto(total, material.series[key]);
    return total;
}

/** One line per material of the consumer: `JapanIndustry · REE`. */
function perMaterial(label: string, consumer: ConsumerResult, key: SeriesKey): NamedSeries[] {
    return Object.entries(consumer.materials).map(([material, m]) => ({ label: `${label} · ${material}`, values: Array.from(m.series[key]) }));
}

function addInto(total: number[], values: ArrayLike<number>): void {
    for (let i = 0; i < total.length; i++) total[i] += values[i] ?? 0;
}

function zeros(n: number): number[] {
    return new Array<number>(n).fill(0);
}

function sum(values: number[]): number {
    return values.reduce((a, b) => a + b, 0);
}
