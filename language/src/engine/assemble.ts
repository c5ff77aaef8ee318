/**
 * Turns one scenario run (the workspace's arrays) into plain results, keyed by names in
 * declaration order. Numbers are rounded (metrics.ts) and always finite.
 */
import { isoDate } from '../values/dates.js';
import type { LoweredModel } from '../lowering/model.js';
import { coverDays, hhi, originTotals, r2, r3, r6, seriesOf, sharesByName, slotsOf, sumSeries } from './metrics.js';
import type { ModelIndex } from './model-index.js';
import type { ConsumerMaterialResult, ConsumerResult, RegionResult, ReserveMaterialResult, ReserveResult, ScenarioResult } from './results.js';
import { plantResults } from './plant-results.js';
import { regionCoverAt, shareSeriesOf } from './series.js';
import type { RunState } from './run-state.js';
import { arrivalsByLine, type ArrivalsByLine } from './arrivals-by-line.js';

export function assembleScenario(
    model: LoweredModel,
    ws: RunState,
    index: ModelIndex,
    name: string,
    probability: number | null,
    shockStartPeriod: number | null
): ScenarioResult {
    const { calendar } = model;
    const consumers: Record<string, ConsumerResult> = {};
    const totals = { need: 0, unmet: 0, loss: {} as Record<string, number> };
    const byLine = arrivalsByLine(model, ws);
    model.consumers.names.forEach((consumerName, c) => {
        const result = consumerResult(model, ws, index, byLine, c, shockStartPeriod);
        consumers[consumerName] = result;
        for (const m of Object.values(result.materials)) {
            totals.need += m.need;
            totals.unmet += m.unmet;
        }
        for (const [currency, value] of Object.entries(result.loss)) totals.loss[currency] = (totals.loss[currency] ?? 0) + value;
    });
    totals.need = r6(totals.need);
    totals.unmet = r6(totals.unmet);
    for (const currency of Object.keys(totals.loss)) totals.loss[currency] = r2(totals.loss[currency]);

    const reserves: Record<string, ReserveResult> = {};
    model.reserves.names.forEach((reserveName, r) => {
        reserves[reserveName] = reserveResult(model, ws, r);
    });

    const regions: Record<string, RegionResult> = {};
    model.places.forEach((place, p) => {
        if (place.isRegion) regions[place.name] = regionResult(model, ws, index, byLine, p);
    });

    return {
        name,
        probability: probability === null ? null : r6(probability),
        consumers,
        reserves,
        targets: {},
        totals,
        regions,
        plants: plantResults(model, ws, index),
        shockStart: shockStartPeriod === null ? null : isoDate(calendar.periodStart[shockStartPeriod])
    };
}

function consumerResult(
    model: LoweredModel,
    ws: RunState,
    index: ModelIndex,
    byLine: ArrivalsByLine,
    c: number,
    shockStartPeriod: number | null
): ConsumerResult {
    const { consumers, cms, materialNames } = model;
    const T = ws.periods;
    const lines = index.consumerLines[c];
    const first = originTotals(model, ws, lines, ws.snapshotOf[0]);
    const last = originTotals(model, ws, lines, ws.snapshotOf[T - 1]);
    const materials: Record<string, ConsumerMaterialResult> = {};
    const slots = slotsOf(model, [c]);
    for (const s of slots) {
        const result = materialResult(model, ws, index, s, shockStartPeriod);
        materials[materialNames[cms.material[s]]] = result;
    }
    const currency = consumers.currency[c];
    const loss: Record<string, number> = {};
    if (currency) loss[currency] = r2(sumSeries(ws.sUnmet, slots, T) * consumers.lossPerTonne[c]);
    const cover = coverDays(model, ws, index, slots, -1);
    return {
        dependency: sharesByName(model, first),
        dependencyEnd: sharesByName(model, last),
        embeddedDependency: embeddedShares(model, ws, slots, 0),
        embeddedDependencyEnd: embeddedShares(model, ws, slots, 1),
        hhi: r2(hhi(first)),
        hhiEnd: r2(hhi(last)),
        coverDays: cover === null ? null : r3(cover),
        materials,
        loss,
        series: shareSeriesOf(model, ws, byLine, lines, t => coverDays(model, ws, index, slots, t))
    };
}

