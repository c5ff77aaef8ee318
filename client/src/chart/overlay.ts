/**
 * What the chart view's overlays draw (review.md §2), laid out in the extension so that the
 * webview only draws and this is unit-tested: per key metric, every scenario on one axis (the
 * baseline included), the compared revision's lines dashed in their scenario's colour; the
 * shock windows go to the shared band plugin (webview/shock-bands.ts), each in its scenario's colour.
 */
import type { OverlayMetric } from '../../../server/src/index.js';

export type OverlayMetricId = OverlayMetric['id'];

/** The overlays of every scenario, one per key metric, in the order the view shows them (canvases `overlay-unmet`, ...). */
export const OVERLAYS: readonly OverlayMetricId[] = ['unmet', 'stock', 'share', 'cover'];

export interface ChartOverlay {
    /** The revision compared with (`HEAD`), its lines dashed; null when nothing is compared. */
    revision: string | null;
    metrics: OverlayMetric[];
    /** Periods [from, to) in which a shock of the scenario is active. */
    windows: { scenario: string; shock: string; from: number; to: number }[];
}

export interface OverlayLine {
    label: string;
    scenario: string;
    values: (number | null)[];
    /** The compared revision's line. */
    dashed: boolean;
    /** Index of the scenario's colour in the theme's series palette. */
    colour: number;
}

export interface OverlayChart {
    id: OverlayMetricId;
    title: string;
    unit: string;
    kind: OverlayMetric['kind'];
    lines: OverlayLine[];
}

/** Every key metric's overlay chart: a solid line per current scenario, a dashed one per scenario at the revision. */
export function overlayCharts(overlay: ChartOverlay): OverlayChart[] {
    const colourOf = scenarioColours(overlay);
    return overlay.metrics.map(metric => ({
        id: metric.id,
        title: metric.title,
        unit: metric.unit,
        kind: metric.kind,
        lines: metric.lines.map(line => ({
            label: line.side === 'base' ? `${line.scenario} (${overlay.revision ?? 'revision'})` : line.scenario,
            scenario: line.scenario,
            values: line.values,
            dashed: line.side === 'base',
            colour: colourOf(line.scenario)
        }))
    }));
}

/**
 * Each scenario's colour index: in the order their current lines come (the baseline first), then
 * those only the revision has, then those with windows only; the same in every chart of the view.
 */
export function scenarioColours(overlay: ChartOverlay): (scenario: string) => number {
    const names: string[] = [];
    const lines = overlay.metrics[0]?.lines ?? [];
    for (const line of [...lines.filter(l => l.side === 'head'), ...lines.filter(l => l.side === 'base')]) {
        if (!names.includes(line.scenario)) names.push(line.scenario);
    }
    for (const w of overlay.windows) if (!names.includes(w.scenario)) names.push(w.scenario);
    return scenario => Math.max(0, names.indexOf(scenario));
}

/** The overlay a comparison grid's column (scenario-grid.ts GRID_COLUMNS) opens (`targets` has none: the chart opens on its scenario). */
export function overlayOfColumn(column: string | undefined): OverlayMetricId | undefined {
    switch (column) {
        case 'unmet':
        case 'loss':
            return 'unmet';
        case 'firstStockout':
            return 'stock';
        case 'worstShare':
            return 'share';
        case 'cover':
            return 'cover';
        default:
            return undefined;
    }
}
