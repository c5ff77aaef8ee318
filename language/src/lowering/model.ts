/**
 * The compact model the engine simulates: indices and flat numeric arrays, every quantity in
 * tonnes per period, every date a period index. Plain data with no Langium types: the model
 * types lowering writes and the engine reads, declared once here (this file imports nothing,
 * so lowering and engine never import each other's modules in a loop).
 *
 * Hot per-line and per-slot data are typed arrays (structure of arrays); the few per-event
 * and per-target records are plain objects.
 */

/** The length of one period of the model. */
export type StepUnit = 'month' | 'week' | 'day';

/** Destination kinds of a flow line. */
export const DEST_PLANT = 0;
export const DEST_CONSUMER = 1;
export const DEST_RESERVE = 2;

/** Priority classes, served in this order. Plants and reserves count as normal. */
export const PRIORITY_CRITICAL = 0;
export const PRIORITY_HIGH = 1;
export const PRIORITY_NORMAL = 2;
export const PRIORITY_LOW = 3;
export const PRIORITY_CLASSES = 4;
export const PRIORITY_NAMES = ['critical', 'high', 'normal', 'low'] as const;

/** Period indices standing for "before everything" and "never" (open-ended). */
export const NO_PERIOD_BEFORE = -(2 ** 30);
export const NO_PERIOD_AFTER = 2 ** 30;

export interface Calendar {
    step: StepUnit;
    /** Model days per period: 365/12 for a month, 7 for a week, 1 for a day. */
    periodDays: number;
    periods: number;
    /** Day number (days since 1970-01-01) of the first day of each period, plus one past the last. */
    periodStart: Int32Array;
}

/** Suppliers and plants: everything that ships. */
export interface Producers {
    names: string[];
    /** True for plants. */
    isPlant: boolean[];
    region: Int32Array;
    planned: Uint8Array;
    /** Period in which capacity starts (the period containing the `online` date); NO_PERIOD_BEFORE when none. */
    onlinePeriod: Int32Array;
    /** Ramp length in periods (0: none); the n-th period from online has min(1, n / ramp) of capacity. */
    rampPeriods: Float64Array;
    /** Period from which capacity is 0 (the period containing the `offline` date); NO_PERIOD_AFTER when none. */
    offlinePeriod: Int32Array;
    /** Outlets of each producer: [outletStart[p], outletStart[p+1]). */
    outletStart: Int32Array;
}

/**
 * An outlet is one material a producer ships: a supplier's `produces` or a plant's `makes`.
 * Lines are numbered by outlet, then by destination priority class: the lines of outlet o in
 * class c are the line indices [classStart[o*5+c], classStart[o*5+c+1]).
 */
export interface Outlets {
    producer: Int32Array;
    material: Int32Array;
    /** Tonnes per period at full availability. */
    capacity: Float64Array;
    /** Recipe inputs: [inputStart[o], inputStart[o+1]) into `inputs`. Empty for suppliers. */
    inputStart: Int32Array;
    /** Line index ranges of each outlet's priority classes (5 entries per outlet). */
    classStart: Int32Array;
}

export interface Inputs {
    /** Plant buffer the input is drawn from. */
    buffer: Int32Array;
    /** Tonnes of input per tonne of output. */
    coefficient: Float64Array;
}

/** A plant's stock of one input material (it also holds materials no recipe uses). */
export interface Buffers {
    plant: Int32Array;
    material: Int32Array;
}

export interface Consumers {
    names: string[];
    region: Int32Array;
    priority: Uint8Array;
    /** Currency of the loss, null when the consumer has no `loss`. */
    currency: (string | null)[];
    /** Money per tonne of unmet need. */
    lossPerTonne: Float64Array;
    /** Consumer-material slots of each consumer: [cmStart[c], cmStart[c+1]). */
    cmStart: Int32Array;
}

/** One material one consumer needs (or receives). */
export interface ConsumerMaterials {
    consumer: Int32Array;
    material: Int32Array;
    /** Tonnes per period before shocks and measures. */
    baseNeed: Float64Array;
    /** Initial own stock, tonnes; refills up to this level. */
    initialStock: Float64Array;
    /** Lines arriving here (regular and switch lines): [inStart[s], inStart[s+1]) into `inLines`. */
    inStart: Int32Array;
    inLines: Int32Array;
}

export interface Reserves {
    names: string[];
    region: Int32Array;
    /** Release cap in tonnes per period (per material); Infinity when there is none. */
    releaseCap: Float64Array;
    /** Reserve-material slots: [rmStart[r], rmStart[r+1]). */
    rmStart: Int32Array;
}

export interface ReserveMaterials {
    reserve: Int32Array;
    material: Int32Array;
    initialStock: Float64Array;
    /** Consumer-material slots served by default: [servedStart[s], servedStart[s+1]) into `served`. */
    servedStart: Int32Array;
    served: Int32Array;
    /** Σ base need per day of the served consumers (for cover in days). */
    servedDailyNeed: Float64Array;
    /** Lines arriving here (purchases): [inStart[s], inStart[s+1]) into `inLines`. */
    inStart: Int32Array;
    inLines: Int32Array;
}

/**
 * Flow lines: one per material of a flow (`flow A -> B { REE ..., NdPr ... }` is two lines), then
 * the virtual lines of `switch` measures (consumer drawing on a qualified supplier), which carry
 * no contracted volume but are matched by embargoes and counted as arrivals like any line.
 */
