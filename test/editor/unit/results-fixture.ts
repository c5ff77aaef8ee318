/**
 * A small SimulationResult written by hand for the client's unit tests: three monthly
 * periods, two consumers (A with REE, B with REE and NdFeB), one reserve, a baseline and
 * one scenario with a probability.
 */
import type { ConsumerMaterialResult, ConsumerResult, ConsumerSeries, ScenarioResult, SimulationResult } from '../../../language/src/engine/results.js';

/** The results hold typed series (engine/results.ts `Series`); written here as plain numbers. */
type SeriesInput = Partial<Record<keyof ConsumerSeries, number[]>>;
const typed = (values: number[]) => Float64Array.from(values);

function series(values: SeriesInput): ConsumerSeries {
    const zero = [0, 0, 0];
    const full = {
        need: zero,
        recycled: zero,
        arrivals: zero,
        delivered: zero,
        refill: zero,
        excess: zero,
        drawn: zero,
        released: zero,
        unmet: zero,
        stock: zero,
        reserveStock: zero,
        coverDays: zero,
        topOriginShare: zero,
        ...values
    };
    // No refill or excess here: everything that arrives is delivered.
    const withArrivals = { ...full, arrivals: values.arrivals ?? full.delivered };
    return Object.fromEntries(Object.entries(withArrivals).map(([key, v]) => [key, typed(v)])) as unknown as ConsumerSeries;
}

function consumer(materials: Record<string, SeriesInput>, loss: Record<string, number>): ConsumerResult {
    const entries = Object.entries(materials).map(([name, s]) => {
        const full = series(s);
        const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
        const need = sum(full.need);
        const unmet = sum(full.unmet);
        const material: ConsumerMaterialResult = {
            need,
            recycled: sum(full.recycled),
            arrivals: sum(full.arrivals),
            delivered: sum(full.delivered),
            refill: 0,
            excess: 0,
            drawn: sum(full.drawn),
            released: sum(full.released),
            unmet,
            fill: need > 0 ? 1 - unmet / need : 1,
            firstStockout: null,
            ttsDays: null,
            recovery: null,
            coverDays: 30,
            series: full
        };
        return [name, material] as const;
    });
    return {
        dependency: { China: 1 },
        dependencyEnd: { China: 1 },
        embeddedDependency: { China: 1 },
        embeddedDependencyEnd: { China: 1 },
        hhi: 10000,
        hhiEnd: 10000,
        coverDays: 30,
        materials: Object.fromEntries(entries),
        loss,
        series: {
            dependency: { China: typed([1, 1, 1]) },
            embeddedDependency: { China: typed([1, 1, 1]) },
            hhi: typed([10000, 10000, 10000]),
            coverDays: typed([30, 30, 30])
        }
    };
}

function scenario(name: string, probability: number | null, unmetA: number[], loss: number): ScenarioResult {
    const a = consumer(
        {
            REE: {
                need: [100, 100, 100],
                delivered: [100, 100 - unmetA[1], 100 - unmetA[2]],
                unmet: unmetA,
                topOriginShare: [0.8, 0.5, 0.8],
                reserveStock: [50, 20, 0]
            }
        },
        { JPY: loss }
    );
    const b = consumer(
        {
            REE: { need: [10, 10, 10], delivered: [10, 5, 10], drawn: [0, 5, 0], topOriginShare: [1, 1, 1] },
            NdFeB: { need: [2, 2, 2], recycled: [1, 1, 1], released: [1, 1, 1], topOriginShare: [0.5, 0.5, 0.5] }
        },
        { JPY: 0 }
    );
    const unmet = unmetA.reduce((x, y) => x + y, 0);
    return {
        name,
        probability,
        consumers: { A: a, B: b },
        reserves: {
            Stockpile: {
                materials: {
                    REE: {
                        initial: 50,
                        final: 0,
                        coverDays: 10,
                        released: 50,
                        purchased: 0,
                        dryOn: null,
                        lowest: 0,
                        lowestAt: '2026-03-01',
                        capBinding: null,
                        stock: typed([50, 20, 0]),
                        releases: typed([0, 30, 20]),
                        purchases: typed([0, 0, 0])
                    }
                }
            }
        },
        targets: {},
        totals: { need: 300 + 30 + 6, unmet, loss: { JPY: loss } },
        regions: {},
        plants: {},
        shockStart: probability === null ? null : '2026-02-01'
    };
}

export const SMALL_RESULT: SimulationResult = {
    horizon: { start: '2026-01-01', end: '2026-03-01', step: 'month', periods: 3 },
    periodStarts: ['2026-01-01', '2026-02-01', '2026-03-01'],
    scenarios: [scenario('baseline', null, [0, 0, 0], 0), scenario('Curb', 0.15, [0, 30, 20], 50 * 195e6)],
    expected: { unmet: 0.15 * 50, loss: { JPY: 0.15 * 50 * 195e6 }, probability: 0.15 },
    targetSummary: {}
};
