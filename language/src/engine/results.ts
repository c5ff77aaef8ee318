/**
 * What a simulation returns: the contract between the engine, the CLI's JSON, the
 * language server's lenses and hovers, and the chart view. Plain data (JSON-serializable),
 * keyed by declaration names; every number is finite; dates are `YYYY-MM-DD`.
 * Key order of objects is deterministic (declaration order, baseline first).
 */
import type { StepUnit } from '../lowering/model.js';

export type { StepUnit };

/**
 * One value per period, kept in the typed array the engine filled (no boxed numbers, no copy
 * per reader). NaN stands for the contract's `null` (a period without a value): the JSON
 * writer prints it as `null`, as `JSON.stringify` does.
 */
export type Series = Float64Array;

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
    /** Per target: whether it passes in every scenario it is judged in, and where it fails. */
    targetSummary: Record<string, TargetSummary>;
}

export interface TargetSummary {
    pass: boolean;
    /** Scenario names (baseline included) where it fails, in result order. */
    failedIn: string[];
}

export interface ExpectedValues {
    unmet: number | null;
    loss: Record<string, number>;
    /** Σ probability over the scenarios counted (1 when they sum to 100%). */
    probability: number;
}

export interface ScenarioResult {
    name: string;
    /** 0-1; a range's midpoint; null for the baseline and scenarios without one. */
    probability: number | null;
    consumers: Record<string, ConsumerResult>;
    reserves: Record<string, ReserveResult>;
    targets: Record<string, TargetResult>;
    /** Sums over consumers: unmet tonnes (all materials), loss per currency. */
    totals: { need: number; unmet: number; loss: Record<string, number> };
    /** Regions hosting a node: imports by origin, and sums over their consumers. */
    regions: Record<string, RegionResult>;
    /** Per plant: output made and inputs received, used and left in its buffers. */
    plants: Record<string, PlantResult>;
    /** First day of the period in which the scenario's earliest shock starts; null without shocks. */
    shockStart: string | null;
}

export interface RegionResult {
    /** Share of imports (arrivals into the region's nodes from outside it) by origin, first period. */
    dependency: Record<string, number>;
    dependencyEnd: Record<string, number>;
    hhi: number;
    hhiEnd: number;
    need: number;
    delivered: number;
    released: number;
    unmet: number;
    fill: number;
    /** Stock of the region's consumers (own + their share of reserves) ÷ daily need, at the start. */
    coverDays: number | null;
    loss: Record<string, number>;
    /** Per period (metrics-v2 §1): imports by origin, direct and traced, HHI, cover. */
    series: ShareSeries;
}

/**
 * Per-period series of a consumer or region as a whole (metrics-v2 §1), full precision.
 * Shares and HHI are null (NaN) in a period without arrivals; an origin that sends nothing in
 * a period with arrivals has 0. Cover is null (NaN) without any need.
 */
export interface ShareSeries {
    /** Origin -> share of each period's arrivals (direct: region of the immediate source). */
    dependency: Record<string, Series>;
    /**
     * Origin -> share traced through plants to the origin of their inputs. Without a line
     * from a plant it is `dependency` itself (the same object and buffers, not a copy).
     */
    embeddedDependency: Record<string, Series>;
    hhi: Series;
    /** (Own stock + reserves) at the end of each period ÷ that period's daily need. */
    coverDays: Series;
}

export interface PlantResult {
    outputs: Record<string, { produced: number }>;
    inputs: Record<string, { received: number; used: number; buffer: number }>;
    /** Σ over outputs and periods: made, and what capacity × availability × outage allowed. */
    produced: number;
    capacity: number;
    /** produced ÷ capacity; null when it could make nothing. */
    utilisation: number | null;
    /** What limited output most: the input material that starved it most (tonnes lost), else `capacity` or `orders`. */
    binding: string;
    /** Periods in which an input held output below both capacity and orders. */
    periodsStarved: number;
    /** Share of its output traced to each origin region, over the horizon. */
    embeddedDependency: Record<string, number>;
    series: { produced: Series; capacity: Series; starvedBy: (string | null)[] };
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
    /** Per period (metrics-v2 §1): shares by origin, direct and embedded, HHI, cover. */
    series: ShareSeries;
}

export interface ConsumerMaterialResult {
    need: number;
    recycled: number;
    /** Everything that arrived: delivered + refill + excess. */
    arrivals: number;
    delivered: number;
    /** Arrivals put back into the consumer's own stock, and arrivals beyond it. */
    refill: number;
    excess: number;
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
    /** (own stock + its share of reserves) ÷ daily need, at the start; null with no need. */
    coverDays: number | null;
    series: ConsumerSeries;
}

/** One value per period. */
export interface ConsumerSeries {
    need: Series;
    recycled: Series;
    arrivals: Series;
    delivered: Series;
    refill: Series;
    excess: Series;
    drawn: Series;
    released: Series;
    unmet: Series;
    /** Own stock at the end of the period. */
    stock: Series;
    /** The consumer's share of the stock of the reserves serving it, end of the period. */
    reserveStock: Series;
    /** (own + reserve stock) ÷ daily need at the end of the period, in days. */
    coverDays: Series;
    /** Share of arrivals from the top origin (the first period's top origin). */
    topOriginShare: Series;
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
    /** Lowest end-of-period stock, and the first period it is reached (metrics-v2 §2). */
    lowest: number;
    lowestAt: string;
    /** Periods in which the release cap, not the stock, held releases below what was asked; null when it never did. */
    capBinding: CapBinding | null;
    /** Stock at the end of each period. */
    stock: Series;
    /** Released and bought in each period. */
    releases: Series;
    purchases: Series;
}

export interface CapBinding {
    /** The cap in force (t per period) the first time it bound. */
    cap: number;
    /** First and last period it bound in, and how many periods. */
    from: string;
    to: string;
    periods: number;
    /** Tonnes asked beyond the cap over those periods (within the stock there was). */
    askedAbove: number;
}

/** A target as judged in one scenario: its deciding condition, and every condition. */
export interface TargetResult extends ConditionResult {
    /** The scenario it was judged in. */
    scenario: string;
    /** Every condition of the target judged in this scenario. */
    conditions: ConditionResult[];
}

export interface ConditionResult {
    /** The condition as written (for a target: the first failing one, else the first). */
    condition: string;
    /** The metric's value where it was judged; null when it cannot be computed. */
    value: number | null;
    /** Null when the metric has no value at all (no arrivals in any period judged). */
    pass: boolean | null;
    op: '<=' | '<' | '>=' | '>';
    threshold: number;
    /** `YYYY-MM-DD` of the period it was judged at, or null for whole-horizon metrics. */
    judgedAt: string | null;
    /** Unit of value and threshold: 'share' (0-1), 'hhi', 'days', 't', or a currency code. */
    unit: string;
}
