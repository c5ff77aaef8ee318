/**
 * The few figures decisions need from one run (total unmet, loss per currency, the smallest
 * time to survive, unmet per consumer), read straight from the engine's workspace without
 * assembling series. The same arithmetic and rounding as `engine/assemble.ts`, so a
 * summary's totals equal the full results' `totals` (a test holds the two together).
 * Pure: no Langium, no I/O, so worker threads can run it.
 */
import { Engine } from '../engine/engine.js';
import { runFamilyOn, type RunFamily } from '../engine/run-family.js';
import { r2, r3, r6 } from '../engine/metrics.js';
import { shockStartPeriod, SimulationCancelled } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';

export interface RunSummary {
    /** Σ unmet tonnes over consumers and materials. */
    unmet: number;
    /** Loss per currency, every currency of the model listed (0 where nothing is lost). */
    loss: Record<string, number>;
    /** The smallest `ttsDays` over consumers and materials; null without a stockout after a shock. */
    ttsDays: number | null;
    /** Unmet tonnes of each consumer (index order), unrounded sums. */
    consumerUnmet: number[];
}

/** Runs event lists over one model, reusing one engine (the lowering and the pipeline prefill). */
export class SummaryRunner {
    private readonly engine: Engine;

    constructor(readonly model: LoweredModel) {
        // Summaries read tonnes only: no origin bookkeeping.
        this.engine = new Engine(model, { origins: false });
    }

    /** Runs the events (indices into the model's events, in the order they apply). */
    run(events: number[], shouldCancel?: () => boolean): RunSummary {
        const { engine, model } = this;
        engine.begin(events);
        for (let t = 0; t < model.calendar.periods; t++) {
            engine.step(t);
            if (shouldCancel?.()) throw new SimulationCancelled();
        }
        return summarize(model, engine, shockStartPeriod(model, events));
    }

    /** A family's runs (run-families.ts), in order, each family's shared periods run once. */
    runFamily(family: RunFamily, shouldCancel?: () => boolean): RunSummary[] {
        const { engine, model } = this;
        const summaries: RunSummary[] = [];
        const check = shouldCancel
            ? () => {
                  if (shouldCancel()) throw new SimulationCancelled();
              }
            : undefined;
        runFamilyOn(engine, family, i => summaries.push(summarize(model, engine, shockStartPeriod(model, family.runs[i]))), check);
        return summaries;
    }
}

function summarize(model: LoweredModel, engine: Engine, shockStart: number | null): RunSummary {
    const { ws } = engine;
    const { consumers, calendar } = model;
    const T = ws.periods;
    const loss: Record<string, number> = {};
    for (const currency of model.currencies) loss[currency] = 0;
    let unmet = 0;
    let ttsDays: number | null = null;
    const consumerUnmet: number[] = [];
    for (let c = 0; c < consumers.names.length; c++) {
        let consumerTotal = 0;
        for (let s = consumers.cmStart[c]; s < consumers.cmStart[c + 1]; s++) {
            const at = s * T;
            let slotUnmet = 0,
                firstUnmet = -1;
            for (let i = at; i < at + T; i++) {
                if (ws.sUnmet[i] > 0) {
                    slotUnmet += ws.sUnmet[i];
                    if (firstUnmet < 0) firstUnmet = i - at;
                }
            }
            unmet += r6(slotUnmet);
            consumerTotal += slotUnmet;
            if (firstUnmet >= 0 && shockStart !== null) {
                const i = at + firstUnmet;
                const gap = ws.sNeed[i] - ws.sRecycled[i] - ws.sDelivered[i];
                const f = gap > 0 ? Math.min(1, Math.max(0, (ws.sDrawn[i] + ws.sReleased[i]) / gap)) : 0;
                const tts = firstUnmet < shockStart ? 0 : r3((firstUnmet - shockStart + f) * calendar.periodDays);
                if (ttsDays === null || tts < ttsDays) ttsDays = tts;
            }
        }
        consumerUnmet.push(consumerTotal);
        const currency = consumers.currency[c];
        if (currency) {
            // As assemble.ts: the consumer's loss is its series' sum × the price, rounded.
            let sum = 0;
            for (let s = consumers.cmStart[c]; s < consumers.cmStart[c + 1]; s++) for (let t = 0; t < T; t++) sum += ws.sUnmet[s * T + t];
            loss[currency] += r2(sum * consumers.lossPerTonne[c]);
        }
    }
    for (const currency of Object.keys(loss)) loss[currency] = r2(loss[currency]);
    return { unmet: r6(unmet), loss, ttsDays, consumerUnmet };
}
