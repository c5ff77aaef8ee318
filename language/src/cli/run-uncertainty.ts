/**
 * The table section of an uncertainty run (`run --samples N`): per scenario, the spread of
 * total unmet tonnes and loss, and how often each target passes.
 */
import type { Distribution, UncertaintyResult } from '../evaluation/uncertainty.js';
import { displayNumber, moneyText, shareText } from '../values/display.js';

export function formatUncertainty(result: UncertaintyResult): string {
    const lines: string[] = [];
    const rangeWord = result.ranges === 1 ? 'range' : 'ranges';
    lines.push(`Uncertainty: ${displayNumber(result.samples, 0)} samples (seed ${result.seed}) drawing ${result.ranges} ${rangeWord} uniformly`);
    if (result.ranges === 0) lines.push('  The model has no ranges (LOW..HIGH): every sample equals the plain run.');
    const header = ['', 'mean', 'p5', 'p50', 'p95'];
    const rows: string[][] = [];
    for (const [name, scenario] of Object.entries(result.scenarios)) {
        rows.push([name]);
        rows.push(['  unmet (t)', ...cells(scenario.unmet, v => displayNumber(v, 0))]);
        for (const [currency, loss] of Object.entries(scenario.loss)) rows.push([`  loss (${currency})`, ...cells(loss, v => moneyText(v, currency))]);
        for (const [target, rate] of Object.entries(scenario.targetPassRate)) rows.push([`  target ${target}`, `passes in ${shareText(rate)} of samples`]);
    }
    if (result.expectedUnmet) rows.push(['expected unmet (t)', ...cells(result.expectedUnmet, v => displayNumber(v, 0))]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.filter(r => r.length === header.length).map(r => r[i]?.length ?? 0)));
    const render = (row: string[]) =>
        row.length === header.length ? row.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[i]))).join('  ') : row.join('  ');
    lines.push(render(header).trimEnd(), ...rows.map(render));
    return lines.join('\n');
}

function cells(d: Distribution, show: (value: number) => string): string[] {
    return [d.mean, d.p5, d.p50, d.p95].map(show);
}
