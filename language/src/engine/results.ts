/**
 * What a simulation returns: the contract between the engine, the CLI's JSON, the
 * language server's lenses and hovers, and the chart view. Plain data (JSON-serializable),
 * keyed by declaration names; every number is finite; dates are `YYYY-MM-DD`.
 * Key order of objects is deterministic (declaration order, baseline first).
 */

export type StepUnit = 'month' | 'week' | 'day';

export interface HorizonInfo {
    start: string;
    /** First day of the last period. */
    end: string;
    step: StepUnit;
    periods: number;
}

export interface SimulationResult {
    horizon: HorizonInfo;
    /** First day of every period, in order. */
    periodStarts: string[];
    /** The baseline first, then the scenarios in declaration order. */
    scenarios: ScenarioResult[];
    /** Σ probability × value over scenarios with a probability (null when none has one). */
    expected: ExpectedValues;
}

export interface ExpectedValues {
    unmet: number | null;
    loss: Record<string, number>;
}

export interface ScenarioResult {
    name: string;
    /** 0-1; a range's midpoint; null for the baseline and scenarios without one. */
    probability: number | null;
    consumers: Record<string, ConsumerResult>;
    reserves: Record<string, ReserveResult>;
    targets: Record<string, TargetResult>;
    /** Sums over consumers: unmet tonnes (all materials), loss per currency. */
    totals: { need: number, unmet: number, loss: Record<string, number> };
}

export interface ConsumerResult {
    /** Direct dependency: share of arrivals by origin region of the immediate source, first period. */
    dependency: Record<string, number>;
    /** The same in the last period. */
    dependencyEnd: Record<string, number>;
    /** Traced through plants to the origin of their inputs, mass-weighted, first period. */
    embeddedDependency: Record<string, number>;
    embeddedDependencyEnd: Record<string, number>;
    /** 10,000 × Σ share² over origins (first period; `hhiEnd` for the last). */
    hhi: number;
    hhiEnd: number;
    /** (own stock + stock of reserves serving it) ÷ daily need, at the start; null with no need. */
    coverDays: number | null;
    materials: Record<string, ConsumerMaterialResult>;
    /** Σ unmet × loss per tonne, per currency. */
    loss: Record<string, number>;
}

export interface ConsumerMaterialResult {
    need: number;
    recycled: number;
    delivered: number;
    /** Drawn from the consumer's own stock. */
    drawn: number;
    released: number;
    unmet: number;
    /** 1 - unmet/need; 1 when there is no need. */
    fill: number;
    /** The day need first goes unmet, or null. */
    firstStockout: string | null;
    /** Days from the start of the earliest active shock to the first stockout, or null. */
    ttsDays: number | null;
    /** First period after the last one with unmet need, or null. */
    recovery: string | null;
    series: ConsumerSeries;
}

/** One value per period. */
export interface ConsumerSeries {
    need: number[];
    recycled: number[];
    delivered: number[];
    drawn: number[];
    released: number[];
    unmet: number[];
    /** Own stock at the end of the period. */
    stock: number[];
    /** Stock of the reserves serving the consumer, end of the period. */
    reserveStock: number[];
    /** (own + reserve stock) ÷ daily need at the end of the period, in days. */
    coverDays: number[];
    /** Share of arrivals from the top origin (the first period's top origin). */
    topOriginShare: number[];
}

export interface ReserveResult {
    materials: Record<string, ReserveMaterialResult>;
}

export interface ReserveMaterialResult {
    initial: number;
    final: number;
    /** Initial stock ÷ daily need of the consumers it serves; null with no need. */
    coverDays: number | null;
    released: number;
    /** Tonnes bought into the reserve by flows. */
    purchased: number;
    /** The day it runs dry, or null. */
    dryOn: string | null;
    /** Stock at the end of each period. */
    stock: number[];
}

export interface TargetResult {
    /** The metric's value where it was judged; null when it cannot be computed. */
    value: number | null;
    pass: boolean;
    op: '<=' | '<' | '>=' | '>';
    threshold: number;
    /** `YYYY-MM-DD` of the period it was judged at, or null for whole-horizon metrics. */
    judgedAt: string | null;
    /** Unit of value and threshold: 'share' (0-1), 'hhi', 'days', 't', or a currency code. */
    unit: string;
}
