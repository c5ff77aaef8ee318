/**
 * The figures the v2 lenses and hovers tell (metrics-v2 §2), read from results: a series'
 * start, worst period and end; the scenario a consumer's lens shows; a consumer's, plant's
 * and reserve's segments with the baseline's value beside where it differs. Every number is
 * formatted by display.ts.
 */
import type { ConsumerResult, PlantResult, ReserveMaterialResult, ScenarioResult, SimulationResult } from '../../../language/src/index.js';
import { daysText, hhiText, quantityNumber, shareText, tonnesText } from '../../../language/src/index.js';
import { baseScenario, versusNumber, versusWas, type Versus } from './versus.js';

/** Start, extreme (first period where it occurs) and end of a per-period series, skipping periods without a value. */
export interface Arc {
    start: number;
    worst: number;
    worstAt: number;
    end: number;
}

export function arcOf(values: ArrayLike<number | null>, worse: 'max' | 'min' | 'farthest'): Arc | undefined {
    if (worse === 'farthest') {
        // The extreme farthest from the start, the largest on a tie: a curb shows its top origin
        // falling to 0, a concentration its peak.
        const high = arcOf(values, 'max'),
            low = arcOf(values, 'min');
        if (!high || !low) return undefined;
        return low.start - low.worst > high.worst - high.start + 1e-12 ? low : high;
    }
    let arc: Arc | undefined;
    for (let t = 0; t < values.length; t++) {
        // A typed series marks a period without a value with NaN, a JSON one with null.
        const v = values[t];
        if (v === null || Number.isNaN(v)) continue;
        if (!arc) {
            arc = { start: v, worst: v, worstAt: t, end: v };
            continue;
        }
        arc.end = v;
        if (worse === 'max' ? v > arc.worst : v < arc.worst) {
            arc.worst = v;
            arc.worstAt = t;
        }
    }
    return arc;
}

/** `2026-05` for monthly models, else the period's first day. */
export function periodLabel(result: SimulationResult, t: number): string {
    const day = result.periodStarts[t] ?? '';
    return result.horizon.step === 'month' ? day.slice(0, 7) : day;
}

/** `76.3% → 95% (2026-05) → 76.3%`, or one figure when it never moves. */
export function arcText(result: SimulationResult, arc: Arc, text: (v: number) => string): string {
    if (text(arc.start) === text(arc.worst) && text(arc.worst) === text(arc.end)) return text(arc.start);
    // The worst at the start (or the end): said once, with its month.
    if (text(arc.start) === text(arc.worst)) return `${text(arc.start)} (worst, ${periodLabel(result, arc.worstAt)}) → ${text(arc.end)}`;
    if (text(arc.end) === text(arc.worst)) return `${text(arc.start)} → ${text(arc.end)} (worst, ${periodLabel(result, arc.worstAt)})`;
    return `${text(arc.start)} → ${text(arc.worst)} (${periodLabel(result, arc.worstAt)}) → ${text(arc.end)}`;
}

/** The origin with the largest share in the first period with arrivals (first in key order on a tie). */
export function topOriginOf(shares: Record<string, ArrayLike<number | null>>): string | undefined {
    const entries = Object.entries(shares);
    const periods = entries[0]?.[1].length ?? 0;
    for (let t = 0; t < periods; t++) {
        let best: [string, number] | undefined;
        for (const [origin, series] of entries) {
            const v = series[t];
            if (v !== null && v !== undefined && !Number.isNaN(v) && (!best || v > best[1])) best = [origin, v];
        }
        if (best) return best[0];
    }
    return undefined;
}

/** The scenario a consumer's lens shows: where it is most short, else where its top share peaks highest, else the baseline. */
export function shownScenarioFor(result: SimulationResult, name: string): ScenarioResult | undefined {
    let shown: ScenarioResult | undefined = result.scenarios[0];
    let unmet = 0,
        peak = -1;
    for (const scenario of result.scenarios.slice(1)) {
        const c = scenario.consumers[name];
        if (!c) continue;
        const u = unmetOf(c);
        if (u > unmet) {
            unmet = u;
            shown = scenario;
        }
    }
    if (unmet > 0) return shown;
    const basePeak = peakTopShare(result.scenarios[0]?.consumers[name]);
    for (const scenario of result.scenarios.slice(1)) {
        const p = peakTopShare(scenario.consumers[name]);
        if (p > basePeak + 1e-9 && p > peak) {
            peak = p;
            shown = scenario;
        }
    }
    return shown;
}

function peakTopShare(c: ConsumerResult | undefined): number {
    if (!c) return -1;
    const top = topOriginOf(c.series.dependency);
    return top ? (arcOf(c.series.dependency[top], 'max')?.worst ?? -1) : -1;
}

export function unmetOf(c: ConsumerResult): number {
    return Object.values(c.materials).reduce((sum, m) => sum + m.unmet, 0);
}

function needOf(c: ConsumerResult): number {
    return Object.values(c.materials).reduce((sum, m) => sum + m.need, 0);
}

