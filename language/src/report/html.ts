/**
 * The report: one self-contained HTML file. Everything is inline (styles, the charting
 * script, the data); the Content-Security-Policy allows only those inline blocks, by hash,
 * so opening it makes no network request of any kind. Static HTML carries the tables, so
 * they read and print even without scripts; the script only draws the charts.
 */
import { createHash } from 'node:crypto';
import { displayNumber, metricText, moneyText } from '../values/display.js';
import type { ModelDiff } from '../review/diff-models.js';
import { cellChange, targetLine } from '../review/markdown.js';
import { isObject, objectAt, scenariosOf } from '../review/metric-keys.js';
import type { RunJson } from '../review/run-object.js';
import { cellText, GRID_COLUMNS, GRID_TITLES, scenarioGrid, severity, moneyCell, type Grid } from '../review/scenario-grid.js';
import type { ReportChartData } from './report-data.js';

export interface ReportInput {
    file: string;
    head: RunJson;
    charts: ReportChartData;
    /** With `--diff BASE`: the base revision's name, its results (when it checks) and the model's diff. */
    comparison?: { baseName: string; base?: RunJson; diff: ModelDiff; units: Map<string, string> };
    /** The page script (Chart.js and the drawing code), bundled at build time. */
    script: string;
}

export function reportHtml(input: ReportInput): string {
    const data = JSON.stringify(input.charts).replace(/</g, '\\u003c');
    const csp = [
        "default-src 'none'",
        `script-src '${hash(input.script)}'`,
        `style-src '${hash(STYLES)}'`,
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
    const head = scenarioGrid(input.head);
    const base = input.comparison?.base ? scenarioGrid(input.comparison.base) : undefined;
    const horizon = objectAt(input.head, 'horizon');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(`Chokepoint report: ${input.file}`)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>Chokepoint report <span class="file">${escape(input.file)}</span></h1>
<p class="summary">${escape(summaryLine(input.head, horizon))}</p>
</header>
${input.comparison ? comparisonSection(input.comparison, base, head) : ''}
<section id="grid">
<h2>Scenarios</h2>
${gridHtml(head, undefined, false)}
</section>
<section id="targets">
<h2>Targets</h2>
${targetsHtml(input.head)}
</section>
<section id="charts">
<h2>Over time${input.comparison ? ` <span class="unit">dashed: ${escape(input.comparison.baseName)}</span>` : ''}</h2>
${windowsNote(input.charts)}
${input.charts.charts.map(c => `<figure class="chart"><figcaption>${escape(c.title)} <span class="unit">${escape(c.unit)}</span></figcaption><div class="frame"><canvas id="chart-${c.id}" role="img" aria-label="${escape(c.title)}"></canvas></div></figure>`).join('\n')}
</section>
${frontierSection(input.charts)}
<script type="application/json" id="report-data">${data}</script>
<script>${input.script}</script>
</body>
</html>
`;
}

/** Which shock windows the charts shade: `Cut in Curb (2026-03..2026-04)`. */
function windowsNote(charts: ReportChartData): string {
    const windows = charts.windows ?? [];
    if (windows.length === 0) return '';
    const month = (t: number) => (charts.periodStarts[t] ?? '').slice(0, 7);
    const list = windows.map(w => `${w.shock} in ${w.scenario} (${w.to - w.from === 1 ? month(w.from) : `${month(w.from)}..${month(w.to - 1)}`})`);
    return `<p class="note">Shaded: each scenario's shocks while they are active, in the scenario's colour: ${escape(list.join(', '))}.</p>`;
}

/** The optimize frontier: a chart (expected loss as the budget grows) and its table, with the budget it was searched within. */
function frontierSection(charts: ReportChartData): string {
    const f = charts.frontier;
    if (!f) return '';
    const money = (v: number) => escape(moneyText(v, f.currency));
    const rows = f.points
        .map(p => `<tr><td>${money(p.cost)}</td><td>${money(p.expectedLoss)}</td><td>${escape(p.measures.join(', ') || '(none)')}</td></tr>`)
        .join('\n');
    return `<section id="frontier">
<h2>Frontier <span class="unit">the best portfolio of measures as the budget grows</span></h2>
<p class="note">Budget: ${money(f.budget)}, the total of every candidate measure's cost in ${escape(f.currency)} (the first currency a measure's cost is given in), so every portfolio is affordable; candidates: ${escape(f.candidates.join(', '))}; ${f.exact ? 'every affordable portfolio was run' : 'searched by a heuristic (too many candidates to run every portfolio)'}.</p>
<figure class="chart"><figcaption>Expected loss by budget <span class="unit">${escape(f.currency)}</span></figcaption><div class="frame"><canvas id="chart-frontier" role="img" aria-label="Expected loss by budget"></canvas></div></figure>
<table><thead><tr><th>cost</th><th>expected loss</th><th>measures</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}

