/**
 * The held-out check, on the Japan example: `diff --json` reports exactly the differences
 * that two `run --json` give (compared here key by key, independently of the diff's code).
 */
import { afterAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../language/src/cli/main.js';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { diffJson, TempRepo, type DiffJson } from './repo.js';

const JAPAN = path.resolve(__dirname, '../../examples/japan-2026');
const r = new TempRepo();
const copies = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-runs-'));
afterAll(() => {
    r.remove();
    rmSync(copies, { recursive: true, force: true });
});

/** A result's field by name, as the diff walks them. */
const field = (o: object, key: string): unknown => (o as Record<string, unknown>)[key];

async function runJson(file: string): Promise<SimulationResult> {
    const out: string[] = [];
    expect(
        await main(
            ['run', file, '--json'],
            s => out.push(s),
            () => undefined
        )
    ).toBe(0);
    return JSON.parse(out.join('\n')) as SimulationResult;
}

/** The contract's metrics (review.md §1) under their `run --json` keys: per consumer and material, per consumer, per reserve and material. */
const MATERIAL_KEYS = ['unmet', 'fill', 'firstStockout', 'ttsDays', 'recovery', 'coverDays'];
const CONSUMER_KEYS = ['loss', 'hhi', 'hhiEnd', 'coverDays'];
const RESERVE_KEYS = ['dryOn', 'final'];

/** Every compared metric of a run but the top-origin share, keyed `scenario|subject|metric|material`. */
function metricValues(run: SimulationResult): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const s of run.scenarios) {
        for (const [name, c] of Object.entries(s.consumers)) {
            for (const [material, m] of Object.entries(c.materials)) {
                for (const key of MATERIAL_KEYS) values.set(`${s.name}|${name}|${key}|${material}`, field(m, key));
            }
            for (const key of CONSUMER_KEYS) values.set(`${s.name}|${name}|${key}|`, field(c, key));
        }
        for (const [name, reserve] of Object.entries(s.reserves)) {
            for (const [material, m] of Object.entries(reserve.materials)) {
                for (const key of RESERVE_KEYS) values.set(`${s.name}|${name}|${key}|${material}`, field(m, key));
            }
        }
    }
    return values;
}

/** A consumer's top-origin share at the start, its largest in any period and at the end, read from `run --json`'s keys. */
function originShares(c: object, origin: string): { start: number; worst: number; end: number } {
    const start = (field(c, 'dependency') as Record<string, number>)[origin] ?? 0;
    const end = (field(c, 'dependencyEnd') as Record<string, number>)[origin] ?? 0;
    const series = (field(field(c, 'series') as object, 'dependency') as Record<string, (number | null)[]>)[origin] ?? [];
    return { start, worst: Math.max(...series.filter((v): v is number => typeof v === 'number')), end };
}

/**
 * The diff's report of one model against two `run --json`: every metric that differs and no
 * other, each with both sides' values and head − base; the targets whose value or pass
 * differs; both sides' expected values. Returns the metric names reported.
 */