function embeddedShares(model: LoweredModel, ws: RunState, slots: number[], k: number): Record<string, number> {
    const R = ws.origins,
        C = model.cms.consumer.length;
    const totals = new Map<number, number>();
    for (const s of slots) {
        for (let j = 0; j < R; j++) {
            const a = ws.embeddedSnap[(k * C + s) * R + j];
            if (a > 0) totals.set(model.originRegions[j], (totals.get(model.originRegions[j]) ?? 0) + a);
        }
    }
    return sharesByName(model, totals);
}

function materialResult(model: LoweredModel, ws: RunState, index: ModelIndex, s: number, shockStartPeriod: number | null): ConsumerMaterialResult {
    const { calendar } = model;
    const T = ws.periods;
    const at = s * T;
    // One pass for every total and the first and last period with unmet need.
    let need = 0,
        recycled = 0,
        arrivals = 0,
        delivered = 0,
        refill = 0,
        excess = 0,
        drawn = 0,
        released = 0,
        unmet = 0;
    let firstUnmet = -1,
        lastUnmet = -1;
    for (let i = at; i < at + T; i++) {
        need += ws.sNeed[i];
        recycled += ws.sRecycled[i];
        arrivals += ws.sArrivals[i];
        delivered += ws.sDelivered[i];
        refill += ws.sRefill[i];
        excess += ws.sExcess[i];
        drawn += ws.sDrawn[i];
        released += ws.sReleased[i];
        if (ws.sUnmet[i] > 0) {
            unmet += ws.sUnmet[i];
            if (firstUnmet < 0) firstUnmet = i - at;
            lastUnmet = i - at;
        }
    }
    let firstStockout: string | null = null;
    let ttsDays: number | null = null;
    if (firstUnmet >= 0) {
        // Arrivals come at an even rate; stocks fill the gap until they run out.
        const i = at + firstUnmet;
        const gap = ws.sNeed[i] - ws.sRecycled[i] - ws.sDelivered[i];
        const f = gap > 0 ? Math.min(1, Math.max(0, (ws.sDrawn[i] + ws.sReleased[i]) / gap)) : 0;
        const start = calendar.periodStart[firstUnmet];
        firstStockout = isoDate(start + Math.floor(f * (calendar.periodStart[firstUnmet + 1] - start)));
        if (shockStartPeriod !== null) {
            ttsDays = firstUnmet < shockStartPeriod ? 0 : r3((firstUnmet - shockStartPeriod + f) * calendar.periodDays);
        }
    }
    const cover = coverDays(model, ws, index, [s], -1);
    const series = (source: Float64Array) => seriesOf(source, at, T);
    const coverSeries = new Float64Array(T);
    const reserveSeries = new Float64Array(T);
    const shares = index.reserveShares[s];
    const base = model.cms.baseNeed[s];
    for (let t = 0; t < T; t++) {
        let reserve = 0;
        for (let k = 0; k < shares.length; k++) reserve += shares[k].share * ws.sRmStock[shares[k].rm * T + t];
        reserveSeries[t] = r3(reserve);
        const daily = (ws.sNeed[at + t] > 0 ? ws.sNeed[at + t] : base) / calendar.periodDays;
        coverSeries[t] = daily > 0 ? r3((ws.sStock[at + t] + reserve) / daily) : 0;
    }
    return {
        need: r6(need),
        recycled: r6(recycled),
        arrivals: r6(arrivals),
        delivered: r6(delivered),
        refill: r6(refill),
        excess: r6(excess),
        drawn: r6(drawn),
        released: r6(released),
        unmet: r6(unmet),
        fill: need > 0 ? r6(1 - unmet / need) : 1,
        firstStockout,
        ttsDays,
        recovery: lastUnmet >= 0 && lastUnmet < T - 1 ? isoDate(calendar.periodStart[lastUnmet + 1]) : null,
        coverDays: cover === null ? null : r3(cover),
        series: {
            need: series(ws.sNeed),
            recycled: series(ws.sRecycled),
            arrivals: series(ws.sArrivals),
            delivered: series(ws.sDelivered),
            refill: series(ws.sRefill),
            excess: series(ws.sExcess),
            drawn: series(ws.sDrawn),
            released: series(ws.sReleased),
            unmet: series(ws.sUnmet),
            stock: series(ws.sStock),
            reserveStock: reserveSeries,
            coverDays: coverSeries,
            topOriginShare: series(ws.sTopOrigin)
        }
    };
}

