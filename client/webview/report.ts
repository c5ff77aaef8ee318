/**
 * The report's script (bundled with Chart.js into the report file itself at build time): draws
 * one chart per key metric from the data embedded in the page, a line per scenario, the
 * compared revision dashed, each scenario's shock windows shaded in its colour; and the
 * optimize frontier when there is one. It loads nothing.
 */
import {
    CategoryScale,
    Chart,
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
import type { ReportChart, ReportChartData } from '../../language/src/view.js';
import { shockBands } from './shock-bands.js';

Chart.register(CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const COLOURS = ['#3794ff', '#d18616', '#388a34', '#b180d7', '#cca700', '#f14c4c', '#333333', '#16825d'];

function axisText(kind: ReportChart['kind'], value: number): string {
    if (kind === 'share') return `${Math.round(value * 1000) / 10}%`;
    const rounded = Math.round(value);
    return kind === 'days' ? `${rounded.toLocaleString('en-US')} d` : `${rounded.toLocaleString('en-US')} t`;
}

/** Each scenario's shock windows as light bands in the scenario's colour (as the extension's chart view shades them). */
function shade(data: ReportChartData, names: string[]): Plugin<'line'> {
    const colourOf = (scenario: string) => COLOURS[Math.max(0, names.indexOf(scenario)) % COLOURS.length];
    return shockBands<'line'>(data.windows ?? [], colourOf, 0.07);
}

/** The best portfolio's expected loss as the budget grows: a step down at each frontier point's cost. */
function drawFrontier(data: ReportChartData): Chart | undefined {
    const canvas = document.getElementById('chart-frontier') as HTMLCanvasElement | null;
    const f = data.frontier;
    if (!canvas || !f || f.points.length === 0) return undefined;
    const points = f.points.map(p => ({ x: p.cost, y: p.expectedLoss }));
    // The last portfolio holds to the budget.
    const last = points[points.length - 1];
    if (f.budget > last.x) points.push({ x: f.budget, y: last.y });
    // One scale word per axis, from its largest figure (budgets run in billions where losses run in trillions).
    const scaled = (largest: number) => {
        const [word, factor] = (
            [
                ['tn', 1e12],
                ['bn', 1e9],
                ['mn', 1e6]
            ] as const
        ).find(([, f]) => largest >= f) ?? ['', 1];
        return (v: number) => `${(v / factor).toLocaleString('en-US', { maximumFractionDigits: 1 })}${word ? ` ${word}` : ''}`;
    };
    const xMoney = scaled(Math.max(...points.map(p => p.x))),
        money = scaled(Math.max(...points.map(p => p.y)));
    return new Chart(canvas, {
        type: 'line',
        data: {
            datasets: [
                {
                    label: `expected loss (${f.currency})`,
                    data: points,
                    stepped: 'after',
                    borderColor: COLOURS[0],
                    backgroundColor: COLOURS[0],
                    borderWidth: 2,
                    pointRadius: points.map((_, i) => (i < f.points.length ? 3 : 0))
                }
            ]
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: {
                x: { type: 'linear', beginAtZero: true, title: { display: true, text: `budget (${f.currency})` }, ticks: { callback: v => xMoney(Number(v)) } },
                y: { beginAtZero: true, ticks: { callback: v => money(Number(v)) } }
            },
            plugins: {
                legend: { labels: { boxWidth: 12 } },
                tooltip: {
                    callbacks: {
                        label: item =>
                            `${money(Number(item.parsed.y))} ${f.currency}: ${f.points[Math.min(item.dataIndex, f.points.length - 1)].measures.join(', ') || '(none)'}`
                    }
                }
            }
        }
    });
}

function draw(data: ReportChartData, chart: ReportChart): Chart | undefined {
    const canvas = document.getElementById(`chart-${chart.id}`) as HTMLCanvasElement | null;
    if (!canvas) return undefined;
    const names = [...new Set(chart.lines.map(l => l.scenario))];
    const datasets: ChartDataset<'line'>[] = chart.lines.map(line => {
        const colour = COLOURS[names.indexOf(line.scenario) % COLOURS.length];
        return {
            label: line.base ? `${line.scenario} (compared)` : line.scenario,
            data: line.values,
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: line.base ? 1.5 : 2,
            borderDash: line.base ? [6, 4] : [],
            pointRadius: 0,
            spanGaps: false,
            tension: 0
        };
    });
    return new Chart(canvas, {
        type: 'line',
        data: { labels: data.periodStarts.map(p => p.slice(0, 7)), datasets },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            scales: {
                x: { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16 } },
                y: { beginAtZero: true, ticks: { callback: v => axisText(chart.kind, Number(v)) } }
            },
            plugins: {
                legend: { labels: { boxWidth: 12 } },
                tooltip: { callbacks: { label: item => `${item.dataset.label ?? ''}: ${axisText(chart.kind, Number(item.raw))}` } }
            }
        },
        plugins: [shade(data, names)]
    });
}

const source = document.getElementById('report-data');
const data = JSON.parse(source?.textContent ?? '{"periodStarts":[],"charts":[]}') as ReportChartData;
const charts = [...data.charts.map(c => draw(data, c)), drawFrontier(data)].filter((c): c is Chart => c !== undefined);
// Printing lays the page out anew: the charts follow their frames.
window.addEventListener('beforeprint', () => {
    for (const c of charts) c.resize();
});