export interface Lines {
    /** Real lines are [0, realCount); switch lines [realCount, count). */
    realCount: number;
    count: number;
    producer: Int32Array;
    /** Outlet shipping this line, or -1 when the source does not make the material. */
    outlet: Int32Array;
    material: Int32Array;
    /** Contracted tonnes per period. */
    volume: Float64Array;
    leadDays: Float64Array;
    destKind: Uint8Array;
    /** Plant, consumer or reserve index. */
    destNode: Int32Array;
    /** Buffer, consumer-material or reserve-material slot. */
    destSlot: Int32Array;
    priority: Uint8Array;
    /** The flow itself is `planned` (takes part only when added). */
    planned: Uint8Array;
    sourceRegion: Int32Array;
    destRegion: Int32Array;
    /** Flow name (declared or `Source->Dest`), for messages and details. */
    flowName: string[];
}

export interface Window {
    /** First active period (may be negative: started before the horizon). */
    fromPeriod: number;
    /** First inactive period (exclusive end); a large number when open-ended. */
    toPeriod: number;
    /** Periods over which percentages phase in; 0 for none. */
    rampPeriods: number;
}

export type LoweredEffect =
    | { kind: 'embargo'; lines: Int32Array; cut: number }
    | { kind: 'outage'; outlets: Int32Array; cut: number }
    | { kind: 'demand'; slots: Int32Array; change: number }
    | { kind: 'delay'; lines: Int32Array; extraDays: number }
    | { kind: 'release'; reserve: number; cap: number; rmSlots: Int32Array; servedStart: Int32Array; served: Int32Array }
    /**
     * `lines` holds, for each consumer-material slot in `slots`, one switch line per qualified
     * supplier in the listed order (-1 where that supplier does not make the material).
     */
    /**
     * A consumer (plant -1; slots are its consumer-material slots) or a plant (consumer -1;
     * slots are its input buffers) re-sourcing on suppliers; lines[slot index * suppliers + k].
     */
    | { kind: 'switch'; consumer: number; plant: number; delayPeriods: number; slots: Int32Array; suppliers: number; lines: Int32Array }
    | { kind: 'recycle'; slots: Int32Array; share: number }
    | { kind: 'substitute'; slots: Int32Array; share: number }
    | { kind: 'add'; producers: Int32Array; lines: Int32Array };

/** One `cost` clause of a measure, in its currency: once when first active, or per day while active. */
export interface MeasureCost {
    currency: string;
    oneOff: number;
    perDay: number;
}

/** A shock or a measure: effects sharing one timing. */
export interface LoweredEvent {
    name: string;
    isShock: boolean;
    window: Window;
    effects: LoweredEffect[];
    /** A measure's `cost` clauses (none for shocks). */
    costs: MeasureCost[];
}

export interface LoweredScenario {
    name: string;
    /** 0-1 (a range's midpoint), or null. */
    probability: number | null;
    /** Indices into `events`, in the order the scenario lists them. */
    events: number[];
}

/** A region, or a bloc's member regions: a subject of region metrics. */
export interface Place {
    name: string;
    regions: Int32Array;
    /** True when it is a single region (listed under `regions` in results). */
    isRegion: boolean;
}

export type MetricKind = 'dependency' | 'hhi' | 'cover' | 'unmet' | 'fill' | 'loss';

export type Subject = { kind: 'consumer'; index: number } | { kind: 'place'; index: number } | { kind: 'reserve'; index: number } | { kind: 'all' };

export interface LoweredCondition {
    metric: MetricKind;
    /** `max` / `min`: the extreme of the per-period values up to `by` (metrics-v2 §1), or null. */
    extreme: 'max' | 'min' | null;
    /** `embedded dependency`: shares traced through plants to the origin of their inputs. */
    embedded: boolean;
    subject: Subject;
    /** Region ids of the origin (`dependency ... on R`); empty otherwise. */
    origin: Int32Array;
    originName: string | null;
    /** Material index, or -1 for all. */
    material: number;
    op: '<=' | '<' | '>=' | '>';
    /** Shares as 0-1, days, tonnes, hhi points, or money. */
    threshold: number;
    /** Currency of a `loss` threshold, when written. */
    currency: string | null;
    /** Period containing the `by` date, or -1. */
    byPeriod: number;
    /** Scenario names it is judged in (`baseline` included), or null for all. */
    scenarios: string[] | null;
    /** The condition as written, for tables and hovers. */
    text: string;
}

export interface LoweredTarget {
    name: string;
    conditions: LoweredCondition[];
}

export interface LoweredModel {
    calendar: Calendar;
    materialNames: string[];
    materialStages: string[];
    regionNames: string[];
    /** Region ids that can be an origin (host a producer), and region id -> origin slot (or -1). */
    originRegions: Int32Array;
    originSlotOfRegion: Int32Array;
    producers: Producers;
    outlets: Outlets;
    inputs: Inputs;
    buffers: Buffers;
    /** Lines into each plant: [plantInStart[p], plantInStart[p+1]) into plantInLines (p: producer index). */
    plantInStart: Int32Array;
    plantInLines: Int32Array;
    /** Plants in processing order: upstream before downstream. */
    plantOrder: Int32Array;
    consumers: Consumers;
    cms: ConsumerMaterials;
    reserves: Reserves;
    rms: ReserveMaterials;
    lines: Lines;
    events: LoweredEvent[];
    scenarios: LoweredScenario[];
    places: Place[];
    targets: LoweredTarget[];
    /** Longest lead a shipment can take, in periods (with every delay applied). */
    maxLeadPeriods: number;
    /** Every currency the model prices losses or costs in: consumers' first, then measures'. */
    currencies: string[];
}
