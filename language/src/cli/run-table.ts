/**
 * `run`'s readable table: scenarios as columns, the key metrics as rows with their units,
 * numbers with thousands separators, dates as YYYY-MM-DD, "—" where there is nothing.
 */
import type { ScenarioResult, SimulationResult, TargetResult } from '../engine/results.js';
import { hhiText, quantityNumber, shareText } from '../values/display.js';
import { formatNumber } from '../values/quantities.js';

type Row = { label: string; cells: string[] } | { heading: string };

const NONE = '—';

export function formatTable(result: SimulationResult, file: string): string {
    const { horizon, scenarios } = result;
    const rows: Row[] = [];
    const cells = (f: (s: ScenarioResult) => string) => scenarios.map(f);

    // Regions with consumers: where their imports come from.
    for (const [region, base] of Object.entries(scenarios[0]?.regions ?? {})) {
        if (base.need <= 0 || Object.keys(base.dependency).length === 0) continue;
        rows.push({ heading: `${region} (imports)` });
        for (const origin of Object.entries(base.dependency)
            .filter(([, share]) => share >= 0.01)
            .slice(0, 4)
            .map(([o]) => o)) {
            rows.push({
                label: `share from ${origin}, first -> last period`,
                cells: cells(s => `${percent(s.regions[region].dependency[origin] ?? 0)} -> ${percent(s.regions[region].dependencyEnd[origin] ?? 0)}`)
            });
        }
        rows.push({ label: 'HHI, first -> last period', cells: cells(s => `${int(s.regions[region].hhi)} -> ${int(s.regions[region].hhiEnd)}`) });
        rows.push({ label: 'unmet (t)', cells: cells(s => tonnes(s.regions[region].unmet)) });
    }

    for (const consumer of Object.keys(scenarios[0]?.consumers ?? {})) {
        rows.push({ heading: consumer });
        const base = scenarios[0].consumers[consumer];
        const origins = Object.entries(base.dependency)
            .filter(([, share]) => share >= 0.01)
            .slice(0, 4)
            .map(([o]) => o);
        for (const origin of origins) {
            rows.push({ label: `share from ${origin}, first period`, cells: cells(s => percent(s.consumers[consumer].dependency[origin] ?? 0)) });
        }
        const embedded = Object.keys(base.embeddedDependency)[0];
        if (embedded && JSON.stringify(base.embeddedDependency) !== JSON.stringify(base.dependency)) {
            rows.push({ label: `embedded share from ${embedded}`, cells: cells(s => percent(s.consumers[consumer].embeddedDependency[embedded] ?? 0)) });
        }
        rows.push({ label: 'HHI, first -> last period', cells: cells(s => `${int(s.consumers[consumer].hhi)} -> ${int(s.consumers[consumer].hhiEnd)}`) });
        rows.push({ label: 'cover at start (days)', cells: cells(s => optional(s.consumers[consumer].coverDays, days)) });
        for (const material of Object.keys(base.materials)) {
            const m = (s: ScenarioResult) => s.consumers[consumer].materials[material];
            rows.push({ label: `${material} need (t)`, cells: cells(s => tonnes(m(s).need)) });
            rows.push({ label: `${material} unmet (t)`, cells: cells(s => tonnes(m(s).unmet)) });
            rows.push({ label: `${material} fill`, cells: cells(s => percent(m(s).fill)) });
            rows.push({ label: `${material} released from reserves (t)`, cells: cells(s => tonnes(m(s).released)) });
            rows.push({ label: `${material} first stockout`, cells: cells(s => m(s).firstStockout ?? NONE) });
            rows.push({ label: `${material} time to survive (days)`, cells: cells(s => optional(m(s).ttsDays, days)) });
            rows.push({ label: `${material} recovery`, cells: cells(s => m(s).recovery ?? NONE) });
        }
        for (const currency of currencies(scenarios.map(s => s.consumers[consumer].loss))) {
            rows.push({ label: `loss (${currency})`, cells: cells(s => money(s.consumers[consumer].loss[currency] ?? 0)) });
        }
    }

    for (const reserve of Object.keys(scenarios[0]?.reserves ?? {})) {
        rows.push({ heading: reserve });
        for (const material of Object.keys(scenarios[0].reserves[reserve].materials)) {
            const m = (s: ScenarioResult) => s.reserves[reserve].materials[material];
            rows.push({ label: `${material} initial stock (t)`, cells: cells(s => tonnes(m(s).initial)) });
            rows.push({ label: `${material} cover at start (days)`, cells: cells(s => optional(m(s).coverDays, days)) });
            rows.push({ label: `${material} released (t)`, cells: cells(s => tonnes(m(s).released)) });
            rows.push({ label: `${material} final stock (t)`, cells: cells(s => tonnes(m(s).final)) });
            rows.push({ label: `${material} runs dry on`, cells: cells(s => m(s).dryOn ?? NONE) });
        }
    }

    const targets = Object.keys(result.targetSummary);
    if (targets.length > 0) {
        rows.push({ heading: 'Targets' });
        for (const target of targets) {
            const judged = scenarios.find(s => s.targets[target])?.targets[target];
            rows.push({ heading: `  ${target}: ${judged?.condition ?? ''}` });
            rows.push({ label: '  judged', cells: cells(s => targetCell(s.targets[target])) });
        }
    }

    rows.push({ heading: 'Totals' });
    rows.push({ label: 'unmet (t)', cells: cells(s => tonnes(s.totals.unmet)) });
    for (const currency of currencies(scenarios.map(s => s.totals.loss))) {
        rows.push({ label: `loss (${currency})`, cells: cells(s => money(s.totals.loss[currency] ?? 0)) });
    }

    const header = [
        `Chokepoint run: ${file}`,
        `Horizon ${horizon.start} to ${horizon.end}: ${horizon.periods} ${horizon.step}${horizon.periods === 1 ? '' : 's'}`,
        ''
    ];
    const columns = scenarios.map(s => s.name);
    const probabilities = scenarios.map(s => (s.probability === null ? '' : `p = ${percent(s.probability)}`));
    const footer = [''];
    const { expected } = result;
    if (expected.unmet !== null) {
        const losses = Object.entries(expected.loss)
            .map(([c, v]) => `, loss ${money(v)} ${c}`)
            .join('');
        footer.push(`Expected over scenarios with a probability (together ${percent(expected.probability)}): unmet ${tonnes(expected.unmet)} t${losses}`);
    }
    const failing = Object.entries(result.targetSummary).filter(([, t]) => !t.pass);
    if (failing.length > 0) footer.push(`Targets failing: ${failing.map(([name, t]) => `${name} (in ${t.failedIn.join(', ')})`).join('; ')}`);
    else if (targets.length > 0) footer.push('All targets pass.');
    return [...header, ...layout(rows, columns, probabilities), ...footer].join('\n').trimEnd();
}