/** Marks that every font has (emoji may be missing where the report is opened or printed). */
const PASS = '✓',
    FAIL = '✗';

function plainMarks(text: string): string {
    return text.replace(/✅/g, PASS).replace(/❌/g, FAIL).replace(' **regression**', ': regression');
}

function hash(text: string): string {
    return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function escape(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function summaryLine(run: RunJson, horizon: Record<string, unknown>): string {
    const scenarios = scenariosOf(run);
    const first = scenarios[0];
    const consumers = Object.keys(objectAt(first, 'consumers')).length;
    const reserves = Object.keys(objectAt(first, 'reserves')).length;
    const targets = Object.values(objectAt(run, 'targetSummary')).filter(isObject);
    const met = targets.filter(t => t.pass === true).length;
    return (
        `${String(horizon.start)} to ${String(horizon.end)}, ${String(horizon.periods)} ${String(horizon.step)}s; ` +
        `${consumers} consumer${consumers === 1 ? '' : 's'}, ${reserves} reserve${reserves === 1 ? '' : 's'}, ` +
        `${scenarios.length - 1} scenario${scenarios.length === 2 ? '' : 's'} and the baseline; ` +
        `${met} of ${targets.length} target${targets.length === 1 ? '' : 's'} met in every scenario judged.`
    );
}

function gridHtml(head: Grid, base: Grid | undefined, comparing: boolean): string {
    const header = ['scenario', 'probability', ...GRID_COLUMNS.map(c => GRID_TITLES[c])].map(t => `<th>${escape(t)}</th>`).join('');
    const rows = head.rows.map(row => {
        const old = base?.rows.find(r => r.scenario === row.scenario);
        const cells = GRID_COLUMNS.map(column => {
            const text = comparing ? cellChange(old, row, column) : cellText(row, column);
            return `<td class="s${severity(row, column)}">${escape(text)}</td>`;
        }).join('');
        const p = row.probability === null ? '' : `${displayNumber(row.probability * 100, 1)}%`;
        return `<tr><th scope="row">${escape(row.scenario)}</th><td>${p}</td>${cells}</tr>`;
    });
    if (head.expected.unmet !== null) {
        const unmet = `${displayNumber(Math.round(head.expected.unmet), 0)} t`;
        const before = base && base.expected.unmet !== null ? `${displayNumber(Math.round(base.expected.unmet), 0)} t -> ` : '';
        const loss = moneyCell(head.expected.loss);
        const lossBefore = base ? `${moneyCell(base.expected.loss)} -> ` : '';
        rows.push(
            `<tr class="expected"><th scope="row">expected</th><td>${displayNumber((head.expected.probability ?? 0) * 100, 1)}%</td>` +
                `<td>${escape((before && before !== `${unmet} -> ` ? before : '') + unmet)}</td><td>${escape((lossBefore && lossBefore !== `${loss} -> ` ? lossBefore : '') + loss)}</td><td colspan="4"></td></tr>`
        );
    }
    return `<table><thead><tr>${header}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function targetsHtml(run: RunJson): string {
    const rows: string[] = [];
    for (const scenario of scenariosOf(run)) {
        for (const [name, target] of Object.entries(objectAt(scenario, 'targets'))) {
            if (!isObject(target)) continue;
            const unit = typeof target.unit === 'string' ? target.unit : '';
            const value = typeof target.value === 'number' ? metricText(target.value, unit) : 'no value';
            const mark =
                target.pass === true ? `<span class="pass">${PASS} met</span>` : target.pass === false ? `<span class="fail">${FAIL} missed</span>` : '?';
            rows.push(
                `<tr><th scope="row">${escape(name)}</th><td>${escape(String(scenario.name))}</td><td><code>${escape(typeof target.condition === 'string' ? target.condition : '')}</code></td><td>${escape(value)}</td><td>${mark}</td></tr>`
            );
        }
    }
    if (rows.length === 0) return '<p>This model declares no targets.</p>';
    return `<table><thead><tr><th>target</th><th>scenario</th><th>condition</th><th>value</th><th>result</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function comparisonSection(comparison: NonNullable<ReportInput['comparison']>, base: Grid | undefined, head: Grid): string {
    const { diff } = comparison;
    const verdict =
        diff.regressions > 0
            ? `${FAIL} ${diff.regressions} target regression${diff.regressions === 1 ? '' : 's'} against ${comparison.baseName}.`
            : `${PASS} No target regression against ${comparison.baseName}.`;
    const targets = diff.targets.map(t => `<li>${escape(plainMarks(targetLine(t, comparison.units.get(t.name) ?? '')))}</li>`).join('\n');
    const declarations = diff.declarations
        .map(d => `<li>${escape(`${d.change} ${d.kind} ${d.name}${d.change === 'changed' ? `: ${d.detail}` : ''}`)}</li>`)
        .join('\n');
    const errors = diff.errors?.base
        ? `<p class="notice">The model does not check at ${escape(comparison.baseName)} (${diff.errors.base.length} errors): no base results.</p>`
        : '';
    return `<section id="comparison">
<h2>Compared with ${escape(comparison.baseName)}</h2>
<p class="verdict">${escape(verdict)} Status: ${escape(diff.status)}.</p>
${errors}
${base ? gridHtml(head, base, true).replace('<table>', '<table class="comparison">') : ''}
${targets ? `<h3>Target changes</h3><ul>${targets}</ul>` : ''}
${declarations ? `<h3>Changed declarations</h3><ul>${declarations}</ul>` : '<p>No declaration changed.</p>'}
</section>`;
}

/** Close to the extension's chart view (its light theme), and legible on paper. */
const STYLES = `
:root { color-scheme: light; --fg: #333333; --muted: #6c6c6c; --line: rgba(128,128,128,0.35); }
body { font-family: -apple-system, "Segoe UI", Ubuntu, "Droid Sans", sans-serif; font-size: 14px; color: var(--fg);
  background: #ffffff; margin: 0 auto; padding: 0 24px 24px; max-width: 1100px; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 4px; }
h1 .file { font-weight: normal; color: var(--muted); margin-left: 8px; font-family: monospace; }
h2 { font-size: 1.1em; font-weight: 600; margin: 20px 0 6px; }
h3 { font-size: 1em; font-weight: 600; margin: 12px 0 4px; }
.unit { font-weight: normal; color: var(--muted); margin-left: 6px; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { font-weight: 600; border-bottom: 2px solid var(--line); }
td.s1 { background: #fff4ce; }
td.s2 { background: #fde7e9; }
tr.expected th, tr.expected td { font-weight: 600; border-top: 2px solid var(--line); }
.pass { color: #1e7b34; } .fail { color: #c72e2e; }
.verdict { font-weight: 600; }
.notice { padding: 6px 10px; border-left: 3px solid #cca700; background: #f8f8f8; }
#charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 24px; }
#charts h2, #charts .note { grid-column: 1 / -1; }
.note { color: var(--muted); margin: 2px 0 6px; }
figure.chart { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; margin: 8px 0 4px; }
.frame { position: relative; height: 240px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section { break-inside: avoid-page; }
  #charts { grid-template-columns: 1fr 1fr; }
  .frame { height: 200px; }
  td.s1, td.s2 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
