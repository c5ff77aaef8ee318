import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diff, diffJson, makerModel, TempRepo } from './repo.js';

const repos: TempRepo[] = [];
function repo(): TempRepo {
    const r = new TempRepo();
    repos.push(r);
    return r;
}
afterEach(() => {
    while (repos.length > 0) repos.pop()!.remove();
});

// Hand-worked figures of makerModel (see its comment): Curb with 30 days of stock.
const UNMET_30 = 101.369863; // 200 − 30 × 100 × 12 / 365
const FILL_30 = 0.915525; // 1 − 101.369863 / 1200
const LOSS_30 = 101369863.01; // 101.369863 t × 1 million JPY per t
const EXPECTED_30 = 50.684932; // 50% × 101.369863

describe('chokepoint diff between two commits', () => {
    test('a changed assumption: declarations, metrics per scenario, targets, expected values, exit 1 on the regression', async () => {
        const r = repo();
        const base = r.write('model.choke', makerModel(90)).commit('90 days of stock');
        const head = r.write('model.choke', makerModel(30)).commit('30 days of stock');
        const { code, report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(code).toBe(1);
        expect(report.base).toEqual({ rev: 'HEAD~1', commit: base });
        expect(report.head).toEqual({ rev: 'HEAD', commit: head });
        expect(report.regressions).toBe(1);
        expect(report.models).toHaveLength(1);
        const model = report.models[0];
        expect(model.file).toBe('model.choke');
        expect(model.status).toBe('changed');
        expect(model.declarations).toEqual([{ kind: 'consumer', name: 'Maker', change: 'changed', detail: 'stock REE 90 days -> 30 days' }]);
        // Cover: 90 -> 30 days in both scenarios (the material's and the consumer's, its only
        // material); the rest only in Curb, where the cut bites.
        expect(model.metrics).toEqual([
            { scenario: 'baseline', subject: 'Maker', metric: 'coverDays', material: 'REE', base: 90, head: 30, delta: -60 },
            { scenario: 'baseline', subject: 'Maker', metric: 'coverDays', base: 90, head: 30, delta: -60 },
            { scenario: 'Curb', subject: 'Maker', metric: 'unmet', material: 'REE', base: 0, head: UNMET_30, delta: UNMET_30 },
            { scenario: 'Curb', subject: 'Maker', metric: 'fill', material: 'REE', base: 1, head: FILL_30, delta: FILL_30 - 1 },
            // The 98.6 t of stock last 30 days from the cut's first day, 2026-03-01.
            { scenario: 'Curb', subject: 'Maker', metric: 'firstStockout', material: 'REE', base: null, head: '2026-03-31' },
            { scenario: 'Curb', subject: 'Maker', metric: 'ttsDays', material: 'REE', base: null, head: 30, delta: null },
            { scenario: 'Curb', subject: 'Maker', metric: 'recovery', material: 'REE', base: null, head: '2026-05-01' },
            { scenario: 'Curb', subject: 'Maker', metric: 'coverDays', material: 'REE', base: 90, head: 30, delta: -60 },
            { scenario: 'Curb', subject: 'Maker', metric: 'loss', base: { JPY: 0 }, head: { JPY: LOSS_30 }, delta: { JPY: LOSS_30 } },
            { scenario: 'Curb', subject: 'Maker', metric: 'coverDays', base: 90, head: 30, delta: -60 }
        ]);
        expect(model.targets).toEqual([{ name: 'NoShortage', scenario: 'Curb', base: { value: 0, pass: true }, head: { value: UNMET_30, pass: false } }]);
        expect(model.expected).toEqual({ base: { unmet: 0, loss: { JPY: 0 } }, head: { unmet: EXPECTED_30, loss: { JPY: 50684931.51 } } });
    });

    test('the other way round is an improvement: exit 0, no regression', async () => {
        const r = repo();
        r.write('model.choke', makerModel(30)).commit('30 days');
        r.write('model.choke', makerModel(90)).commit('90 days');
        const { code, report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(code).toBe(0);
        expect(report.regressions).toBe(0);
        expect(report.models[0].targets[0]).toEqual({
            name: 'NoShortage',
            scenario: 'Curb',
            base: { value: UNMET_30, pass: false },
            head: { value: 0, pass: true }
        });
    });

    test('the working tree against HEAD by default, without touching the working tree or the index', async () => {
        const r = repo();
        r.write('model.choke', makerModel(90)).commit('base');
        r.write('model.choke', makerModel(30));
        r.git('add', 'model.choke');
        r.write('model.choke', makerModel(45)); // staged 30, working tree 45
        const status = r.git('status', '--porcelain');
        const index = path.join(r.dir, '.git', 'index');
        const indexBefore = readFileSync(index);
        const mtime = statSync(index).mtimeMs;
        const { report } = await diffJson(r.dir);
        expect(report.base.rev).toBe('HEAD');
        expect(report.head).toEqual({ rev: 'working tree', commit: null });
        // The working tree's text (45 days), not the index's (30).
        expect(report.models[0].declarations[0].detail).toBe('stock REE 90 days -> 45 days');
        expect(readFileSync(index).equals(indexBefore)).toBe(true);
        expect(statSync(index).mtimeMs).toBe(mtime);
        expect(r.git('status', '--porcelain')).toBe(status);
        expect(r.git('stash', 'list')).toBe('');
    });

    test('a model added and a model removed', async () => {
        const r = repo();
        r.write('old.choke', makerModel(90)).commit('old');
        r.git('rm', '-q', 'old.choke');
        // A different model (nothing in common with the old one, so not a rename): 1 t/month short all year.
        r.write(
            'new/other.choke',
            [
                'horizon 2026-01 to 2026-12',
                'supplier Lynas in Malaysia { produces REE 108 t/yr }',
                'consumer Smelter in Japan { needs REE 10 t/month }',
                'flow Lynas -> Smelter { REE 9 t/month }',
                'target NoShortage { unmet of Smelter <= 0 t }',
                ''
            ].join('\n')
        ).commit('replaced');
        const { code, report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(report.models.map(m => [m.file, m.status])).toEqual([
            ['new/other.choke', 'added'],
            ['old.choke', 'removed']
        ]);
        const added = report.models[0];
        // A new target that fails is a regression.
        // 12 months × (10 − 9) t = 12 t unmet in the baseline.
        expect(added.targets).toEqual([{ name: 'NoShortage', scenario: 'baseline', base: null, head: { value: 12, pass: false } }]);
        expect(added.expected).toEqual({ base: null, head: { unmet: null, loss: {} } });
        expect(added.metrics).toEqual([]);
        expect(added.declarations.map(d => `${d.change} ${d.kind} ${d.name}`)).toEqual([
            'added supplier Lynas',
            'added consumer Smelter',
            'added flow Lynas -> Smelter',
            'added target NoShortage'
        ]);
        const removed = report.models[1];
        expect(removed.targets).toEqual([{ name: 'NoShortage', scenario: 'Curb', base: { value: 0, pass: true }, head: null }]);
        expect(report.regressions).toBe(1);
        expect(code).toBe(1);
    });

    test('a renamed file is the same model', async () => {
        const r = repo();
        r.write('model.choke', makerModel(90)).commit('base');
        r.git('mv', 'model.choke', 'renamed.choke');
        r.write('renamed.choke', makerModel(30)).commit('renamed and 30 days');
        const { report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(report.models).toHaveLength(1);
        expect(report.models[0]).toMatchObject({ file: 'renamed.choke', renamedFrom: 'model.choke', status: 'changed' });
        expect(report.models[0].declarations).toEqual([{ kind: 'consumer', name: 'Maker', change: 'changed', detail: 'stock REE 90 days -> 30 days' }]);
    });

    test('an import changed in another file changes the model that imports it', async () => {
        const r = repo();
        const world = (rate: number) => `supplier Mine in China { produces REE ${rate} t/yr }\n`;
        const main = makerModel(30).replace('supplier Mine in China { produces REE 1200 t/yr }', 'import "world/suppliers.choke"');
        r.write('world/suppliers.choke', world(1200)).write('main.choke', main).commit('base');
        // The mine makes 600 t/yr = 50 t/month, half the need, all year.
        r.write('world/suppliers.choke', world(600)).commit('smaller mine');
        const { report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(report.models.map(m => [m.file, m.status])).toEqual([['main.choke', 'changed']]);
        expect(report.models[0].declarations).toEqual([{ kind: 'supplier', name: 'Mine', change: 'changed', detail: 'produces REE 1200 t/yr -> 600 t/yr' }]);
        const baseline = report.models[0].metrics.find(m => m.scenario === 'baseline' && m.metric === 'unmet');
        // Baseline: 50 t/month short for 12 months = 600 t, less the 98.6 t of stock: 501.369863 t.
        expect(baseline).toMatchObject({ base: 0, head: 501.369863 });
    });

    test('a revision where the model has errors is reported, not a crash', async () => {
        const r = repo();
        r.write('model.choke', makerModel(90)).commit('base');
        r.write('model.choke', makerModel(90).replace('flow Mine -> Maker', 'flow Mine -> Makr')).commit('typo');
        const { code, report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        const model = report.models[0];
        expect(model.status).toBe('changed');
        expect(model.errors?.base).toBeUndefined();
        expect(model.errors?.head?.[0]).toMatchObject({ file: 'model.choke', line: 8 });
        expect(model.errors?.head?.[0].message).toContain('Makr');
        expect(model.metrics).toEqual([]);
        expect(model.targets).toEqual([{ name: 'NoShortage', scenario: 'Curb', base: { value: 0, pass: true }, head: null }]);
        // A model that checked and no longer does counts as a regression.
        expect(report.regressions).toBe(1);
        expect(code).toBe(1);
        // The other way round: BASE has errors, HEAD runs; the new failing target is a regression.
        const back = await diffJson(r.dir, 'HEAD', 'HEAD~1');
        expect(back.report.models[0].errors?.base?.[0].line).toBe(8);
        expect(back.report.regressions).toBe(0);
    });

    test('imports resolve within the revision, not from the disk', async () => {
        const r = repo();
        const main = makerModel(30).replace('supplier Mine in China { produces REE 1200 t/yr }', 'import "suppliers.choke"');
        r.write('suppliers.choke', 'supplier Mine in China { produces REE 1200 t/yr }\n').write('main.choke', main).commit('base');
        r.write('suppliers.choke', 'supplier Mine in China { produces REE 600 t/yr }\n').commit('smaller');
        rmSync(path.join(r.dir, 'suppliers.choke')); // the working tree lacks the import
        const { report } = await diffJson(r.dir, 'HEAD~1', 'HEAD');
        expect(report.models[0].errors).toBeUndefined();
        expect(report.models[0].declarations[0].detail).toBe('produces REE 1200 t/yr -> 600 t/yr');
        // The working tree side does see the missing import.
        const working = await diffJson(r.dir, 'HEAD');
        expect(working.report.models[0].errors?.head?.[0].message).toContain("Cannot import 'suppliers.choke'");
    });

    test('PATHs limit the comparison; --all lists unchanged metrics too', async () => {
        const r = repo();
        r.write('a/model.choke', makerModel(90)).write('b/model.choke', makerModel(90)).commit('base');
        r.write('a/model.choke', makerModel(30)).write('b/model.choke', makerModel(30)).commit('both');
        const { report } = await diffJson(r.dir, 'HEAD~1', 'HEAD', 'b');
        expect(report.models.map(m => m.file)).toEqual(['b/model.choke']);
        const fromInside = await diffJson(path.join(r.dir, 'a'), 'HEAD~1', 'HEAD', '.');
        expect(fromInside.report.models.map(m => m.file)).toEqual(['a/model.choke']);
        const all = await diffJson(r.dir, 'HEAD~1', 'HEAD', 'b', '--all');
        // 2 scenarios × (6 material metrics + loss + dependency + hhi + hhiEnd + cover) = 22 entries.
        expect(all.report.models[0].metrics).toHaveLength(22);
        expect(all.report.models[0].metrics.filter(m => m.scenario === 'Curb').map(m => m.metric)).toEqual([
            'unmet',
            'fill',
            'firstStockout',
            'ttsDays',
            'recovery',
            'coverDays',
            'loss',
            'dependency',
            'hhi',
            'hhiEnd',
            'coverDays'
        ]);
        expect(all.report.models[0].metrics.find(m => m.scenario === 'baseline' && m.metric === 'dependency')).toEqual({
            scenario: 'baseline',
            subject: 'Maker',
            metric: 'dependency',
            origin: 'China',
            base: { start: 1, worst: 1, end: 1 },
            head: { start: 1, worst: 1, end: 1 },
            delta: { start: 0, worst: 0, end: 0 }
        });
    });
});

describe('chokepoint diff: usage errors exit 2 with one line', () => {
    test('not a git repository', async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-norepo-'));
        try {
            const run = await diff(dir, []);
            expect(run.code).toBe(2);
            expect(run.err).toEqual([`chokepoint diff: not a git repository: ${dir}`]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test('an unknown revision', async () => {
        const r = repo();
        r.write('model.choke', makerModel(90)).commit('base');
        const run = await diff(r.dir, ['nosuchbranch']);
        expect(run.code).toBe(2);
        expect(run.err).toEqual(["chokepoint diff: unknown revision 'nosuchbranch' (not a branch, tag or commit of this repository, nor a file)"]);
        const empty = repo();
        const unborn = await diff(empty.dir, []);
        expect(unborn.code).toBe(2);
        expect(unborn.err[0]).toMatch(/^chokepoint diff: unknown revision 'HEAD'/);
    });

    test('a bad option', async () => {
        const r = repo();
        for (const args of [['--format', 'html'], ['--frobnicate'], ['--json', '--format', 'markdown']]) {
            const run = await diff(r.dir, args);
            expect(run.code).toBe(2);
            expect(run.err).toHaveLength(1);
            expect(run.err[0].split('\n')[0]).toMatch(/--format takes|Unknown option '--frobnicate'|cannot be used together/);
        }
    });
});

describe('chokepoint diff --format markdown and github', () => {
    async function changedRepo(): Promise<TempRepo> {
        const r = repo();
        r.write('model.choke', makerModel(90)).commit('90 days');
        r.write('model.choke', makerModel(30)).commit('30 days');
        return r;
    }

    test('markdown: the verdict, the scenario table, the targets with marks, the changed declarations', async () => {
        const r = await changedRepo();
        const run = await diff(r.dir, ['HEAD~1', 'HEAD', '--format', 'markdown']);
        expect(run.code).toBe(1);
        const lines = run.out.split('\n');
        const short = (rev: string) => r.git('rev-parse', '--short=7', rev).trim();
        expect(lines[0]).toBe('## Chokepoint: results of this change');
        expect(lines[2]).toBe(`❌ **1 target regression**: 1 of 1 model changed (HEAD~1 (${short('HEAD~1')}) -> HEAD (${short('HEAD')})).`);
        expect(lines).toContain('### `model.choke`: changed');
        expect(lines).toContain('| scenario | p | unmet | loss | first stockout | worst top-origin share | cover | targets met |');
        expect(lines).toContain('| baseline |  | 0 t | 0 | — | 100% | 90 days -> 30 days (−60 days) | 0/0 |');
        // Curb: unmet 0 -> 101 t; loss 101.4 million JPY; the stockout on 2026-03-31.
        expect(lines).toContain(
            '| Curb | 50% | 0 t -> 101 t (+101 t) | 0 -> 101.4 million JPY (+101.4 million JPY) | — -> 2026-03-31 | 100% | 90 days -> 30 days (−60 days) | 1/1 -> 0/1 |'
        );
        expect(lines).toContain('| **expected** | | 0 t -> 50.7 t (+50.7 t) | 0 -> 50.7 million JPY (+50.7 million JPY) | | | | |');
        expect(lines).toContain('- NoShortage in Curb: ✅ 0 t -> ❌ 101 t **regression**');
        expect(lines).toContain('- changed `consumer Maker`: stock REE 90 days -> 30 days');
    });

    test('github: the markdown into $GITHUB_STEP_SUMMARY, an error annotation on the changed declaration', async () => {
        const r = await changedRepo();
        const summary = path.join(r.dir, '..', `${path.basename(r.dir)}-summary.md`);
        try {
            const run = await diff(r.dir, ['HEAD~1', 'HEAD', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
            expect(run.code).toBe(1);
            expect(readFileSync(summary, 'utf8')).toContain('| scenario | p | unmet |');
            // The consumer starts on line 3 of the model.
            expect(run.out.split('\n')).toEqual([
                '::error file=model.choke,line=3,title=Target regression::stock REE 90 days -> 30 days: with this change 1 target fails (NoShortage in Curb).'
            ]);
            const toStdout = await diff(r.dir, ['HEAD~1', 'HEAD', '--format=github']);
            expect(toStdout.out).toContain('## Chokepoint: results of this change');
            expect(toStdout.out.split('\n').at(-1)).toMatch(/^::error file=model.choke,line=3,/);
        } finally {
            if (existsSync(summary)) rmSync(summary);
        }
    });

    test('plain: the verdict and one line per change', async () => {
        const r = await changedRepo();
        const run = await diff(r.dir, ['HEAD~1', 'HEAD']);
        const lines = run.out.split('\n');
        expect(lines[1]).toBe('1 of 1 model(s) changed; 1 target regression(s).');
        expect(lines).toContain('model.choke: changed');
        expect(lines).toContain('  changed consumer Maker: stock REE 90 days -> 30 days');
        expect(lines).toContain('  Curb: Maker REE unmet 0 t -> 101 t');
        expect(lines).toContain('  Curb: target NoShortage pass (0) -> FAIL (101.37)  REGRESSION');
    });
});
