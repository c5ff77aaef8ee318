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
import { diffJson, TempRepo } from './repo.js';

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

/** Every compared metric of a run, keyed `scenario|subject|metric|material`. */
function metricValues(run: SimulationResult): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const s of run.scenarios) {
        for (const [name, c] of Object.entries(s.consumers)) {
            for (const [material, m] of Object.entries(c.materials)) {
                for (const key of ['unmet', 'fill', 'firstStockout', 'ttsDays', 'recovery']) values.set(`${s.name}|${name}|${key}|${material}`, field(m, key));
            }
            for (const key of ['loss', 'hhi', 'coverDays']) values.set(`${s.name}|${name}|${key}|`, field(c, key));
        }
        for (const [name, reserve] of Object.entries(s.reserves)) {
            for (const [material, m] of Object.entries(reserve.materials)) {
                for (const key of ['dryOn', 'final']) values.set(`${s.name}|${name}|${key}|${material}`, field(m, key));
            }
        }
    }
    return values;
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

    const b = metricValues(base),
        h = metricValues(head);
    const differences = [...h.keys()]
        .filter(k => JSON.stringify(b.get(k)) !== JSON.stringify(h.get(k)))
        .map(k => {
            const [scenario, subject, metric, material] = k.split('|');
            return { scenario, subject, metric, material: material || undefined, base: b.get(k), head: h.get(k) };
        });
    expect(differences.length).toBeGreaterThan(10);
    const reported = model.metrics.filter(m => m.metric !== 'dependency').map(({ delta: _delta, ...rest }) => ({ ...rest, material: rest.material }));
    expect(reported).toEqual(differences);
    for (const m of model.metrics.filter(m => typeof m.base === 'number' && typeof m.head === 'number')) {
        expect(m.delta).toBe((m.head as number) - (m.base as number));
    }
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
});