function reserveResult(model: LoweredModel, ws: RunState, r: number): ReserveResult {
    const { reserves, rms, materialNames } = model;
    const T = ws.periods;
    const materials: Record<string, ReserveMaterialResult> = {};
    for (let s = reserves.rmStart[r]; s < reserves.rmStart[r + 1]; s++) {
        const at = s * T;
        const series = (source: Float64Array) => seriesOf(source, at, T);
        const daily = rms.servedDailyNeed[s];
        materials[materialNames[rms.material[s]]] = {
            initial: r6(rms.initialStock[s]),
            final: r6(ws.sRmStock[at + T - 1]),
            coverDays: daily > 0 ? r3(rms.initialStock[s] / daily) : null,
            released: r6(sumSeries(ws.sRmReleased, [s], T)),
            purchased: r6(sumSeries(ws.sRmPurchased, [s], T)),
            dryOn: ws.rmDryDay[s] >= 0 ? isoDate(ws.rmDryDay[s]) : null,
            ...lowestAndCap(model, ws, s),
            stock: series(ws.sRmStock),
            releases: series(ws.sRmReleased),
            purchases: series(ws.sRmPurchased)
        };
    }
    return { materials };
}

/** The lowest stock (first period on a tie) and the periods in which the release cap bound. */
function lowestAndCap(model: LoweredModel, ws: RunState, s: number): Pick<ReserveMaterialResult, 'lowest' | 'lowestAt' | 'capBinding'> {
    const T = ws.periods;
    const at = s * T;
    let lowest = 0;
    let first = -1,
        last = -1,
        periods = 0,
        asked = 0;
    for (let t = 0; t < T; t++) {
        if (ws.sRmStock[at + t] < ws.sRmStock[at + lowest]) lowest = t;
        if (ws.sRmCapAsked[at + t] > 0) {
            if (first < 0) first = t;
            last = t;
            periods++;
            asked += ws.sRmCapAsked[at + t];
        }
    }
    const date = (t: number) => isoDate(model.calendar.periodStart[t]);
    return {
        lowest: r6(ws.sRmStock[at + lowest]),
        lowestAt: date(lowest),
        capBinding: first < 0 ? null : { cap: r6(ws.sRmCap[at + first]), from: date(first), to: date(last), periods, askedAbove: r6(asked) }
    };
}

function regionResult(model: LoweredModel, ws: RunState, index: ModelIndex, byLine: ArrivalsByLine, p: number): RegionResult {
    const T = ws.periods;
    const imports = index.placeImports[p];
    const first = originTotals(model, ws, imports, ws.snapshotOf[0]);
    const last = originTotals(model, ws, imports, ws.snapshotOf[T - 1]);
    const consumers = index.placeConsumers[p];
    const slots = slotsOf(model, consumers);
    const need = sumSeries(ws.sNeed, slots, T),
        unmet = sumSeries(ws.sUnmet, slots, T);
    const loss: Record<string, number> = {};
    for (const c of consumers) {
        const currency = model.consumers.currency[c];
        if (!currency) continue;
        loss[currency] = (loss[currency] ?? 0) + sumSeries(ws.sUnmet, slotsOf(model, [c]), T) * model.consumers.lossPerTonne[c];
    }
    for (const currency of Object.keys(loss)) loss[currency] = r2(loss[currency]);
    const cover = coverDays(model, ws, index, slots, -1);
    return {
        dependency: sharesByName(model, first),
        dependencyEnd: sharesByName(model, last),
        hhi: r2(hhi(first)),
        hhiEnd: r2(hhi(last)),
        need: r6(need),
        delivered: r6(sumSeries(ws.sDelivered, slots, T)),
        released: r6(sumSeries(ws.sReleased, slots, T)),
        unmet: r6(unmet),
        fill: need > 0 ? r6(1 - unmet / need) : 1,
        coverDays: cover === null ? null : r3(cover),
        loss,
        series: shareSeriesOf(model, ws, byLine, imports, t => regionCoverAt(model, ws, p, slots, t))
    };
}
