/**
 * Every array one scenario run writes, allocated once per model and reset per scenario, so
 * the period loop allocates nothing. Series are [slot * periods + t]. Engine code calls it
 * `ws`, the run's working state.
 */
import type { LoweredModel } from '../lowering/model.js';
import { OriginSets } from './origins.js';

export class RunState {
    readonly periods: number;
    /** In-transit shipments by arrival period: [(period % ringSize) * realLines + line]. */
    readonly ringSize: number;
    /** Origin regions tracked for embedded dependency (R'). */
    readonly origins: number;
    /** Each plant's upstream origin regions, and where its mixes live. */
    readonly originSets: OriginSets;
    /**
     * Whether the run keeps what only results read: origin mixes, per-line arrivals per period
     * and the embedded snapshots. Runs read as summaries (sweeps, no-effect) do without: the
     * engine's decisions never read them, so every tonne is the same (engine.ts, `EngineOptions`).
     */
    readonly tracksOrigins: boolean;

    // lines
    readonly nominal: Float64Array;
    readonly cut: Float64Array;
    readonly request: Float64Array;
    readonly extraLeadDays: Float64Array;
    readonly leadPeriods: Int32Array;
    readonly arrive: Float64Array;
    readonly ring: Float64Array;
    readonly lineAdded: Uint8Array;

    // producers and outlets
    readonly producerAdded: Uint8Array;
    readonly outage: Float64Array;
    readonly spare: Float64Array;
    /** Origin shares (sum 1, over its plant's origin set) of what each plant outlet makes now. */
    readonly outletMix: Float64Array;
    readonly shippedTotal: Float64Array;
    readonly outletShipped: Float64Array;
    /** Per outlet and period: what it could make (capacity × availability × outage), what was ordered, what it made. */
    readonly sOutletCapacity: Float64Array;
    readonly sOutletOrdered: Float64Array;
    readonly sOutletProduced: Float64Array;
    /** Per outlet and period: the input buffer that limited output below capacity and orders, or -1. */
    readonly sOutletStarvedBy: Int32Array;

    // plant buffers
    readonly buffer: Float64Array;
    /** Tonnes by origin (over its plant's origin set) in each buffer, times 1 / bufferScale (scaled lazily as inputs are used). */
    readonly bufferMix: Float64Array;
    readonly bufferScale: Float64Array;
    readonly receivedTotal: Float64Array;
    readonly usedTotal: Float64Array;

    // consumer-material slots
    readonly demand: Float64Array;
    readonly recycle: Float64Array;
    readonly substitute: Float64Array;
    readonly stock: Float64Array;
    readonly remaining: Float64Array;
    /** Volume cut from a slot's flows this period, still to be drawn by switches. */
    readonly switchWanted: Float64Array;
    readonly sNeed: Float64Array;
    readonly sRecycled: Float64Array;
    readonly sArrivals: Float64Array;
    readonly sDelivered: Float64Array;
    readonly sDrawn: Float64Array;
    readonly sRefill: Float64Array;
    readonly sExcess: Float64Array;
    readonly sReleased: Float64Array;
    readonly sUnmet: Float64Array;
    readonly sStock: Float64Array;
    readonly sTopOrigin: Float64Array;
    /** Region whose arrivals `sTopOrigin` follows (the first period's top origin), or -1. */
    readonly topRegion: Int32Array;
    /** Embedded arrivals by origin at the first and the last period: [(k * cms + slot) * origins + o]. */
    readonly embeddedSnap: Float64Array;

    // reserve-material slots
    readonly rmStock: Float64Array;
    readonly sRmStock: Float64Array;
    readonly sRmReleased: Float64Array;
    readonly sRmPurchased: Float64Array;
    /** Per period: tonnes asked of the slot beyond its release cap while it had them, and the cap in force. */
    readonly sRmCapAsked: Float64Array;
    readonly sRmCap: Float64Array;
    /** Day number on which the slot first ran dry, or -1. */
    readonly rmDryDay: Float64Array;
    /** Active `release` effect overriding a reserve (index into `releaseEffects`), or -1. */
    readonly releaseOverride: Int32Array;

    // consumers
    /** First period with a contract shortfall on the consumer's flows (its switch delay counts from it), or -1. */
    readonly firstCut: Int32Array;
    /** Per consumer and period: its contract shortfall (metrics-v2 §4), for switchers only. */
    readonly sShortfall: Float64Array;
    /** Per line: tonnes shipped this period; for lines from plants, the previous period's shortfall. */
    readonly lineShipped: Float64Array;
    readonly plantLineShort: Float64Array;
    /** For plants that switch: the contract shortfall of each input buffer this period, and each plant's first period with one. */
    readonly bufferWanted: Float64Array;
    readonly plantFirstCut: Int32Array;
    /** Per producer and period: a switching plant's contract shortfall (metrics-v2 §4), for the explanations. */
    readonly sPlantShortfall: Float64Array;

    /** Periods whose per-line arrivals are kept (all of them). */
    readonly snapshotPeriods: number[];
    readonly snapshotOf: Int32Array;
    readonly lineSnap: Float64Array;
    /** Each outlet's origin mix after the plant step of each period: [t * outletMixLength + offset]. */
    readonly outletMixSnap: Float64Array;

