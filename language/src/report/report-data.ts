/**
 * What the report's charts draw, from a model's `run --json` (and, with `--diff`, the base
 * revision's): one chart per key metric, a line per scenario, the base revision dashed.
 */
import { isObject, objectAt, periodValue, scenariosOf, seriesAt, type RunJson } from '../review/metric-keys.js';
import type { ReportFrontier, ShockWindow } from './report-extras.js';

export interface ChartLine {
    scenario: string;
    /** One value per period; null where there is none. */
    values: (number | null)[];
    /** A line of the compared (base) revision. */
    base: boolean;
}

/** The key metrics drawn over time. */
export type ReportChartId = 'unmet' | 'stock' | 'share' | 'cover';

export interface ReportChart {
    id: ReportChartId;
    title: string;
    unit: string;
    /** How the page prints the axis: tonnes, a share (0-1) or days. */
    kind: 'tonnes' | 'share' | 'days';
    lines: ChartLine[];
}

export interface ReportChartData {
    periodStarts: string[];
    charts: ReportChart[];
    /** Shaded on the charts over time, each in its scenario's colour. */
    windows?: ShockWindow[];
    /** The optimize frontier, when the model's measures have costs. */
    frontier?: ReportFrontier;
}

interface ChartSpec {
    id: ReportChartId;
    title: string;
    unit: string;
    kind: ReportChart['kind'];
    /** The chart's value per period for one scenario. */
    values(scenario: Record<string, unknown>, periods: number): (number | null)[];
}

const CHARTS: ChartSpec[] = [
    { id: 'unmet', title: 'Unmet need, all consumers', unit: 't per period', kind: 'tonnes', values: (s, n) => sumSeries(s, n, 'unmet') },
    { id: 'stock', title: 'Stock: own and reserves', unit: 't, end of period', kind: 'tonnes', values: (s, n) => sumSeries(s, n, 'stock', 'reserveStock') },
    {
        id: 'share',
        title: 'Share from the top origin, worst consumer',
        unit: '% of arrivals',
        kind: 'share',
        values: (s, n) => extremeSeries(s, n, 'topOriginShare', Math.max)
    },
    { id: 'cover', title: 'Cover, least covered consumer', unit: 'days', kind: 'days', values: (s, n) => extremeSeries(s, n, 'coverDays', Math.min) }
];

export function reportCharts(head: RunJson, base?: RunJson): ReportChartData {
    const periodStarts = Array.isArray(head.periodStarts) ? head.periodStarts.map(String) : [];
    const n = periodStarts.length;
    const charts = CHARTS.map(spec => ({
        id: spec.id,
        title: spec.title,
        unit: spec.unit,
        kind: spec.kind,
        lines: [
            ...scenariosOf(head).map(s => ({ scenario: String(s.name), values: spec.values(s, n), base: false })),
            // The base revision on the same axis: only when its calendar is the same.
            ...(base && samePeriods(base, periodStarts)
                ? scenariosOf(base).map(s => ({ scenario: String(s.name), values: spec.values(s, n), base: true }))
                : [])
        ]
    }));
    return { periodStarts, charts };
}

function samePeriods(run: RunJson, periodStarts: string[]): boolean {
    return Array.isArray(run.periodStarts) && run.periodStarts.length === periodStarts.length && run.periodStarts.every((p, i) => p === periodStarts[i]);
}

/** Each material series of every consumer: the callback sees one per-period array at a time. */
function eachMaterialSeries(scenario: Record<string, unknown>, key: string, visit: (series: ArrayLike<unknown>) => void): void {
    for (const consumer of Object.values(objectAt(scenario, 'consumers'))) {
        for (const material of Object.values(objectAt(consumer, 'materials'))) {
            if (!isObject(material)) continue;
            const series = seriesAt(objectAt(material, 'series')[key]);
            if (series) visit(series);
        }
    }
}

function sumSeries(scenario: Record<string, unknown>, n: number, ...keys: string[]): number[] {
    const total = new Array<number>(n).fill(0);
    for (const key of keys) {
        eachMaterialSeries(scenario, key, series => {
            for (let i = 0; i < n; i++) total[i] += periodValue(series[i]) ?? 0;
        });
    }
    return total;
}

function extremeSeries(scenario: Record<string, unknown>, n: number, key: string, pick: (a: number, b: number) => number): (number | null)[] {
    const result = new Array<number | null>(n).fill(null);
    eachMaterialSeries(scenario, key, series => {
        for (let i = 0; i < n; i++) {
            const v = periodValue(series[i]);
            if (v === null) continue;
            const known = result[i];
            result[i] = known === null ? v : pick(known, v);
        }
    });
    return result;
}
