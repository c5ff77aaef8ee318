/**
 * Runs the real CLI (`chokepoint check`, `chokepoint run --json`) in-process on the example
 * files, as a strategist would from the shell, and checks what every run must keep.
 */
import * as path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../language/src/cli/main.js';
import type { ConsumerMaterialResult, ReserveMaterialResult, ScenarioResult, SimulationResult } from '../../language/src/engine/results.js';

export const EXAMPLES = path.resolve(__dirname, '../../examples');
export const JAPAN = path.join(EXAMPLES, 'japan-2026');
export const CRISIS = path.join(EXAMPLES, 'crisis-2010');

export interface CliRun {
    code: number;
    out: string;
    err: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
    const out: string[] = [],
        err: string[] = [];
    const code = await main(
        args,
        s => out.push(s),
        s => err.push(s)
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `chokepoint run FILE --json`, parsed; fails the test unless it exits 0. */
export async function runJson(file: string, ...more: string[]): Promise<SimulationResult> {
    const run = await cli('run', file, '--json', ...more);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as SimulationResult;
    checkConservation(result);
    return result;
}

export function scenario(result: SimulationResult, name: string): ScenarioResult {
    const found = result.scenarios.find(s => s.name === name);
    if (!found) throw new Error(`no scenario ${name} in ${result.scenarios.map(s => s.name).join(', ')}`);
    return found;
}

/** One consumer's results for one material. */
export function ree(s: ScenarioResult, consumer: string, material = 'REE'): ConsumerMaterialResult {
    return s.consumers[consumer].materials[material];
}

export function reserve(s: ScenarioResult, name: string, material = 'REE'): ReserveMaterialResult {
    return s.reserves[name].materials[material];
}

/** Tonnes as printed (6 decimals): equal to a hand-computed figure within a milligram. */
export function expectTonnes(actual: number | null | undefined, expected: number): void {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThan(1e-5);
}

/**
 * Conservation per consumer, material and period (need = recycled + delivered + drawn +
 * released + unmet; arrivals = delivered + refill + excess), nothing negative, every
 * number finite. A wrong story number is often first a broken balance. Per-period series
 * are printed rounded (to the kilogram or finer), so a balance of five of them holds to
 * SERIES_TOLERANCE; totals are checked to the milligram by the tests themselves.
 */
const SERIES_TOLERANCE = 0.003;

export function checkConservation(result: SimulationResult): void {
    for (const s of result.scenarios) {
        for (const [consumer, c] of Object.entries(s.consumers)) {
            for (const [material, m] of Object.entries(c.materials)) {
                const x = m.series;
                for (let t = 0; t < result.horizon.periods; t++) {
                    const where = `${s.name}/${consumer}/${material} period ${t}`;
                    const used = x.recycled[t] + x.delivered[t] + x.drawn[t] + x.released[t] + x.unmet[t];
                    expect(Math.abs(x.need[t] - used), where).toBeLessThan(SERIES_TOLERANCE);
                    expect(Math.abs(x.arrivals[t] - x.delivered[t] - x.refill[t] - x.excess[t]), where).toBeLessThan(SERIES_TOLERANCE);
                    for (const v of [x.need[t], x.recycled[t], x.delivered[t], x.drawn[t], x.released[t], x.unmet[t], x.stock[t], x.excess[t]]) {
                        expect(Number.isFinite(v) && v >= 0, `${where}: ${v}`).toBe(true);
                    }
                }
            }
        }
        for (const [name, r] of Object.entries(s.reserves)) {
            for (const [material, m] of Object.entries(r.materials)) {
                // Stock at the end = initial + bought - released.
                expect(Math.abs(m.final - (m.initial + m.purchased - m.released)), `${s.name}/${name}/${material}`).toBeLessThan(1e-5);
            }
        }
    }
}