    constructor(
        readonly model: LoweredModel,
        tracksOrigins = true
    ) {
        const { lines, outlets, buffers, cms, rms, consumers, reserves, calendar } = model;
        this.tracksOrigins = tracksOrigins;
        // Without origins these arrays are empty: nothing writes them, and snapshots copy nothing.
        const kept = (length: number) => new Float64Array(tracksOrigins ? length : 0);
        const T = calendar.periods;
        this.periods = T;
        this.ringSize = model.maxLeadPeriods + 1;
        this.origins = model.originRegions.length;
        const R = this.origins;
        this.originSets = new OriginSets(model);

        this.nominal = new Float64Array(lines.count);
        this.cut = new Float64Array(lines.count);
        this.request = new Float64Array(lines.count);
        this.extraLeadDays = new Float64Array(lines.count);
        this.leadPeriods = new Int32Array(lines.count);
        this.arrive = new Float64Array(lines.count);
        this.ring = new Float64Array(lines.realCount * this.ringSize);
        this.lineAdded = new Uint8Array(lines.count);

        const producerCount = model.producers.names.length;
        this.producerAdded = new Uint8Array(producerCount);
        this.outage = new Float64Array(outlets.producer.length);
        this.spare = new Float64Array(outlets.producer.length);
        this.outletMix = kept(this.originSets.outletMixLength);
        this.shippedTotal = new Float64Array(outlets.producer.length);
        this.outletShipped = new Float64Array(outlets.producer.length);
        this.sOutletCapacity = new Float64Array(outlets.producer.length * T);
        this.sOutletOrdered = new Float64Array(outlets.producer.length * T);
        this.sOutletProduced = new Float64Array(outlets.producer.length * T);
        this.sOutletStarvedBy = new Int32Array(outlets.producer.length * T);

        this.buffer = new Float64Array(buffers.plant.length);
        this.bufferMix = kept(this.originSets.bufferMixLength);
        this.bufferScale = kept(buffers.plant.length);
        this.receivedTotal = new Float64Array(buffers.plant.length);
        this.usedTotal = new Float64Array(buffers.plant.length);

        const C = cms.consumer.length;
        this.demand = new Float64Array(C);
        this.recycle = new Float64Array(C);
        this.substitute = new Float64Array(C);
        this.stock = new Float64Array(C);
        this.remaining = new Float64Array(C);
        this.switchWanted = new Float64Array(C);
        const series = () => new Float64Array(C * T);
        this.sNeed = series();
        this.sRecycled = series();
        this.sArrivals = series();
        this.sDelivered = series();
        this.sDrawn = series();
        this.sRefill = series();
        this.sExcess = series();
        this.sReleased = series();
        this.sUnmet = series();
        this.sStock = series();
        this.sTopOrigin = series();
        this.topRegion = new Int32Array(C);
        this.embeddedSnap = kept(2 * C * R);

        const M = rms.reserve.length;
        this.rmStock = new Float64Array(M);
        this.sRmStock = new Float64Array(M * T);
        this.sRmReleased = new Float64Array(M * T);
        this.sRmPurchased = new Float64Array(M * T);
        this.sRmCapAsked = new Float64Array(M * T);
        this.sRmCap = new Float64Array(M * T);
        this.rmDryDay = new Float64Array(M);
        this.releaseOverride = new Int32Array(reserves.names.length);
        this.firstCut = new Int32Array(consumers.names.length);
        this.sShortfall = new Float64Array(consumers.names.length * T);
        this.lineShipped = new Float64Array(lines.count);
        this.plantLineShort = new Float64Array(lines.count);
        this.bufferWanted = new Float64Array(buffers.plant.length);
        this.plantFirstCut = new Int32Array(model.producers.names.length);
        this.sPlantShortfall = new Float64Array(model.producers.names.length * T);

        // Every period: per-period series and targets (max/min) read any of them (metrics-v2 §1).
        this.snapshotPeriods = Array.from({ length: T }, (_, t) => t);
        this.snapshotOf = Int32Array.from(this.snapshotPeriods);
        this.lineSnap = kept(this.snapshotPeriods.length * lines.count);
        this.outletMixSnap = kept(T * this.originSets.outletMixLength);
    }

    /** Back to the state before period 0 (the pipeline is filled separately). */
    reset(): void {
        const { cms, rms } = this.model;
        this.ring.fill(0);
        this.arrive.fill(0);
        this.outletMix.fill(0);
        this.buffer.fill(0);
        this.bufferMix.fill(0);
        this.bufferScale.fill(1);
        this.receivedTotal.fill(0);
        this.usedTotal.fill(0);
        this.shippedTotal.fill(0);
        this.stock.set(cms.initialStock);
        this.rmStock.set(rms.initialStock);
        this.rmDryDay.fill(-1);
        this.topRegion.fill(-1);
        this.sTopOrigin.fill(0);
        this.embeddedSnap.fill(0);
        this.firstCut.fill(-1);
        this.sShortfall.fill(0);
        this.lineShipped.fill(0);
        this.plantLineShort.fill(0);
        this.bufferWanted.fill(0);
        // Read only after a switch's tracking wrote it; reset so that a run's state never depends on the run before.
        this.switchWanted.fill(0);
        this.plantFirstCut.fill(-1);
        this.sPlantShortfall.fill(0);
    }
}
