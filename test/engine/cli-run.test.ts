import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../language/src/cli/main.js';
import { parseRunArguments } from '../../language/src/cli/run.js';
import { toJson, writeResultsJson } from '../../language/src/cli/run-json.js';
import type { SimulationResult } from '../../language/src/engine/results.js';
import { simulate } from '../../language/src/engine/simulate.js';
import { generateModel } from './generated-model.js';
import { lower } from './helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-run-'));
function file(name: string, text: string): string {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
}

async function cli(...argv: string[]) {
    const out: string[] = [],
        err: string[] = [];
    const code = await main(
        ['run', ...argv],
        s => out.push(s),
        s => err.push(s)
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
}

const MODEL = `
horizon 2026-01 to 2026-06
supplier CN in China { produces REE 20000 t/yr }
supplier VN in Vietnam { produces REE 300 t/month }
consumer Industry in Japan { needs REE 1478 t/month  stock REE 30 days  loss 195 million JPY per t }
flow CN -> Industry { REE 1127 t/month  lead 1 month }
flow VN -> Industry { REE 300 t/month }
reserve Stockpile in Japan { holds REE 60 days  serves Industry }
shock Curb { embargo China -> Japan from 2026-02 for 4 months }
scenario Embargo probability 15% { Curb }
scenario Calm probability 85% { }
target Share { dependency of Industry on China <= 50% }
`;

describe('chokepoint run', () => {
    test('prints a table: scenarios as columns, metrics with units, separators and dates', async () => {
        const { code, out } = await cli(file('model.choke', MODEL));
        expect(code).toBe(0);
        const lines = out.split('\n');
        expect(lines[1]).toBe('Horizon 2026-01-01 to 2026-06-01: 6 months');
        expect(lines[3]).toMatch(/^\s+baseline\s+Embargo\s+Calm$/);
        expect(lines[4]).toMatch(/^\s+p = 15%\s+p = 85%$/);
        // 1127 / (1127 + 300) = 79.0% from China.
        expect(out).toMatch(/ {2}share from China, first period +79% +79% +79%/);
        expect(out).toMatch(/ {2}REE need \(t\) +8,868 +8,868 +8,868/);
        // Japan's imports: all of them, so the same shares; in Embargo nothing from China in June.
        expect(out).toMatch(/Japan \(imports\)\n {2}share from China, first -> last period +79% -> 79% +79% -> 0% +79% -> 79%/);
        // Feb-May shipments are cut (lead 1 month): stock, then the stockpile, fill March-June;
        // in June the stockpile's last 737.26 t cover 0.626 of the 1,178 t gap: June 19.
        expect(out).toMatch(/ {2}REE first stockout +— +2026-06-19 +—/);
        expect(out).toMatch(/ {2}REE runs dry on +— +2026-06-19 +—/);
        // In June nothing comes from China in Embargo, so the share target passes there.
        expect(out).toContain('Targets failing: Share (in baseline, Calm)');
        expect(out).toContain('Expected over scenarios with a probability (together 100%)');
    });

    test('--json is the spec shape, stable and byte-identical between runs', async () => {
        const model = file('json.choke', MODEL);
        const first = await cli(model, '--json');
        const second = await cli(model, '--json');
        expect(first.code).toBe(0);
        expect(second.out).toBe(first.out);
        const json = JSON.parse(first.out) as SimulationResult;
        expect(Object.keys(json)).toEqual(['horizon', 'periodStarts', 'scenarios', 'expected', 'targetSummary', 'measures']);
        expect(json.horizon).toEqual({ start: '2026-01-01', end: '2026-06-01', step: 'month', periods: 6 });
        expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'Embargo', 'Calm']);
        const industry = json.scenarios[0].consumers.Industry;
        expect(Object.keys(industry).slice(0, 3)).toEqual(['dependency', 'dependencyEnd', 'embeddedDependency']);
        expect(industry.materials.REE.series.need).toHaveLength(6);
        expect(first.out).not.toMatch(/NaN|Infinity/);
    });

    test('--json is written scenario by scenario, in pieces, with the same bytes as the whole results', async () => {
        const model = await lower(generateModel({ nodes: 120, flows: 300, scenarios: 3, periods: 36 }));
        const pieces: string[] = [];
        writeResultsJson(model, {}, s => pieces.push(s), 4096);
        expect(pieces.length).toBeGreaterThan(1);
        expect(pieces.join('\n')).toBe(toJson(simulate(model)));
        const one: string[] = [];
        writeResultsJson(model, { scenario: 'Sc1' }, s => one.push(s), 4096);
        expect(one.join('\n')).toBe(toJson(simulate(model, { scenario: 'Sc1' })));
    });

    test('toJson prints numbers, strings and odd values exactly as JSON.stringify does', () => {
        // Numbers have a fast path (k / 1000 and k / 10^6 from integer digits): compare with
        // the engine's own rounding and with numbers of every size and sign.
        let seed = 7;
        const random = () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        };
        const numbers: number[] = [
            0,
            -0,
            1,
            -1,
            0.001,
            0.0001,
            0.000001,
            1e-7,
            5e-324,
            0.1 + 0.2,
            1 / 3,
            999999999.999,
            1e9,
            1e9 + 0.5,
            123456789.123456,
            2289983557046.66,
            4503599627370496,
            1.7976931348623157e308,
            -2.5e-8,
            NaN,
            Infinity,
            -Infinity
        ];
        for (let i = 0; i < 200_000; i++) {
            let v = random() * 10 ** (Math.floor(random() * 18) - 8);
            const decimals = Math.floor(random() * 9);
            if (decimals < 8) v = Math.round(v * 10 ** decimals) / 10 ** decimals;
            numbers.push(random() < 0.3 ? -v : v);
        }
        expect(toJson(numbers)).toBe(JSON.stringify(numbers));
        for (const n of numbers.slice(0, 2000)) expect(toJson({ n })).toBe(`{\n  "n": ${JSON.stringify(n)}\n}`);
        const plain = ['a', 'é', 'quote " back \\ slash', '\u0001\u007f', '\ud800', 'emoji 🙂', true, false, null];
        expect(toJson(plain)).toBe(JSON.stringify(plain));
        expect(toJson({ 'naïve "key"': [1, 1, 1, 2, 2], empty: [], none: {}, skipped: undefined, list: [{ a: 1 }, { b: [null, 'x'] }] })).toBe(
            '{\n  "naïve \\"key\\"": [1,1,1,2,2],\n  "empty": [],\n  "none": {},\n  "list": [\n    {\n      "a": 1\n    },\n    {\n      "b": [null,"x"]\n    }\n  ]\n}'
        );
        expect(toJson([1, undefined, { a: 1 }])).toBe(JSON.stringify([1, undefined, { a: 1 }]));
    });

    test('--scenario runs the baseline and that scenario only', async () => {
        const { code, out } = await cli(file('one.choke', MODEL), '--scenario', 'Embargo', '--json');
        expect(code).toBe(0);
        expect((JSON.parse(out) as SimulationResult).scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'Embargo']);
    });

    test('an unknown scenario lists the known ones and exits 2', async () => {
        const { code, err } = await cli(file('unknown.choke', MODEL), '--scenario', 'Nope');
        expect(code).toBe(2);
        expect(err).toBe("Unknown scenario 'Nope'. Known scenarios: baseline, Embargo, Calm.");
    });

    test('a model with errors prints them like check and exits 1', async () => {
        const bad = file('bad.choke', 'horizon 2026-01 to 2026-02\nconsumer C in Japan { needs REE 1 t/month');
        const { code, err, out } = await cli(bad);
        expect(code).toBe(1);
        expect(out).toBe('');
        expect(err).toMatch(/bad\.choke:\d+:\d+: error: /);
        expect(err).toMatch(/\d+ errors?, \d+ warnings?/);
    });

    test('with errors it prints every diagnostic check prints, warnings and hints too (checked only then)', async () => {
        const text = [
            'horizon 2026-01 to 2026-12',
            'supplier Idle in China { produces REE 10 t/month }',
            'supplier S in China { produces REE 10 t/month }',
            'consumer C in Japan { needs REE 100 t/month  stock NdFeB 5 t }',
            'flow S -> C { REE 50 t/month }',
            'shock Late { embargo China -> Japan from 2030-01 }',
            'scenario One probability 150% { Late }'
        ].join('\n');
        const model = file('mixed.choke', text);
        const checked: string[] = [];
        await main(
            ['check', model],
            s => checked.push(s),
            () => undefined
        );
        const { code, err } = await cli(model);
        expect(code).toBe(1);
        for (const severity of ['error', 'warning', 'hint']) expect(checked.join('\n')).toContain(`: ${severity}: `);
        expect(err.split('\n').slice(0, checked.length)).toEqual(checked);
        // Without errors nothing is printed but the results.
        const clean = await cli(file('clean.choke', text.replace('150%', '50%')), '--json');
        expect(clean.code).toBe(0);
        expect(clean.err).toBe('');
    });

    test('without a horizon it says how to add one and exits 1', async () => {
        const { code, err } = await cli(file('nohorizon.choke', 'consumer C in Japan { needs REE 1 t/month }'));
        expect(code).toBe(1);
        expect(err).toContain('horizon 2026-01 to 2028-12');
    });

    test('--timings adds one line to stderr with every phase, and leaves the results as they were', async () => {
        const model = file('timed.choke', MODEL);
        const plain = await cli(model, '--json');
        const timed = await cli(model, '--json', '--timings');
        expect(timed.code).toBe(0);
        expect(timed.out).toBe(plain.out);
        expect(timed.err).toMatch(
            /^timings: (startup \d+ ms, )?read and parse \d+ ms, link \d+ ms, validate \d+ ms, lower \d+ ms, simulate and write JSON \d+ ms; total \d+ ms$/
        );
        // Startup (the time since the process started) counts in the first run of a process only.
        expect((await cli(model, '--json', '--timings')).err).toMatch(/^timings: read and parse/);
        const fresh = spawnSync(process.execPath, [path.resolve(__dirname, '../../out/cli.js'), 'run', model, '--timings'], { encoding: 'utf8' });
        expect(fresh.status).toBe(0);
        expect(fresh.stderr).toMatch(/^timings: startup \d+ ms, read and parse \d+ ms, .*simulate and write table \d+ ms; total \d+ ms\n$/);
        // The total is the sum of the phases (each rounded, so within one ms per phase).
        const phases = [...timed.err.matchAll(/(\d+) ms/g)].map(m => Number(m[1]));
        const total = phases.pop()!;
        expect(Math.abs(phases.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(phases.length);

        const sampled = await cli(model, '--samples', '3', '--timings');
        expect(sampled.err.split('\n').at(-1)).toMatch(/, lower \d+ ms, 3 samples \d+ ms, simulate and write table \d+ ms; total/);

        // With errors, the phases run so far follow the diagnostics.
        const broken = await cli(file('timed-broken.choke', MODEL.replace('needs REE', 'needs Unobtainium')), '--timings');
        expect(broken.code).toBe(1);
        expect(broken.err.split('\n').at(-1)).toMatch(/^timings: read and parse \d+ ms, link \d+ ms, validate \d+ ms; total \d+ ms$/);
    });

    test('usage errors exit 2', async () => {
        expect((await cli()).code).toBe(2);
        expect((await cli('a.choke', '--bogus')).code).toBe(2);
        expect(parseRunArguments(['m.choke', '--scenario=X', '--json'])).toEqual({
            file: 'm.choke',
            scenario: 'X',
            json: true,
            samples: undefined,
            seed: 1,
            timings: false
        });
        expect(parseRunArguments(['m.choke', '--samples', '20', '--seed', '4'])).toEqual({
            file: 'm.choke',
            json: false,
            samples: 20,
            seed: 4,
            timings: false
        });
        expect(parseRunArguments(['m.choke', '--timings'])).toMatchObject({ timings: true });
        expect(parseRunArguments(['m.choke', '--scenario'])).toHaveProperty('error');
    });
});
