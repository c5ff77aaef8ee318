import type { Scenario } from '../../../../language/src/index.js';
import { parseNumber } from '../../../../language/src/index.js';
import { decimalText } from './edits.js';

/** A scenario's new probability text, e.g. `30.8%..35.9%` or `40.95%`. */
export interface NewProbability {
    scenario: Scenario;
    text: string;
}

/**
 * Scales the scenarios' probabilities so that they sum to exactly 100% (ranges count as
 * their midpoints, as in validation): every bound is scaled by 100 / sum and rounded to
 * 0.1; what rounding leaves over goes to the largest probability, so the sum is exact.
 */
export function normalizedProbabilities(scenarios: Scenario[]): NewProbability[] {
    const parts = scenarios.flatMap(scenario => {
        const p = scenario.probability;
        if (!p?.percent || p.low === undefined) return [];
        const low = parseNumber(p.low);
        const high = p.high !== undefined ? parseNumber(p.high) : undefined;
        if (!Number.isFinite(low) || (high !== undefined && !Number.isFinite(high))) return [];
        return [{ scenario, low, high }];
    });
    const sum = parts.reduce((total, p) => total + (p.high !== undefined ? (p.low + p.high) / 2 : p.low), 0);
    if (parts.length === 0 || sum <= 0) return [];
    const factor = 100 / sum;
    const round = (v: number) => Math.round(v * factor * 10) / 10;
    const scaled = parts.map(p => ({ ...p, low: round(p.low), high: p.high !== undefined ? round(p.high) : undefined }));
    const mid = (p: { low: number; high?: number }) => (p.high !== undefined ? (p.low + p.high) / 2 : p.low);
    const residual = Math.round((100 - scaled.reduce((total, p) => total + mid(p), 0)) * 1000) / 1000;
    if (residual !== 0) {
        const largest = scaled.reduce((best, p) => (mid(p) > mid(best) ? p : best), scaled[0]);
        largest.low += residual;
        if (largest.high !== undefined) largest.high += residual;
    }
    return scaled.map(p => ({
        scenario: p.scenario,
        text: p.high !== undefined ? `${decimalText(p.low)}%..${decimalText(p.high)}%` : `${decimalText(p.low)}%`
    }));
}
