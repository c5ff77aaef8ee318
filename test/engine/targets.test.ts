import { describe, expect, test } from 'vitest';
import { MONTH, run, scenario } from './helpers.js';

// Baseline: C gets 75 t from China and 25 t from Vietnam a month, exactly its need.
// X: China is cut from March. March: 25 arrive, C draws its 50 t, R releases 25 (25 left).
// April: 25 arrive, R releases its last 25, 50 t unmet.
const model = `
horizon 2026-01 to 2026-04
supplier CN in China { produces REE 1000 t/month }
supplier VN in Vietnam { produces REE 1000 t/month }
consumer C in Japan { needs REE 100 t/month  stock REE 50 t  loss 1 million JPY per t }
flow CN -> C { REE 75 t/month }
flow VN -> C { REE 25 t/month }
reserve R in Japan { holds REE 50 t  serves C }
shock Ban { embargo China -> Japan from 2026-03 }
scenario X probability 50% { Ban }
target Dep { dependency of C on China <= 50% }
target DepBy { dependency of C on China <= 50% by 2026-02 }
target DepBloc { dependency of Japan on FriendlyProducers >= 20% }
target Hhi { hhi of C < 7000 }
target HhiBy { hhi of C < 7000 by 2026-02-20 in X }
target Cover { cover of C >= 10 days }
target CoverBy { cover of R >= 7 days by 2026-03 in X }
target Unmet { unmet of * <= 10 t }
target UnmetBy { unmet of C for REE <= 10 t by 2026-03 }
target Fill { fill of Japan >= 90% }
target FillBy { fill of * >= 90% by 2026-03 }
target Loss { loss of * <= 10 million JPY in baseline, X }
target LossBy { loss of C <= 10 million JPY by 2026-03 in X }
target Multi { unmet of C <= 100 t  hhi of C <= 5000 }
`;

const days = (tonnes: number) => Number((tonnes / (100 / MONTH)).toFixed(3));

describe('targets', async () => {
    const r = await run(model);
    const judged = (name: string, scenarioName: string) => scenario(r, scenarioName).targets[name];
    const brief = (name: string, scenarioName: string) => {
        const t = judged(name, scenarioName);
        return t && { value: t.value, pass: t.pass, judgedAt: t.judgedAt, unit: t.unit };
    };

    test('dependency: at the end without `by`, in the period containing `by` with it', () => {
        expect(brief('Dep', 'baseline')).toEqual({ value: 0.75, pass: false, judgedAt: '2026-04-01', unit: 'share' });
        expect(brief('Dep', 'X')).toEqual({ value: 0, pass: true, judgedAt: '2026-04-01', unit: 'share' });
        expect(brief('DepBy', 'X')).toEqual({ value: 0.75, pass: false, judgedAt: '2026-02-01', unit: 'share' });
        expect(judged('DepBy', 'X').threshold).toBe(0.5);
    });

    test('dependency of a region on a bloc: its imports from the bloc members', () => {
        // Vietnam is a friend-shoring partner: 25% of Japan's imports, then 100% in X's April.
        expect(brief('DepBloc', 'baseline')).toMatchObject({ value: 0.25, pass: true });
        expect(brief('DepBloc', 'X')).toMatchObject({ value: 1, pass: true });
    });

    test('hhi, and `in` limits the scenarios', () => {
        expect(brief('Hhi', 'baseline')).toEqual({ value: 6250, pass: true, judgedAt: '2026-04-01', unit: 'hhi' });
        expect(brief('Hhi', 'X')).toEqual({ value: 10000, pass: false, judgedAt: '2026-04-01', unit: 'hhi' });
        expect(judged('HhiBy', 'baseline')).toBeUndefined();
        expect(brief('HhiBy', 'X')).toEqual({ value: 6250, pass: true, judgedAt: '2026-02-01', unit: 'hhi' });
    });

    test('cover of a consumer and of a reserve, at the end of the judged period', () => {
        // Baseline end: 50 own + 50 in R = 100 t; X end: nothing left.
        expect(brief('Cover', 'baseline')).toEqual({ value: days(100), pass: true, judgedAt: '2026-04-01', unit: 'days' });
        expect(brief('Cover', 'X')).toMatchObject({ value: 0, pass: false });
        // R at the end of March in X: 25 t for 100 t/month of need.
        expect(brief('CoverBy', 'X')).toEqual({ value: days(25), pass: true, judgedAt: '2026-03-01', unit: 'days' });
    });

    test('unmet: over the whole horizon without `by`, up to and including its period with it', () => {
        expect(brief('Unmet', 'baseline')).toEqual({ value: 0, pass: true, judgedAt: null, unit: 't' });
        expect(brief('Unmet', 'X')).toEqual({ value: 50, pass: false, judgedAt: null, unit: 't' });
        expect(brief('UnmetBy', 'X')).toEqual({ value: 0, pass: true, judgedAt: '2026-03-01', unit: 't' });
    });

    test('fill of a region and of everyone', () => {
        // 1 - 50/400 = 0.875 over the horizon; nothing unmet through March.
        expect(brief('Fill', 'X')).toEqual({ value: 0.875, pass: false, judgedAt: null, unit: 'share' });
        expect(brief('FillBy', 'X')).toEqual({ value: 1, pass: true, judgedAt: '2026-03-01', unit: 'share' });
    });

    test('loss in the currency of the threshold', () => {
        expect(brief('Loss', 'baseline')).toEqual({ value: 0, pass: true, judgedAt: null, unit: 'JPY' });
        expect(brief('Loss', 'X')).toEqual({ value: 50_000_000, pass: false, judgedAt: null, unit: 'JPY' });
        expect(judged('Loss', 'X').threshold).toBe(10_000_000);
        expect(brief('LossBy', 'X')).toEqual({ value: 0, pass: true, judgedAt: '2026-03-01', unit: 'JPY' });
    });

    test('several conditions: all must pass; the first failing one is reported', () => {
        const t = judged('Multi', 'baseline');
        expect(t.pass).toBe(false);
        expect(t.value).toBe(6250);
        expect(t.condition).toBe('hhi of C <= 5000');
        expect(t.conditions.map(c => c.pass)).toEqual([true, false]);
        expect(t.scenario).toBe('baseline');
    });

    test('the summary says where each target fails', () => {
        expect(r.targetSummary.Dep).toEqual({ pass: false, failedIn: ['baseline'] });
        expect(r.targetSummary.Unmet).toEqual({ pass: false, failedIn: ['X'] });
        expect(r.targetSummary.HhiBy).toEqual({ pass: true, failedIn: [] });
    });
});
