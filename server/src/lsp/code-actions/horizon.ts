import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Model } from '../../../../language/src/index.js';
import { isCondition, isOffline, isOnline, isTiming } from '../../../../language/src/index.js';
import { parseDate } from '../../../../language/src/index.js';

/** The spec's own example horizon, for a model that names no date at all. */
const DEFAULT_HORIZON = { start: 2026, end: 2028 };

/**
 * A horizon covering the model's dates (timings, online/offline, target `by` dates): from
 * January of the earliest year to December of the latest, at least three years long.
 */
export function suggestedHorizon(models: Model[]): string {
    const years: number[] = [];
    for (const model of models) {
        for (const node of AstUtils.streamAst(model)) {
            for (const date of datesOf(node)) {
                const parsed = parseDate(date);
                if (parsed) years.push(parsed.year);
            }
        }
    }
    const start = years.length > 0 ? Math.min(...years) : DEFAULT_HORIZON.start;
    const end = years.length > 0 ? Math.max(Math.max(...years), start + 2) : DEFAULT_HORIZON.end;
    return `horizon ${start}-01 to ${end}-12`;
}

function datesOf(node: AstNode): string[] {
    if (isTiming(node)) return [node.start, node.end].filter((d): d is string => d !== undefined);
    if (isOnline(node) || isOffline(node)) return node.date ? [node.date] : [];
    if (isCondition(node)) return node.by ? [node.by] : [];
    return [];
}
