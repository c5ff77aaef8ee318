/**
 * Reading `run --json` objects loosely: the comparison takes whatever the results hold under
 * the keys it compares, so keys added to `run --json` later do not break it.
 */

export type Json = Record<string, unknown>;

/** The parsed `run --json` of a model (see run-object.ts). */
export type RunJson = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * A per-period series as `run --json` writes it (an array, null where a period has no value)
 * or as the engine's results hold it in memory (a Float64Array, NaN there): the editor reads
 * its current results without turning them into JSON first.
 */
export function seriesAt(value: unknown): ArrayLike<unknown> | undefined {
    return Array.isArray(value) || value instanceof Float64Array ? (value as ArrayLike<unknown>) : undefined;
}

/** One period's value of a series read by `seriesAt`: null for a period without one. */
export function periodValue(value: unknown): number | null {
    return typeof value === 'number' && !Number.isNaN(value) ? value : null;
}

export function objectAt(value: unknown, key: string): Json {
    const inner = isObject(value) ? value[key] : undefined;
    return isObject(inner) ? inner : {};
}

export function scenariosOf(run: RunJson | undefined): Json[] {
    const list = run?.scenarios;
    return Array.isArray(list) ? list.filter(isObject) : [];
}

export function scenarioNamed(run: RunJson | undefined, name: string): Json | undefined {
    return scenariosOf(run).find(s => s.name === name);
}

/** A number, or null when absent or not a number. */
export function numberOrNull(value: unknown): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A record of numbers (money per currency, shares per origin); null when absent. */
export function numberRecord(value: unknown): Record<string, number> | null {
    if (!isObject(value)) return null;
    const result: Record<string, number> = {};
    for (const [key, v] of Object.entries(value)) if (typeof v === 'number') result[key] = v;
    return result;
}

/** Keys of both objects: `head`'s order first, then those only in `base`. */
export function unionKeys(head: Json | undefined, base: Json | undefined): string[] {
    const keys = Object.keys(head ?? {});
    for (const key of Object.keys(base ?? {})) if (!keys.includes(key)) keys.push(key);
    return keys;
}

/** The origin with the largest share (the first on ties), or undefined with no shares. */
export function topOrigin(dependency: Record<string, number> | null): string | undefined {
    let best: string | undefined;
    for (const [origin, share] of Object.entries(dependency ?? {})) {
        if (best === undefined || share > dependency![best]) best = origin;
    }
    return best;
}

/**
 * The largest per-period share of `origin` among a consumer's arrivals: from the consumer's
 * own `series.dependency` when `run --json` has it, else from its one material's
 * `topOriginShare` series (the first period's top origin). Null when neither says.
 */
export function worstShare(consumer: Json, origin: string, startTop: string | undefined): number | null {
    const perOrigin = objectAt(objectAt(consumer, 'series'), 'dependency')[origin];
    const series = seriesAt(perOrigin) ?? materialSeries(consumer, origin === startTop);
    if (!series) return null;
    let worst: number | null = null;
    for (let t = 0; t < series.length; t++) {
        const v = periodValue(series[t]);
        if (v !== null && (worst === null || v > worst)) worst = v;
    }
    return worst;
}

function materialSeries(consumer: Json, isTop: boolean): ArrayLike<unknown> | undefined {
    const materials = Object.values(objectAt(consumer, 'materials'));
    if (!isTop || materials.length !== 1) return undefined;
    return seriesAt(objectAt(materials[0], 'series').topOriginShare);
}
