/**
 * Results as CSV for spreadsheets: one row per scenario, period and consumer-material (kind
 * `consumer`) or reserve-material (kind `reserve`: released, purchased and stock), with the
 * per-period series as columns (`reserve_stock` is the consumer's share of its reserves).
 * Numbers follow the display rule (display.ts: 3 significant figures below 1,000, whole
 * above) without thousands separators, so spreadsheets read them as numbers; a non-zero
 * value keeps its 3 significant figures rather than reading 0. Dates as `YYYY-MM-DD`.
 */
import type { SimulationResult } from '../../language/src/view.js';
import { plainQuantityNumber } from '../../language/src/view.js';

export const CSV_COLUMNS = [
    'scenario',
    'probability',
    'period',
    'kind',
    'name',
    'material',
    'need',
    'recycled',
    'arrivals',
    'delivered',
    'refill',
    'excess',
    'drawn',
    'released',
    'purchased',
    'unmet',
    'stock',
    'reserve_stock',
    'cover_days',
    'top_origin_share'
] as const;

export function resultsToCsv(result: SimulationResult): string {
    const rows: string[][] = [[...CSV_COLUMNS]];
    for (const scenario of result.scenarios) {
        const probability = scenario.probability === null ? '' : String(scenario.probability);
        result.periodStarts.forEach((period, i) => {
            for (const [consumer, c] of Object.entries(scenario.consumers)) {
                for (const [material, m] of Object.entries(c.materials)) {
                    const s = m.series;
                    rows.push([
                        scenario.name,
                        probability,
                        period,
                        'consumer',
                        consumer,
                        material,
                        num(s.need[i]),
                        num(s.recycled[i]),
                        num(s.arrivals[i]),
                        num(s.delivered[i]),
                        num(s.refill[i]),
                        num(s.excess[i]),
                        num(s.drawn[i]),
                        num(s.released[i]),
                        '',
                        num(s.unmet[i]),
                        num(s.stock[i]),
                        num(s.reserveStock[i]),
                        num(s.coverDays[i]),
                        num(s.topOriginShare[i])
                    ]);
                }
            }
            for (const [reserve, r] of Object.entries(scenario.reserves)) {
                for (const [material, m] of Object.entries(r.materials)) {
                    rows.push([
                        scenario.name,
                        probability,
                        period,
                        'reserve',
                        reserve,
                        material,
                        '',
                        '',
                        '',
                        '',
                        '',
                        '',
                        '',
                        num(m.releases?.[i]),
                        num(m.purchases?.[i]),
                        '',
                        num(m.stock[i]),
                        '',
                        '',
                        ''
                    ]);
                }
            }
        });
    }
    return rows.map(row => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function num(value: number | undefined): string {
    return value === undefined ? '' : plainQuantityNumber(value);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
function quote(field: string): string {
    return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