function layout(rows: Row[], columns: string[], probabilities: string[]): string[] {
    const labelWidth = Math.max(10, ...rows.map(r => ('label' in r ? r.label.length + 2 : 0)));
    const widths = columns.map((c, i) => Math.max(c.length, probabilities[i].length, ...rows.map(r => ('cells' in r ? r.cells[i].length : 0))));
    const line = (label: string, values: string[]) => (label.padEnd(labelWidth) + values.map((v, i) => '  ' + v.padStart(widths[i])).join('')).trimEnd();
    const lines = [line('', columns)];
    if (probabilities.some(p => p)) lines.push(line('', probabilities));
    for (const r of rows) lines.push('heading' in r ? r.heading : line(`  ${r.label}`, r.cells));
    return lines;
}

function targetCell(t: TargetResult | undefined): string {
    if (!t) return NONE;
    const at = t.judgedAt && /^(max|min) /.test(t.condition) ? ` (${t.judgedAt.slice(0, 7)})` : '';
    return `${t.pass === null ? 'no value' : t.pass ? 'pass' : 'FAIL'} ${t.value === null ? NONE : valueIn(t.value, t.unit)}${at}`;
}

function valueIn(value: number, unit: string): string {
    switch (unit) {
        case 'share':
            return percent(value);
        case 'hhi':
            return int(value);
        case 'days':
            return `${days(value)} d`;
        case 't':
            return `${tonnes(value)} t`;
        default:
            return `${money(value)} ${unit}`;
    }
}

function currencies(losses: Record<string, number>[]): string[] {
    return [...new Set(losses.flatMap(l => Object.keys(l)))];
}

const percent = shareText;
const int = hhiText;
const days = quantityNumber;
const optional = (value: number | null, f: (v: number) => string) => (value === null ? NONE : f(value));

/** 3 significant figures below 1,000 t, whole tonnes above (display.ts, like the lenses). */
const tonnes = quantityNumber;

/** Money with a scale word from a million up: `660 billion`, `1.25 trillion`. */
function money(value: number): string {
    const scales: [number, string][] = [
        [1e12, 'trillion'],
        [1e9, 'billion'],
        [1e6, 'million']
    ];
    for (const [size, word] of scales) {
        if (Math.abs(value) >= size) return `${formatNumber(value / size, 2)} ${word}`;
    }
    return formatNumber(value, 0);
}