function expectAgreement(model: DiffJson['models'][number], base: SimulationResult, head: SimulationResult): string[] {
    const b = metricValues(base),
        h = metricValues(head);
    const differences = [...h.keys()]
        .filter(k => JSON.stringify(b.get(k)) !== JSON.stringify(h.get(k)))
        .map(k => {
            const [scenario, subject, metric, material] = k.split('|');
            return { scenario, subject, metric, material: material || undefined, base: b.get(k), head: h.get(k) };
        });
    const reported = model.metrics.filter(m => m.metric !== 'dependency').map(({ delta: _delta, ...rest }) => ({ ...rest, material: rest.material }));
    // The same set (the diff orders a consumer's per-material metrics before its own).
    const key = (m: { scenario: string; subject: string; metric: string; material?: string }) => `${m.scenario}|${m.subject}|${m.metric}|${m.material ?? ''}`;
    expect([...reported].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...differences].sort((x, y) => key(x).localeCompare(key(y))));
    for (const m of model.metrics) {
        if (typeof m.base === 'number' && typeof m.head === 'number') expect(m.delta, key(m)).toBe(m.head - m.base);
        else if (typeof m.base === 'string' || typeof m.head === 'string') expect(m, key(m)).not.toHaveProperty('delta');
        else if (m.metric !== 'loss' && m.metric !== 'dependency') expect(m.delta, key(m)).toBeNull();
    }
    // Top-origin share: the origin on top at the start of BASE, its start, worst and end at each side.
    const shares = head.scenarios.flatMap(s =>
        Object.entries(s.consumers).flatMap(([name, c]) => {
            const old = base.scenarios.find(x => x.name === s.name)?.consumers[name];
            if (!old) return [];
            const start = field(old, 'dependency') as Record<string, number>;
            const origin = Object.keys(start).reduce((top, o) => (start[o] > start[top] ? o : top), Object.keys(start)[0]);
            const before = originShares(old, origin),
                after = originShares(c, origin);
            if (JSON.stringify(before) === JSON.stringify(after)) return [];
            const delta = { start: after.start - before.start, worst: after.worst - before.worst, end: after.end - before.end };
            return [{ scenario: s.name, subject: name, metric: 'dependency', origin, base: before, head: after, delta }];
        })
    );
    expect(model.metrics.filter(m => m.metric === 'dependency')).toEqual(shares);
    // Targets: every (scenario, target) whose value or pass differs, with both sides' figures.
    const targetDiffs = head.scenarios.flatMap(s =>
        Object.entries(s.targets)
            .filter(([name, t]) => {
                const old = base.scenarios.find(x => x.name === s.name)!.targets[name];
                return old.value !== t.value || old.pass !== t.pass;
            })
            .map(([name, t]) => {
                const old = base.scenarios.find(x => x.name === s.name)!.targets[name];
                return { name, scenario: s.name, base: { value: old.value, pass: old.pass }, head: { value: t.value, pass: t.pass } };
            })
    );
    expect(model.targets).toEqual(targetDiffs);
    expect(model.expected).toEqual({
        base: { unmet: base.expected.unmet, loss: base.expected.loss },
        head: { unmet: head.expected.unmet, loss: head.expected.loss }
    });
    return [...new Set(model.metrics.map(m => (m.material ? `${m.metric} (material)` : m.metric)))];
}

test('diff --json on the Japan example: the same differences as two run --json', async () => {
    cpSync(JAPAN, path.join(r.dir, 'japan'), { recursive: true });
    r.commit('Japan as it is');
    const japan = path.join(r.dir, 'japan', 'japan.choke');
    const before = readFileSync(japan, 'utf8');
    // The contract's example change: Automotive's own stock from 30 to 45 days.
    const after = before.replace(/(consumer Automotive[\s\S]*?stock REE )30 days/, '$145 days');
    expect(after).not.toBe(before);
    writeFileSync(japan, after);
    r.commit('Automotive keeps 45 days');

    cpSync(JAPAN, path.join(copies, 'base'), { recursive: true });
    cpSync(path.join(r.dir, 'japan'), path.join(copies, 'head'), { recursive: true });
    const base = await runJson(path.join(copies, 'base', 'main.choke'));
    const head = await runJson(path.join(copies, 'head', 'main.choke'));

    const { report } = await diffJson(r.dir, 'HEAD~1', 'HEAD', 'japan');
    const model = report.models.find(m => m.file === 'japan/main.choke')!;
    expect(model.status).toBe('changed');
    expect(model.declarations).toEqual([{ kind: 'consumer', name: 'Automotive', change: 'changed', detail: 'stock REE 30 days -> 45 days' }]);
    expect(model.metrics.length).toBeGreaterThan(10);
    expectAgreement(model, base, head);
});

/**
 * Two origins and a reserve, so that every metric of the contract's list can move:
 * stock 30 -> 45 days, the reserve 100 -> 40 t, the flows 80/20 -> 70/30 t/month (China /
 * Australia), the cut 3 -> 4 months; the target allows 60 t unmet in the cut.
 */
