/**
 * The report's script (bundled with Chart.js into the report file itself at build time): draws
 * one chart per key metric from the data embedded in the page, a line per scenario, the
 * compared revision dashed. It loads nothing.
 */
import { CategoryScale, Chart, type ChartDataset, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ReportChart, ReportChartData } from '../../language/src/view.js';

Chart.register(CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const COLOURS = ['#3794ff', '#d18616', '#388a34', '#b180d7', '#cca700', '#f14c4c', '#333333', '#16825d'];

function axisText(kind: ReportChart['kind'], value: number): string {
    if (kind === 'share') return `${Math.round(value * 1000) / 10}%`;
    const rounded = Math.round(value);
    return kind === 'days' ? `${rounded.toLocaleString('en-US')} d` : `${rounded.toLocaleString('en-US')} t`;
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
        }
    });
}

const source = document.getElementById('report-data');
const data = JSON.parse(source?.textContent ?? '{"periodStarts":[],"charts":[]}') as ReportChartData;
const charts = data.charts.map(c => draw(data, c)).filter((c): c is Chart => c !== undefined);
// Printing lays the page out anew: the charts follow their frames.
window.addEventListener('beforeprint', () => {
    for (const c of charts) c.resize();
});
