import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, resultsToCsv } from '../../../client/src/csv.js';
import { SMALL_RESULT } from './results-fixture.js';

describe('CSV export', () => {
    const lines = resultsToCsv(SMALL_RESULT).split('\r\n');

    test('a header, then one row per scenario, period and consumer-material or reserve-material', () => {
        expect(lines[0]).toBe(CSV_COLUMNS.join(','));
        expect(lines.at(-1)).toBe('');
        // 2 scenarios × 3 periods × (A·REE + B·REE + B·NdFeB + Stockpile·REE) = 24 rows.
        expect(lines.length - 2).toBe(24);
    });

    test('rows carry the series values of their period, in full', () => {
        // Curb, 2026-02: A's REE need 100, 70 arrived and delivered, unmet 30, reserve stock 20, share 0.5.
        expect(lines).toContain('Curb,0.15,2026-02-01,consumer,A,REE,100,0,70,70,0,0,0,0,,30,0,20,0,0.5');
        // B's NdFeB: recycled 1 and released 1 of a need of 2.
        expect(lines).toContain('baseline,,2026-01-01,consumer,B,NdFeB,2,1,0,0,0,0,0,1,,0,0,0,0,0.5');
        // Reserve rows: released 20, purchased 0, stock 0 in 2026-03.
        expect(lines).toContain('Curb,0.15,2026-03-01,reserve,Stockpile,REE,,,,,,,,20,0,,0,,,');
    });
});
