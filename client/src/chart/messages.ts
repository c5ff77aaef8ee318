/** Messages between the extension and the chart webview (both sides import this file). */
import type { ChartModel } from './model.js';
import type { OverlayMetricId } from './overlay.js';

/** What is shown: a scenario, and all consumers (focus null) or one of them. */
export interface ChartSelection {
    scenario: string | undefined;
    focus: string | null;
    /** The overlay of every scenario to bring into view (a comparison cell's metric), if any. */
    metric?: OverlayMetricId;
}

/** Saved by the webview (`setState`) and handed back when VS Code restores the panel. */
export interface ChartState {
    uri: string;
    selection: ChartSelection;
}

export type ToWebview = { type: 'model'; model: ChartModel; selection: ChartSelection } | { type: 'select'; selection: ChartSelection };

/** What the webview drew, reported back so that tests (and the extension) know it received data. */
export interface RenderReport {
    uri: string;
    scenario: string | undefined;
    focus: string | null;
    periods: number;
    /** Number of charts drawn (canvases with data). */
    charts: number;
    /** Σ of the unmet series drawn, in tonnes. */
    unmetDrawn: number;
    theme: string;
    /** The overlays of every scenario drawn: lines (dashed: the compared revision's) and shaded shock bands. */
    overlays: { id: string; lines: number; dashed: number; bands: number }[];
    /** The overlay brought into view, if one was asked for. */
    metric: string | null;
}

export type FromWebview =
    | { type: 'ready' }
    | { type: 'selectionChanged'; selection: ChartSelection }
    | { type: 'rendered'; report: RenderReport }
    | { type: 'error'; message: string };