function firstStockoutOf(c: ConsumerResult): string | null {
    let first: string | null = null;
    for (const m of Object.values(c.materials)) if (m.firstStockout && (first === null || m.firstStockout < first)) first = m.firstStockout;
    return first;
}

function ttsOf(c: ConsumerResult): number | null {
    let least: number | null = null;
    for (const m of Object.values(c.materials)) if (m.ttsDays !== null && (least === null || m.ttsDays < least)) least = m.ttsDays;
    return least;
}

/** ` (baseline X)` when the baseline's text differs from the scenario's. */
function besideBaseline(shown: string, baseline: string | undefined, isBaseline: boolean): string {
    return isBaseline || baseline === undefined || baseline === shown ? '' : ` (baseline ${baseline})`;
}

/**
 * The consumer's segments in the scenario shown: top origin's share start → worst → end (the
 * extreme farthest from the start, with its month),
 * direct and (where it differs by a point or more) embedded, HHI, unmet, fill, first stockout
 * and time to survive, each with the baseline beside where it differs.
 */
export function consumerSegments(result: SimulationResult, scenario: ScenarioResult, name: string, versus?: Versus): string[] {
    const c = scenario.consumers[name];
    const base = result.scenarios[0]?.consumers[name];
    if (!c) return [];
    // The same scenario's consumer at the compared revision (review.md §2).
    const was = baseScenario(versus, scenario.name)?.consumers[name];
    const isBaseline = scenario === result.scenarios[0];
    const parts: string[] = [];
    const top = topOriginOf(c.series.dependency);
    const direct = top ? arcOf(c.series.dependency[top], 'farthest') : undefined;
    if (top && direct) {
        const baseArc = base ? arcOf(base.series.dependency[top] ?? [], 'farthest') : undefined;
        const wasArc = was ? arcOf(was.series.dependency[top] ?? [], 'farthest') : undefined;
        parts.push(
            `${top} ${arcText(result, direct, shareText)}${versusNumber(versus, 'share', direct.worst, wasArc?.worst)}${besideBaseline(shareText(direct.worst), baseArc && shareText(baseArc.worst), isBaseline)}`
        );
    } else {
        parts.push('no arrivals');
    }
    const embeddedTop = topOriginOf(c.series.embeddedDependency);
    const embedded = embeddedTop ? arcOf(c.series.embeddedDependency[embeddedTop], 'farthest') : undefined;
    if (embeddedTop && embedded && differsByAPoint(embeddedTop, embedded, top, direct)) {
        const baseArc = base ? arcOf(base.series.embeddedDependency[embeddedTop] ?? [], 'farthest') : undefined;
        parts.push(
            `embedded ${embeddedTop} ${arcText(result, embedded, shareText)}${besideBaseline(shareText(embedded.worst), baseArc && shareText(baseArc.worst), isBaseline)}`
        );
    }
    const hhi = arcOf(c.series.hhi, 'farthest');
    if (hhi) {
        const baseHhi = base ? arcOf(base.series.hhi, 'farthest') : undefined;
        const wasHhi = was ? arcOf(was.series.hhi, 'farthest') : undefined;
        parts.push(
            `HHI ${arcText(result, hhi, hhiText)}${versusNumber(versus, 'hhi', hhi.worst, wasHhi?.worst)}${besideBaseline(hhiText(hhi.worst), baseHhi && hhiText(baseHhi.worst), isBaseline)}`
        );
    }
    const unmet = unmetOf(c);
    parts.push(
        `unmet ${tonnesText(unmet)}${versusNumber(versus, 'quantity', unmet, was && unmetOf(was))}${besideBaseline(quantityNumber(unmet), base && quantityNumber(unmetOf(base)), isBaseline)}`
    );
    const need = needOf(c);
    if (need > 0) {
        const fill = shareText(1 - unmet / need);
        const baseNeed = base ? needOf(base) : 0;
        const wasNeed = was ? needOf(was) : 0;
        const wasFill = was && wasNeed > 0 ? 1 - unmetOf(was) / wasNeed : undefined;
        parts.push(
            `fill ${fill}${versusNumber(versus, 'share', 1 - unmet / need, wasFill)}${besideBaseline(fill, base && baseNeed > 0 ? shareText(1 - unmetOf(base) / baseNeed) : undefined, isBaseline)}`
        );
    }
    const stockout = firstStockoutOf(c);
    const baseStockout = base ? (firstStockoutOf(base) ?? 'none') : undefined;
    const wasStockout = was ? (firstStockoutOf(was) ?? 'none') : undefined;
    if (stockout || (baseStockout && baseStockout !== 'none') || (wasStockout && wasStockout !== 'none')) {
        parts.push(
            `first stockout ${stockout ?? 'none'}${versusWas(versus, stockout ?? 'none', wasStockout)}${besideBaseline(stockout ?? 'none', baseStockout, isBaseline)}`
        );
    }
    const tts = ttsOf(c);
    if (tts !== null) {
        const baseTts = base ? ttsOf(base) : null;
        parts.push(
            `survives ${daysText(tts)}${versusNumber(versus, 'quantity', tts, was ? ttsOf(was) : undefined)}${besideBaseline(daysText(tts), baseTts === null ? undefined : daysText(baseTts), isBaseline)}`
        );
    }
    // Cover is a lens figure only when it changed against the revision (the hover's table has it otherwise).
    const cover = versusNumber(versus, 'quantity', c.coverDays, was?.coverDays);
    if (cover && c.coverDays !== null) parts.push(`cover ${daysText(c.coverDays)}${cover}`);
    return parts;
}

