/**
 * The scenario grid: one row per scenario (with its probability), the key metrics as columns
 * (unmet, loss, first stockout, worst top-origin share, cover, targets met), and the expected
 * values as the last row. Read from `run --json`; shared by the diff's markdown, the report
 * and the editor's comparison view.
 */
import { isObject, numberOrNull, numberRecord, objectAt, scenariosOf, topOrigin } from './metric-keys.js';
import { worstShare } from './metric-keys.js';
import type { RunJson } from './run-object.js';
import { daysText, moneyText, shareText, tonnesText } from '../values/display.js';

export interface GridRow {
    scenario: string;
    probability: number | null;
    /** Tonnes unmet over the horizon, all consumers. */
    unmet: number;
    /** Loss per currency, all consumers. */
    loss: Record<string, number>;
    /** The earliest first stockout of any consumer, or null. */
    firstStockout: string | null;
    /** The largest per-period share of any consumer's top origin (the start share when no series says). */
    worstShare: number | null;
    /** The smallest cover at the start of any consumer with need, in days. */
    cover: number | null;
    targetsMet: number;
    targetsJudged: number;
}

export interface Grid {
    rows: GridRow[];
    expected: { unmet: number | null; loss: Record<string, number>; probability: number | null };
}

export const GRID_COLUMNS = ['unmet', 'loss', 'firstStockout', 'worstShare', 'cover', 'targets'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export const GRID_TITLES: Record<GridColumn, string> = {
    unmet: 'unmet',
    loss: 'loss',
    firstStockout: 'first stockout',
    worstShare: 'worst top-origin share',
    cover: 'cover',
    targets: 'targets met'
};

export function scenarioGrid(run: RunJson): Grid {
    const rows = scenariosOf(run).map(scenarioRow);
    const expected = objectAt(run, 'expected');
    return {
        rows,
        expected: { unmet: numberOrNull(expected.unmet), loss: numberRecord(expected.loss) ?? {}, probability: numberOrNull(expected.probability) }
    };
}

function scenarioRow(scenario: Record<string, unknown>): GridRow {
    const totals = objectAt(scenario, 'totals');
    let firstStockout: string | null = null,
        worst: number | null = null,
        cover: number | null = null;
    for (const consumer of Object.values(objectAt(scenario, 'consumers'))) {
        if (!isObject(consumer)) continue;
        for (const material of Object.values(objectAt(consumer, 'materials'))) {
            const day = isObject(material) && typeof material.firstStockout === 'string' ? material.firstStockout : null;
            if (day !== null && (firstStockout === null || day < firstStockout)) firstStockout = day;
        }
        const start = numberRecord(consumer.dependency);
        const top = topOrigin(start);
        if (top !== undefined) {
            const share = worstShare(consumer, top, top) ?? start![top];
            if (worst === null || share > worst) worst = share;
        }
        const days = numberOrNull(consumer.coverDays);
        if (days !== null && (cover === null || days < cover)) cover = days;
    }
    const targets = Object.values(objectAt(scenario, 'targets')).filter(isObject);
    return {
        scenario: String(scenario.name),
        probability: numberOrNull(scenario.probability),
        unmet: numberOrNull(totals.unmet) ?? 0,
        loss: numberRecord(totals.loss) ?? {},
        firstStockout,
        worstShare: worst,
        cover,
        targetsMet: targets.filter(t => t.pass === true).length,
        targetsJudged: targets.length
    };
}

/** A cell as people read it. */
export function cellText(row: GridRow, column: GridColumn): string {
    switch (column) {
        case 'unmet':
            return tonnesText(row.unmet);
        case 'loss':
            return moneyCell(row.loss);
        case 'firstStockout':
            return row.firstStockout ?? '—';
        case 'worstShare':
            return row.worstShare === null ? '—' : shareText(row.worstShare);
        case 'cover':
            return row.cover === null ? '—' : daysText(row.cover);
        case 'targets':
            return `${row.targetsMet}/${row.targetsJudged}`;
    }
}

export function moneyCell(loss: Record<string, number>): string {
    const parts = Object.entries(loss)
        .filter(([, v]) => v !== 0)
        .map(([c, v]) => moneyText(v, c));
    return parts.length > 0 ? parts.join(' + ') : '0';
}

/** How bad a cell is, for colouring: 0 fine, 1 some harm, 2 severe. */
export function severity(row: GridRow, column: GridColumn): 0 | 1 | 2 {
    switch (column) {
        case 'unmet':
            return row.unmet <= 0 ? 0 : row.unmet < 1000 ? 1 : 2;
        case 'loss':
            return Object.values(row.loss).some(v => v > 0) ? (row.unmet < 1000 ? 1 : 2) : 0;
        case 'firstStockout':
            return row.firstStockout === null ? 0 : 2;
        case 'worstShare':
            return row.worstShare === null || row.worstShare < 0.5 ? 0 : row.worstShare < 0.8 ? 1 : 2;
        case 'cover':
            return row.cover === null || row.cover >= 60 ? 0 : row.cover >= 30 ? 1 : 2;
        case 'targets':
            return row.targetsMet === row.targetsJudged ? 0 : row.targetsMet > 0 ? 1 : 2;
    }
}
