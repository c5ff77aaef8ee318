import { describe, expect, test } from 'vitest';
import { buildChartModel, initialScenario, worstScenario } from '../../../client/src/chart/model.js';
import { SMALL_RESULT } from './results-fixture.js';

const input = { uri: 'file:///m/a.choke', fileName: 'a.choke', status: 'ok' as const, errorCount: 0, stale: false };

describe('chart model', () => {
    const model = buildChartModel({ ...input, result: SMALL_RESULT });
    const curb = model.scenarios[1];

    test('periods are labelled by month for monthly steps', () => {
        expect(model.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    });

    test('all consumers: each series is the sum over consumers and materials', () => {
        const all = curb.focuses[0];
        expect(all.name).toBeNull();
        // need: A 100 + B (REE 10 + NdFeB 2) = 112 each period.
        expect(all.supply.need).toEqual([112, 112, 112]);
        // delivered: A 100, 70, 80 + B REE 10, 5, 10 = 110, 75, 90.
        expect(all.supply.delivered).toEqual([110, 75, 90]);
        expect(all.supply.drawn).toEqual([0, 5, 0]);
        expect(all.supply.recycled).toEqual([1, 1, 1]);
        expect(all.supply.released).toEqual([1, 1, 1]);
        expect(all.supply.unmet).toEqual([0, 30, 20]);
        // Conservation: need = recycled + delivered + drawn + released + unmet, every period.
        for (let i = 0; i < 3; i++) {
            const s = all.supply;
            expect(s.recycled[i] + s.delivered[i] + s.drawn[i] + s.released[i] + s.unmet[i]).toBe(s.need[i]);
        }
        expect(all.reserveStock).toEqual([{ label: 'Stockpile · REE', values: [50, 20, 0] }]);
        expect(all.topOriginShare.map(s => s.label)).toEqual(['A · REE', 'B · REE', 'B · NdFeB']);
        expect(all.totals).toEqual({ need: 336, unmet: 50, loss: { JPY: 9.75e9 } });
    });

    test('one consumer: its own series, totals and its share of the reserves', () => {
        const a = curb.focuses.find(f => f.name === 'A')!;
        expect(a.supply.need).toEqual([100, 100, 100]);
        expect(a.supply.unmet).toEqual([0, 30, 20]);
        expect(a.reserveStock).toEqual([{ label: "A's share of reserves · REE", values: [50, 20, 0] }]);
        expect(a.topOriginShare).toEqual([{ label: 'A · REE', values: [0.8, 0.5, 0.8] }]);
        // 300 t needed, 30 + 20 unmet.
        expect(a.totals).toEqual({ need: 300, unmet: 50, loss: { JPY: 9.75e9 } });
        expect(curb.focuses.map(f => f.name)).toEqual([null, 'A', 'B']);
    });

    test('the worst scenario is the one with the most unmet need', () => {
        expect(worstScenario(SMALL_RESULT)).toBe('Curb');
        expect(model.worstScenario).toBe('Curb');
        expect(worstScenario({ ...SMALL_RESULT, scenarios: [SMALL_RESULT.scenarios[0]] })).toBeNull();
    });

    test('the chart opens on the requested scenario, else the setting, else the worst, else the baseline', () => {
        expect(initialScenario(model, 'baseline', 'Curb')).toBe('baseline');
        expect(initialScenario(model, undefined, 'baseline')).toBe('baseline');
        expect(initialScenario(model, 'Nope', 'Missing')).toBe('Curb');
        const calm = buildChartModel({ ...input, result: { ...SMALL_RESULT, scenarios: [SMALL_RESULT.scenarios[0]] } });
        expect(initialScenario(calm, undefined, '')).toBe('baseline');
    });

    test('without results the model is empty but says why', () => {
        const empty = buildChartModel({ ...input, status: 'errors', errorCount: 2 });
        expect(empty).toEqual({ ...input, status: 'errors', errorCount: 2, periods: [], scenarios: [], worstScenario: null });
        expect(initialScenario(empty, 'Curb', '')).toBeUndefined();
    });

    test('weekly steps keep the day in the labels', () => {
        const weekly = buildChartModel({
            ...input,
            result: { ...SMALL_RESULT, horizon: { ...SMALL_RESULT.horizon, step: 'week' }, periodStarts: ['2026-01-01', '2026-01-08', '2026-01-15'] }
        });
        expect(weekly.periods).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
    });
});