function differsByAPoint(embeddedTop: string, embedded: Arc, top: string | undefined, direct: Arc | undefined): boolean {
    if (!direct || embeddedTop !== top) return true;
    return Math.abs(embedded.start - direct.start) >= 0.01 || Math.abs(embedded.worst - direct.worst) >= 0.01 || Math.abs(embedded.end - direct.end) >= 0.01;
}

/**
 * A plant in one scenario: output and utilisation, what bound it, periods starved, traced
 * origins: `makes 280 t (70% of capacity) · bound by NdPrOxide · starved 2 months · China 42.9%, Australia 57.1%`.
 */
export function plantSegments(result: SimulationResult, plant: PlantResult, base: PlantResult | undefined): string[] {
    const parts: string[] = [];
    const utilisation = plant.utilisation === null ? 'no capacity' : `${shareText(plant.utilisation)} of capacity`;
    const baseUse = base && base !== plant && base.utilisation !== null ? shareText(base.utilisation) : undefined;
    parts.push(
        `makes ${tonnesText(plant.produced)} (${utilisation}${baseUse && plant.utilisation !== null && baseUse !== shareText(plant.utilisation) ? `; baseline ${baseUse}` : ''})`
    );
    parts.push(plant.binding === 'capacity' ? 'capacity binds' : plant.binding === 'orders' ? 'orders bind' : `bound by ${plant.binding}`);
    if (plant.periodsStarved > 0) parts.push(`starved ${plant.periodsStarved} ${stepWord(result, plant.periodsStarved)}`);
    const origins = Object.entries(plant.embeddedDependency)
        .slice(0, 3)
        .map(([o, s]) => `${o} ${shareText(s)}`);
    if (origins.length > 0) parts.push(`traced: ${origins.join(', ')}`);
    return parts;
}

export function stepWord(result: SimulationResult, count: number): string {
    const word = result.horizon.step === 'month' ? 'month' : result.horizon.step === 'week' ? 'week' : 'day';
    return count === 1 ? word : `${word}s`;
}

/**
 * A reserve material in one scenario: `2,916 t → 120 t (2026-05) → 0 t · dry 2026-06-03 ·
 * released 2,916 t · cap 2,000 t/month binds 2026-03..2026-05: 1,234 t more were asked`.
 */
export function capText(result: SimulationResult, cap: NonNullable<ReserveMaterialResult['capBinding']>, where = ''): string {
    const month = (date: string) => (result.horizon.step === 'month' ? date.slice(0, 7) : date);
    const span = cap.from === cap.to ? month(cap.from) : `${month(cap.from)}..${month(cap.to)}`;
    return `cap ${tonnesText(cap.cap)}/${result.horizon.step} binds ${where}${span}: ${tonnesText(cap.askedAbove)} more were asked`;
}

/**
 * `was` is the same scenario's reserve material at the compared revision: the final stock,
 * the dry day and the release each get their change beside them.
 */
export function reserveSegments(
    result: SimulationResult,
    m: ReserveMaterialResult,
    base?: ReserveMaterialResult,
    versus?: Versus,
    was?: ReserveMaterialResult
): string[] {
    const parts: string[] = [];
    const month = (date: string) => (result.horizon.step === 'month' ? date.slice(0, 7) : date);
    const beside = base && base !== m && tonnesText(base.lowest) !== tonnesText(m.lowest) ? ` (baseline lowest ${tonnesText(base.lowest)})` : '';
    const finalDelta = versusNumber(versus, 'quantity', m.final, was?.final);
    if (m.lowest < m.initial - 1e-9)
        parts.push(`${tonnesText(m.initial)} → ${tonnesText(m.lowest)} (${month(m.lowestAt)}) → ${tonnesText(m.final)}${finalDelta}${beside}`);
    else parts.push((m.final === m.initial ? `${tonnesText(m.initial)}` : `${tonnesText(m.initial)} → ${tonnesText(m.final)}`) + finalDelta + beside);
    const wasDry = was ? (was.dryOn ?? 'never') : undefined;
    if (m.dryOn) parts.push(`dry ${m.dryOn}${versusWas(versus, m.dryOn, wasDry)}`);
    else if (wasDry && wasDry !== 'never') parts.push(`dry never${versusWas(versus, 'never', wasDry)}`);
    if (m.released > 0 || (was?.released ?? 0) > 0)
        parts.push(`released ${tonnesText(m.released)}${versusNumber(versus, 'quantity', m.released, was?.released)}`);
    if (m.capBinding) parts.push(capText(result, m.capBinding));
    return parts;
}
