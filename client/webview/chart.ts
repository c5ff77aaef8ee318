/**
 * The chart view's script (runs inside the webview; bundled with Chart.js into out/chart.js).
 * It only draws what the extension sends (see ../src/chart/model.ts) and reports back what
 * it drew. Colours come from the editor theme's CSS variables and follow theme changes.
 */
import {
    BarController,
    BarElement,
    CategoryScale,
    Chart,
    type ChartConfiguration,
    type ChartDataset,
    Filler,
    Legend,
    LinearScale,
    LineController,
    LineElement,
    type Plugin,
    PointElement,
    Tooltip
} from 'chart.js';
import type { ChartModel, FocusModel, FrontierModel, ScenarioModel } from '../src/chart/model.js';
import { OVERLAYS, overlayCharts, scenarioColours, type OverlayChart } from '../src/chart/overlay.js';
import { mergedWindows, shockBands, type ShockWindow } from './shock-bands.js';
import type { ChartSelection, ChartState, FromWebview, RenderReport, ToWebview } from '../src/chart/messages.js';
import { formatLosses, formatNumber, formatShare, formatTonnes } from '../src/format.js';
import { readTheme, type Theme } from './theme.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    setState(state: ChartState): void;
    getState(): ChartState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const charts = new Map<string, Chart>();
let model: ChartModel | undefined;
let selection: ChartSelection = vscode.getState()?.selection ?? { scenario: undefined, focus: null };

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const scenarioSelect = element<HTMLSelectElement>('scenario');
const focusSelect = element<HTMLSelectElement>('focus');

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (message.type === 'model') {
        model = message.model;
        selection = message.selection;
    } else if (message.type === 'select') {
        selection = message.selection;
    }
    safely(render);
});

scenarioSelect.addEventListener('change', () => select({ scenario: scenarioSelect.value, focus: selection.focus }));
focusSelect.addEventListener('change', () => select({ scenario: selection.scenario, focus: focusSelect.value || null }));

// Theme changes swap the body's class (vscode-light, vscode-dark, vscode-high-contrast...).
new MutationObserver(() => safely(render)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });

function select(next: ChartSelection): void {
    selection = next;
    if (model) vscode.setState({ uri: model.uri, selection });
    vscode.postMessage({ type: 'selectionChanged', selection });
    safely(render);
}

