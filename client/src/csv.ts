/**
 * Results as CSV for spreadsheets: one row per scenario, period and consumer-material (kind
 * `consumer`) or reserve-material (kind `reserve`), with the per-period series as columns.
 * Numbers are written in full (no rounding, no thousands separators), dates as `YYYY-MM-DD`.
 */
import type { SimulationResult } from '../../language/src/engine/results.js';

export const CSV_COLUMNS = [
    'scenario', 'probability', 'period', 'kind', 'name', 'material',
    'need', 'recycled', 'delivered', 'drawn', 'released', 'unmet', 'stock', 'reserve_stock', 'cover_days', 'top_origin_share'
] as const;

export function resultsToCsv(result: SimulationResult): string {
    const rows: string[][] = [[...CSV_COLUMNS]];
    for (const scenario of result.scenarios) {
        const probability = scenario.probability === null ? '' : String(scenario.probability);
        result.periodStarts.forEach((period, i) => {
            for (const [consumer, c] of Object.entries(scenario.consumers)) {
                for (const [material, m] of Object.entries(c.materials)) {
                    const s = m.series;
                    rows.push([scenario.name, probability, period, 'consumer', consumer, material,
                        ...[s.need, s.recycled, s.delivered, s.drawn, s.released, s.unmet, s.stock, s.reserveStock, s.coverDays, s.topOriginShare]
                            .map(series => num(series[i]))]);
                }
            }
            for (const [reserve, r] of Object.entries(scenario.reserves)) {
                for (const [material, m] of Object.entries(r.materials)) {
                    rows.push([scenario.name, probability, period, 'reserve', reserve, material,
                        '', '', '', '', '', '', num(m.stock[i]), '', '', '']);
                }
            }
        });
    }
    return rows.map(row => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function num(value: number | undefined): string {
    return value === undefined ? '' : String(value);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
function quote(field: string): string {
    return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