function twoOrigins(stockDays: number, reserveTonnes: number, china: number, australia: number, cutMonths: number): string {
    return `horizon 2026-01 to 2026-12
supplier Mine in China { produces REE 1200 t/yr }
supplier Pit in Australia { produces REE 1200 t/yr }
consumer Maker in Japan {
  needs REE 100 t/month
  stock REE ${stockDays} days
  loss 1 million JPY per t
}
reserve Pile in Japan { holds REE ${reserveTonnes} t  serves Maker }
flow Mine -> Maker { REE ${china} t/month }
flow Pit -> Maker { REE ${australia} t/month }
shock Cut { embargo China -> Japan on REE  from 2026-03 for ${cutMonths} months }
scenario Curb probability 40% { Cut }
target Tolerable { unmet of Maker <= 60 t in Curb }
`;
}

test('diff --json on a model with two origins and a reserve: every metric of the contract, as two run --json give it', async () => {
    const repo = new TempRepo();
    try {
        repo.write('model.choke', twoOrigins(30, 100, 80, 20, 3)).commit('base');
        repo.write('model.choke', twoOrigins(45, 40, 70, 30, 4)).commit('head');
        writeFileSync(path.join(copies, 'base.choke'), twoOrigins(30, 100, 80, 20, 3));
        writeFileSync(path.join(copies, 'head.choke'), twoOrigins(45, 40, 70, 30, 4));
        const base = await runJson(path.join(copies, 'base.choke'));
        const head = await runJson(path.join(copies, 'head.choke'));
        const { code, report } = await diffJson(repo.dir, 'HEAD~1', 'HEAD');
        // Tolerable passed (41.4 t unmet) and fails (92.1 t): a regression.
        expect(code).toBe(1);
        expect(report.regressions).toBe(1);
        const metrics = expectAgreement(report.models[0], base, head);
        expect(metrics.sort()).toEqual(
            [
                'unmet (material)',
                'fill (material)',
                'firstStockout (material)',
                'ttsDays (material)',
                'recovery (material)',
                'coverDays (material)',
                'loss',
                'dependency',
                'hhi',
                'hhiEnd',
                'coverDays',
                'dryOn (material)',
                'final (material)'
            ].sort()
        );
        // A few by hand. Baseline HHI: 80² + 20² = 6,800 -> 70² + 30² = 5,800, start and end alike.
        const at = (scenario: string, metric: string, material?: string) =>
            report.models[0].metrics.find(m => m.scenario === scenario && m.metric === metric && m.material === material);
        expect(at('baseline', 'hhi')).toMatchObject({ base: 6800, head: 5800, delta: -1000 });
        expect(at('baseline', 'hhiEnd')).toMatchObject({ base: 6800, head: 5800, delta: -1000 });
        // The reserve keeps its 100 t -> 40 t in the baseline; in the cut it runs dry later (a larger own stock first).
        expect(at('baseline', 'final', 'REE')).toMatchObject({ subject: 'Pile', base: 100, head: 40, delta: -60 });
        expect(at('Curb', 'dryOn', 'REE')).toEqual({
            scenario: 'Curb',
            subject: 'Pile',
            metric: 'dryOn',
            material: 'REE',
            base: '2026-05-15',
            head: '2026-05-20'
        });
        // Recovery: the month after the cut ends, June -> July.
        expect(at('Curb', 'recovery', 'REE')).toMatchObject({ base: '2026-06-01', head: '2026-07-01' });
        // China's share at the start: 80% -> 70%; during the cut China sends nothing, so its worst is its start.
        expect(at('Curb', 'dependency')).toMatchObject({
            origin: 'China',
            base: { start: 0.8, worst: 0.8, end: 0.8 },
            head: { start: 0.7, worst: 0.7, end: 0.7 }
        });
    } finally {
        repo.remove();
    }
});