function safely(action: () => void): void {
    try {
        action();
    } catch (error) {
        vscode.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
}

function render(): void {
    if (!model) return;
    vscode.setState({ uri: model.uri, selection });
    element('title').textContent = `Chart: ${model.fileName}`;
    document.title = `Chart: ${model.fileName}`;
    showNotice(model);
    const scenario = model.scenarios.find(s => s.name === selection.scenario) ?? model.scenarios[0];
    const focus = scenario?.focuses.find(f => f.name === selection.focus) ?? scenario?.focuses[0];
    fillSelect(
        scenarioSelect,
        model.scenarios.map(s => ({ value: s.name, label: scenarioLabel(s) })),
        scenario?.name ?? ''
    );
    fillSelect(
        focusSelect,
        (scenario?.focuses ?? []).map(f => ({ value: f.name ?? '', label: f.name ?? 'All consumers' })),
        focus?.name ?? ''
    );
    element('charts').hidden = !scenario || !focus;
    if (!scenario || !focus) {
        destroyCharts();
        return report(undefined, null, 0, 0);
    }
    element('summary').textContent = summary(scenario, focus);
    const theme = readTheme(document.body);
    const periods = model.periods;
    drawn = 0;
    // One colour per scenario across the view: its lines on the overlays, its shock bands everywhere.
    const overlay = model.overlay;
    const colourIndex = overlay ? scenarioColours(overlay) : () => 0;
    const colourOf = (name: string) => theme.series[colourIndex(name) % theme.series.length];
    const windows: ShockWindow[] = overlay?.windows ?? [];
    const own = shockBands<'bar' | 'line'>(
        windows.filter(w => w.scenario === scenario.name),
        colourOf,
        BAND_ALPHA
    );
    draw('supply', shaded(supplyChart(periods, focus, theme), own), `${scenario.name}: need and supply per period`);
    draw(
        'reserves',
        focus.reserveStock.length ? shaded(linesChart(periods, focus.reserveStock, theme, 'tonnes'), own) : undefined,
        `${scenario.name}: reserve stocks`
    );
    draw(
        'share',
        focus.topOriginShare.length ? shaded(linesChart(periods, focus.topOriginShare, theme, 'share'), own) : undefined,
        `${scenario.name}: share from the top origin`
    );
    const overlays = overlay ? overlayCharts(overlay) : [];
    const overlaysDrawn: RenderReport['overlays'] = [];
    for (const id of OVERLAYS) {
        const chart = overlays.find(c => c.id === id && c.lines.length > 0);
        if (chart) {
            element(`overlay-${id}-title`).textContent = `${chart.title}, every scenario`;
            const revision = overlay?.revision ? ` · dashed: ${overlay.revision}` : '';
            element(`overlay-${id}-unit`).textContent = `${chart.unit}${revision}${windows.length ? ' · shaded: shocks' : ''}`;
            overlaysDrawn.push({
                id,
                lines: chart.lines.length,
                dashed: chart.lines.filter(l => l.dashed).length,
                bands: [...mergedWindows(windows).values()].reduce((n, spans) => n + spans.length, 0)
            });
        }
        draw(
            `overlay-${id}`,
            chart ? overlayChart(periods, chart, theme, shockBands<'line'>(windows, colourOf, BAND_ALPHA)) : undefined,
            chart ? `${chart.title} of every scenario${overlay?.revision ? `, and at ${overlay.revision} dashed` : ''}` : ''
        );
    }
    const focused = overlaysDrawn.some(o => o.id === selection.metric) ? (selection.metric ?? null) : null;
    for (const id of OVERLAYS)
        element(`overlay-${id}`)
            .closest('section')
            ?.classList.toggle('focused', id === focused);
    if (focused) element(`overlay-${focused}`).closest('section')?.scrollIntoView({ block: 'nearest' });
    draw(
        'frontier',
        model.frontier && model.frontier.points.length > 1 ? frontierChart(model.frontier, theme) : undefined,
        'Budget frontier: expected loss by cost of the best portfolio'
    );
    report(
        scenario.name,
        focus.name,
        periods.length,
        focus.supply.unmet.reduce((a, b) => a + b, 0),
        theme.kind,
        overlaysDrawn,
        focused
    );
}

let drawn = 0;
/** Shock bands are light: the lines over them stay legible in every theme. */
const BAND_ALPHA = 0.1;

function report(
    scenario: string | undefined,
    focus: string | null,
    periods: number,
    unmetDrawn: number,
    theme = '',
    overlays: RenderReport['overlays'] = [],
    metric: string | null = null
): void {
    if (!model) return;
    vscode.postMessage({ type: 'rendered', report: { uri: model.uri, scenario, focus, periods, charts: drawn, unmetDrawn, theme, overlays, metric } });
}

/** A chart over time with the shown scenario's shock windows shaded behind it. */
function shaded(config: ChartConfiguration, bands: Plugin<'bar' | 'line'>): ChartConfiguration {
    return { ...config, plugins: [...(config.plugins ?? []), bands] };
}

/** One key metric of every scenario on one axis (the baseline included), the compared revision dashed, every scenario's shocks shaded in its colour. */
function overlayChart(periods: string[], chart: OverlayChart, theme: Theme, bands: Plugin<'line'>): ChartConfiguration {
    const datasets: ChartDataset<'line'>[] = chart.lines.map(line => {
        const colour = theme.series[line.colour % theme.series.length];
        return {
            label: line.label,
            data: chart.kind === 'share' ? line.values.map(v => (v === null ? null : v * 100)) : line.values,
            borderColor: colour,
            backgroundColor: colour,
            pointRadius: 0,
            spanGaps: false,
            borderWidth: line.dashed ? 1 : theme.lineWidth,
            borderDash: line.dashed ? [6, 4] : []
        };
    });
    return { type: 'line', data: { labels: periods, datasets }, options: baseOptions(theme, chart.kind, false), plugins: [bands] };
}

function draw(id: string, config: ChartConfiguration | undefined, label: string): void {
    charts.get(id)?.destroy();
    charts.delete(id);
    const canvas = element<HTMLCanvasElement>(id);
    const section = canvas.closest('section') as HTMLElement;
    section.hidden = !config;
    if (!config) return;
    canvas.setAttribute('aria-label', label);
    charts.set(id, new Chart(canvas, config));
    drawn++;
}

/** The budget frontier: each best portfolio's cost (x) and expected loss (y), a step line; the tooltip names its measures. */
function frontierChart(frontier: FrontierModel, theme: Theme): ChartConfiguration {
    const data = frontier.points.map(p => ({ x: p.cost, y: p.expectedLoss }));
    return {
        type: 'line',
        data: {
            datasets: [
                {
                    label: `Expected loss (${frontier.currency})`,
                    data,
                    stepped: 'before',
                    borderColor: theme.red,
                    backgroundColor: theme.red,
                    borderWidth: theme.lineWidth,
                    pointRadius: 4
                }
            ]
        },
        options: {
            animation: false,
            maintainAspectRatio: false,
            scales: {
                x: {
                    type: 'linear',
                    title: { display: true, text: `cost (${frontier.currency})` },
                    ticks: { color: theme.foreground },
                    grid: { color: theme.grid }
                },
                y: { title: { display: true, text: `expected loss (${frontier.currency})` }, ticks: { color: theme.foreground }, grid: { color: theme.grid } }
            },
            plugins: {
                legend: { labels: { color: theme.foreground } },
                tooltip: { callbacks: { label: item => `${frontier.points[item.dataIndex].measures.join(', ') || 'no measure'}: ${item.formattedValue}` } }
            }
        }
    };
}

function destroyCharts(): void {
    for (const chart of charts.values()) chart.destroy();
    charts.clear();
}

function supplyChart(periods: string[], focus: FocusModel, theme: Theme): ChartConfiguration {
    const { supply } = focus;
    const stack = (label: string, data: number[], color: string, always: boolean): ChartDataset<'bar'> | undefined =>
        always || data.some(v => v !== 0) ? { type: 'bar', label, data, backgroundColor: color, borderColor: color, stack: 'supply', order: 2 } : undefined;
    // The bars add up to the need every period (conservation): the need line sits on top of them.
    const bars = [
        stack('Recycled', supply.recycled, theme.green, false),
        stack('Delivered', supply.delivered, theme.blue, true),
        stack('From own stock', supply.drawn, theme.purple, false),
        stack('Released', supply.released, theme.yellow, true),
        stack('Unmet', supply.unmet, theme.red, true)
    ].filter((d): d is ChartDataset<'bar'> => d !== undefined);
    const needLine: ChartDataset<'line'> = {
        type: 'line',
        label: 'Need',
        data: supply.need,
        borderColor: theme.foreground,
        backgroundColor: theme.foreground,
        borderWidth: theme.lineWidth,
        pointRadius: 0,
        order: 1
    };
    return {
        type: 'bar',
        data: { labels: periods, datasets: [needLine, ...bars] },
        options: baseOptions(theme, 'tonnes', true)
    };
}

function linesChart(periods: string[], series: Array<{ label: string; values: number[] }>, theme: Theme, unit: 'tonnes' | 'share'): ChartConfiguration {
    const datasets: Array<ChartDataset<'line'>> = series.map((s, i) => ({
        label: s.label,
        data: unit === 'share' ? s.values.map(v => v * 100) : s.values,
        borderColor: theme.series[i % theme.series.length],
        backgroundColor: theme.series[i % theme.series.length],
        borderWidth: theme.lineWidth,
        pointRadius: 0,
        stepped: false
    }));
    return { type: 'line', data: { labels: periods, datasets }, options: baseOptions(theme, unit, false) };
}

function baseOptions(theme: Theme, unit: 'tonnes' | 'share' | 'days', stacked: boolean): ChartConfiguration['options'] {
    // Axis ticks keep their decimals (a small model's axis may step by 0.5 t).
    const text = (value: number) => (unit === 'share' ? formatShare(value / 100) : unit === 'days' ? `${formatNumber(value, 1)} days` : formatTonnes(value));
    const tick = (value: number | string) => (unit === 'share' ? `${value}%` : unit === 'days' ? `${value} d` : formatTonnes(Number(value)));
    return {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        color: theme.foreground,
        font: { family: theme.fontFamily },
        scales: {
            x: { stacked, ticks: { color: theme.foreground, maxRotation: 0, autoSkip: true, autoSkipPadding: 16 }, grid: { color: theme.grid } },
            y: {
                stacked,
                beginAtZero: true,
                ...(unit === 'share' ? { max: 100 } : {}),
                ticks: { color: theme.foreground, callback: tick },
                grid: { color: theme.grid }
            }
        },
        plugins: {
            legend: { labels: { color: theme.foreground, boxWidth: 12 } },
            tooltip: {
                callbacks: {
                    label: item => `${item.dataset.label}: ${text(item.parsed.y ?? 0)}`
                }
            }
        }
    };
}

function summary(scenario: ScenarioModel, focus: FocusModel): string {
    const { need, unmet, loss } = focus.totals;
    const fill = need > 0 ? ` (fill ${formatShare(1 - unmet / need)})` : '';
    const probability = scenario.probability !== null ? ` · probability ${formatShare(scenario.probability)}` : '';
    return `Unmet ${formatTonnes(unmet)} of ${formatTonnes(need)} need${fill} · ${formatLosses(loss)}${probability}`;
}

function scenarioLabel(s: ScenarioModel): string {
    return s.probability !== null ? `${s.name} (${formatShare(s.probability)})` : s.name;
}

function showNotice(m: ChartModel): void {
    const notice = element('notice');
    const text = noticeText(m);
    notice.textContent = text ?? '';
    notice.hidden = text === undefined;
    const empty = element('empty');
    empty.hidden = m.scenarios.length > 0;
    empty.textContent = m.scenarios.length > 0 ? '' : 'No results to draw yet.';
}

function noticeText(m: ChartModel): string | undefined {
    const errors = `${m.errorCount} error${m.errorCount === 1 ? '' : 's'}`;
    switch (m.status) {
        case 'errors':
            return m.scenarios.length
                ? `Outdated: the file now has ${errors}. These are the results of its last good text.`
                : `The file has ${errors}: fix them to see results.`;
        case 'no-horizon':
            return m.message ?? 'Nothing to simulate: add a horizon, e.g. `horizon 2026-01 to 2028-12`.';
        case 'failed':
            return m.message ?? 'The simulation failed: see the Chokepoint output.';
        case 'running':
            return 'Simulating…';
        case 'unknown':
            return 'This is not a Chokepoint file the language server knows.';
        default:
            return m.stale ? 'Outdated: these are the results of an earlier text.' : undefined;
    }
}

function fillSelect(select: HTMLSelectElement, options: Array<{ value: string; label: string }>, value: string): void {
    const same = select.options.length === options.length && options.every((o, i) => select.options[i].value === o.value && select.options[i].text === o.label);
    if (!same) {
        select.replaceChildren(...options.map(o => new Option(o.label, o.value)));
    }
    select.value = value;
    select.disabled = options.length === 0;
}
