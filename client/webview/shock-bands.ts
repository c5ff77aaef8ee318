/**
 * Shock windows shaded behind the lines of a chart over time (review.md §2, §3): one light
 * band per run of periods in which a scenario's shocks are active, in the colour given for
 * that scenario. Shared by the extension's chart view and the report, so that both shade alike.
 * Each chart's canvas records the bands it painted (`data-shock-bands`) and its plot area
 * (`data-chart-area`), in device pixels, so that a test can read the pixels under them.
 */
import type { ChartType, Plugin } from 'chart.js';

export interface ShockWindow {
    scenario: string;
    /** First period the shock is active in, and the period after its last (exclusive). */
    from: number;
    to: number;
}

/** Per scenario, its shocks' periods as [from, to) runs: overlapping or adjoining shocks shade once. */
export function mergedWindows(windows: readonly ShockWindow[]): Map<string, Array<[number, number]>> {
    const byScenario = new Map<string, Array<[number, number]>>();
    for (const w of [...windows].sort((a, b) => a.from - b.from)) {
        const runs = byScenario.get(w.scenario) ?? [];
        const last = runs[runs.length - 1];
        if (last && w.from <= last[1]) last[1] = Math.max(last[1], w.to);
        else runs.push([w.from, w.to]);
        byScenario.set(w.scenario, runs);
    }
    return byScenario;
}

/** A band as painted: left, top, right, bottom in the canvas's device pixels, and its scenario. */
export interface PaintedBand {
    scenario: string;
    from: number;
    to: number;
    box: [number, number, number, number];
}

/**
 * The plugin shading `windows` (each scenario's in `colourOf(scenario)`, at `alpha`) on a chart
 * whose x axis has one category per period.
 */
export function shockBands<T extends ChartType>(windows: readonly ShockWindow[], colourOf: (scenario: string) => string, alpha: number): Plugin<T> {
    const runs = mergedWindows(windows);
    return {
        id: 'shockWindows',
        beforeDatasetsDraw(chart) {
            const { ctx, chartArea, scales } = chart;
            const x = scales.x;
            const half = 0.5 * (x.getPixelForValue(1) - x.getPixelForValue(0));
            const ratio = chart.currentDevicePixelRatio;
            const painted: PaintedBand[] = [];
            ctx.save();
            ctx.globalAlpha = alpha;
            for (const [scenario, spans] of runs) {
                ctx.fillStyle = colourOf(scenario);
                for (const [from, to] of spans) {
                    const left = Math.max(x.getPixelForValue(from) - half, chartArea.left);
                    const right = Math.min(x.getPixelForValue(to - 1) + half, chartArea.right);
                    if (!(right > left)) continue;
                    ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
                    const box = [left, chartArea.top, right, chartArea.bottom].map(v => Math.round(v * ratio)) as PaintedBand['box'];
                    painted.push({ scenario, from, to, box });
                }
            }
            ctx.restore();
            chart.canvas.dataset.shockBands = JSON.stringify(painted);
            chart.canvas.dataset.chartArea = JSON.stringify([chartArea.left, chartArea.top, chartArea.right, chartArea.bottom].map(v => Math.round(v * ratio)));
        }
    };
}
