/**
 * Criticality: which supplier, plant or flow hurts most when it is lost. Each node that is not
 * `planned` gets a 100% outage from the horizon's first period for the outage's length, and
 * once more for good; the runs say how much goes unmet, what it costs, who is hit and how long
 * the network survives (the smallest time to survive over consumers). Pure: the outages are
 * events appended to the lowered model, so one engine runs them all.
 */
import { addMonths, fromDayNumber, toDayNumber } from '../values/dates.js';
import { DAYS_PER_MONTH, days } from '../values/quantities.js';
import { DEST_PLANT, NO_PERIOD_AFTER, type LoweredEvent, type LoweredModel } from '../lowering/model.js';
import type { Money } from './costs.js';
import type { RunSummary } from './summary.js';

export type NodeKind = 'supplier' | 'plant' | 'flow';

export interface RankedNode {
    name: string;
    kind: NodeKind;
    unmet: number;
    loss: Money;
    consumersHit: string[];
    ttsDays: number | null;
    ttsForeverDays: number | null;
}

export interface Ranking {
    scenario: string;
    outage: string;
    nodes: RankedNode[];
}

/** A node to take out: a producer's outlets, or the lines of every flow between one pair. */
export interface RankCandidate {
    name: string;
    kind: NodeKind;
    outlets: number[];
    lines: number[];
}

/** A duration as the language writes it: `3 months`, `1 month`, `90 days`, `2 weeks`, `1 year`. */
export function parseDuration(text: string): { value: number; unit: string } | undefined {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(day|days|week|weeks|month|months|year|years)\s*$/.exec(text);
    if (!match) return undefined;
    const value = Number(match[1]);
    return value > 0 && Number.isFinite(value) ? { value, unit: match[2] } : undefined;
}

/** The first period not covered by an outage of `duration` from the horizon's first day (calendar months as in the language). */
export function outageEndPeriod(model: LoweredModel, duration: { value: number; unit: string }): number {
    const { periodStart, periods } = model.calendar;
    const start = periodStart[0];
    const months = duration.unit.startsWith('month') ? duration.value : duration.unit.startsWith('year') ? duration.value * 12 : undefined;
    let end: number;
    if (months !== undefined) {
        const whole = Math.floor(months);
        end = toDayNumber(addMonths(fromDayNumber(start), whole)) + Math.round((months - whole) * DAYS_PER_MONTH);
    } else {
        end = start + Math.round(days(duration.value, duration.unit));
    }
    for (let k = 0; k < periods; k++) if (periodStart[k] >= end) return k;
    return periods;
}

/** Suppliers and plants that are not planned, then flows between pairs of not-planned ends, in declaration order. */
export function rankCandidates(model: LoweredModel): RankCandidate[] {
    const { producers, lines } = model;
    const candidates: RankCandidate[] = [];
    producers.names.forEach((name, p) => {
        if (producers.planned[p]) return;
        const outlets: number[] = [];
        for (let o = producers.outletStart[p]; o < producers.outletStart[p + 1]; o++) outlets.push(o);
        candidates.push({ name, kind: producers.isPlant[p] ? 'plant' : 'supplier', outlets, lines: [] });
    });
    const flows = new Map<string, RankCandidate>();
    for (let l = 0; l < lines.realCount; l++) {
        const source = lines.producer[l],
            dest = lines.destNode[l];
        if (lines.planned[l] || producers.planned[source] || (lines.destKind[l] === DEST_PLANT && producers.planned[dest])) continue;
        const name = `${producers.names[source]} -> ${destinationName(model, l)}`;
        let flow = flows.get(name);
        if (!flow) {
            flow = { name, kind: 'flow', outlets: [], lines: [] };
            flows.set(name, flow);
            candidates.push(flow);
        }
        flow.lines.push(l);
    }
    return candidates;
}

function destinationName(model: LoweredModel, line: number): string {
    const { lines } = model;
    const node = lines.destNode[line];
    switch (lines.destKind[line]) {
        case DEST_PLANT:
            return model.producers.names[node];
        case 1:
            return model.consumers.names[node];
        default:
            return model.reserves.names[node];
    }
}

/**
 * The model with two outage events per candidate appended (for the outage, then for good),
 * and the event lists to run: the scenario alone first, then each candidate's two.
 */
export function planRanking(
    model: LoweredModel,
    scenarioEvents: number[],
    endPeriod: number,
    candidates: RankCandidate[]
): { model: LoweredModel; runs: number[][] } {
    const events: LoweredEvent[] = [...model.events];
    const runs: number[][] = [scenarioEvents];
    for (const candidate of candidates) {
        for (const toPeriod of [endPeriod, NO_PERIOD_AFTER]) {
            const effect =
                candidate.kind === 'flow'
                    ? { kind: 'embargo' as const, lines: Int32Array.from(candidate.lines), cut: 1 }
                    : { kind: 'outage' as const, outlets: Int32Array.from(candidate.outlets), cut: 1 };
            runs.push([...scenarioEvents, events.length]);
            events.push({
                name: `outage of ${candidate.name}`,
                isShock: true,
                window: { fromPeriod: 0, toPeriod, rampPeriods: 0 },
                effects: [effect],
                costs: []
            });
        }
    }
    return { model: { ...model, events }, runs };
}

/** The ranking from the runs of `planRanking`, sorted by loss (in `currency`), then unmet, then name. */
export function rankingFrom(model: LoweredModel, candidates: RankCandidate[], summaries: RunSummary[], scenario: string, outage: string): Ranking {
    return { scenario, outage, nodes: sortRanked(rankedNodes(model, candidates, summaries), rankCurrency(model)) };
}

/**
 * Each candidate's figures, in candidate order, from `summaries`: the scenario alone first,
 * then each candidate's two runs (as `planRanking` lists them, or a range of them).
 */
export function rankedNodes(model: LoweredModel, candidates: RankCandidate[], summaries: RunSummary[]): RankedNode[] {
    const base = summaries[0];
    return candidates.map((candidate, i): RankedNode => {
        const run = summaries[1 + 2 * i],
            forever = summaries[2 + 2 * i];
        const consumersHit = model.consumers.names.filter((_, c) => run.consumerUnmet[c] > base.consumerUnmet[c] + 1e-6);
        return {
            name: candidate.name,
            kind: candidate.kind,
            unmet: run.unmet,
            loss: run.loss,
            consumersHit,
            ttsDays: run.ttsDays,
            ttsForeverDays: forever.ttsDays
        };
    });
}

/** Most critical first: by loss in `currency`, then unmet, then name (stable, so shards merge to the same order). */
export function sortRanked(nodes: RankedNode[], currency: string | null): RankedNode[] {
    return nodes.sort((a, b) => {
        const byLoss = currency ? (b.loss[currency] ?? 0) - (a.loss[currency] ?? 0) : 0;
        if (byLoss !== 0) return byLoss;
        if (b.unmet !== a.unmet) return b.unmet - a.unmet;
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
}

/** The currency of the file's first declared loss price (null when no consumer has one). */
export function rankCurrency(model: LoweredModel): string | null {
    return model.consumers.currency.find((c): c is string => c !== null) ?? null;
}
