/**
 * Places (regions and blocs as subjects of region metrics) and targets.
 */
import {
    isBloc,
    isConsumer,
    isCoverMetric,
    isDependencyMetric,
    isFillMetric,
    isHhiMetric,
    isLossMetric,
    isRegion,
    isReserve,
    isTarget,
    isUnmetMetric,
    type Condition,
    type Declaration,
    type Metric,
    type Named
} from '../generated/ast.js';
import { dayNumberOf } from '../values/dates.js';
import { unitKind } from '../values/quantities.js';
import type { LoweringContext } from './context.js';
import type { LoweredCondition, LoweredTarget, MetricKind, Place, Subject } from './model.js';
import { durationDays, moneyValue, plain, stockTonnes } from './units.js';

export class PlaceRegistry {
    readonly places: Place[] = [];
    private readonly byName = new Map<string, number>();

    constructor(private readonly ctx: LoweringContext) {
        // Every region that hosts a node, in region declaration order.
        const hosting = new Set<number>();
        for (const node of [...ctx.producers, ...ctx.consumers, ...ctx.reserves]) hosting.add(ctx.region(node.region));
        ctx.regions.forEach((r, i) => {
            if (hosting.has(i)) this.add(r);
        });
    }

    /** Index of the place a region or bloc stands for (added on first use). */
    add(node: Named): number {
        const name = node.name ?? '';
        const known = this.byName.get(name);
        if (known !== undefined) return known;
        this.byName.set(name, this.places.length);
        this.places.push({ name, regions: Int32Array.from(this.ctx.regionsOf(node)), isRegion: isRegion(node) });
        return this.places.length - 1;
    }
}

export function lowerTargets(ctx: LoweringContext, places: PlaceRegistry, declarations: Declaration[]): LoweredTarget[] {
    return declarations.filter(isTarget).map(t => ({
        name: t.name,
        conditions: t.conditions.map(c => lowerCondition(ctx, places, c)).filter((c): c is LoweredCondition => c !== undefined)
    }));
}

function lowerCondition(ctx: LoweringContext, places: PlaceRegistry, c: Condition): LoweredCondition | undefined {
    const metric = metricKind(c.metric);
    if (!metric || !c.metric.subject) return undefined;
    const subject = lowerSubject(ctx, places, c.metric.subject.everyone, ctx.target(c.metric.subject.entity));
    if (!subject) return undefined;
    const origin = isDependencyMetric(c.metric) ? ctx.placeRegions(c.metric.origin) : [];
    const material = 'material' in c.metric && c.metric.material ? ctx.material(c.metric.material) : -1;
    const byDay = dayNumberOf(c.by);
    const periods = ctx.calendar.periods;
    return {
        metric,
        subject,
        origin: Int32Array.from(origin),
        extreme: c.extreme === 'max' || c.extreme === 'min' ? c.extreme : null,
        embedded: isDependencyMetric(c.metric) && c.metric.embedded,
        originName: isDependencyMetric(c.metric) ? (c.metric.origin?.$refText ?? null) : null,
        material,
        op: c.op ?? '<=',
        threshold: threshold(metric, c),
        currency: metric === 'loss' ? (c.money?.currency ?? null) : null,
        byPeriod: byDay === undefined ? -1 : Math.min(periods - 1, Math.max(0, ctx.clock.containing(byDay))),
        scenarios: c.scenarios.length > 0 ? c.scenarios.map(s => (s.baseline ? 'baseline' : (s.scenario?.$refText ?? ''))) : null,
        text: (c.$cstNode?.text ?? metric).replace(/\s+/g, ' ')
    };
}

function metricKind(metric: Metric | undefined): MetricKind | undefined {
    if (isDependencyMetric(metric)) return 'dependency';
    if (isHhiMetric(metric)) return 'hhi';
    if (isCoverMetric(metric)) return 'cover';
    if (isUnmetMetric(metric)) return 'unmet';
    if (isFillMetric(metric)) return 'fill';
    if (isLossMetric(metric)) return 'loss';
    return undefined;
}

function lowerSubject(ctx: LoweringContext, places: PlaceRegistry, everyone: boolean, node: Named | undefined): Subject | undefined {
    if (everyone) return { kind: 'all' };
    if (isConsumer(node)) return { kind: 'consumer', index: ctx.indexOf(node) };
    if (isReserve(node)) return { kind: 'reserve', index: ctx.indexOf(node) };
    if (isRegion(node) || isBloc(node)) return { kind: 'place', index: places.add(node) };
    return undefined;
}

/** The threshold in the metric's unit: shares 0-1, hhi points, days, tonnes, money. */
function threshold(metric: MetricKind, c: Condition): number {
    const t = c.threshold;
    switch (metric) {
        case 'cover':
            return unitKind(t?.unit) === 'duration' ? durationDays(t) : plain(t);
        case 'unmet':
            return stockTonnes(t, 0);
        case 'loss':
            return moneyValue(t, c.money);
        default:
            return plain(t);
    }
}
