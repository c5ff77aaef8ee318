/**
 * Speed at decision scale (issue 16's table), each figure also as a ratio to a fixed
 * calibration workload run in this same bench, so a faster or slower machine moves both:
 * fresh `run --json` and `check` of the big generated model and of the Japan example, CPU ÷
 * wall of `run --json` and of a sweep, and the engine's period loop against a plain C loop
 * (compiled here with gcc when the machine has one) and a plain JS loop over typed arrays.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { Engine } from '../../language/src/engine/engine.js';
import { lowerDocument } from '../../language/src/lowering/lower.js';
import type { LoweredModel } from '../../language/src/lowering/model.js';
import { stdlibDocument } from '../../language/src/loading/stdlib.js';
import { generateModel } from '../engine/generated-model.js';
import { median, ms, table } from './util.js';

const ROOT = process.cwd();
const CLI = path.join(ROOT, 'out/cli.js');
const JAPAN = path.join(ROOT, 'examples/japan-2026/main.choke');
const JAPAN_12 = path.join(ROOT, 'test/bench/models/japan-12.choke');
const CANDIDATES =
    'ReleaseAtOnce,DualSourcing,ABStandards,Recycling,Substitution,MultiOfftake,DomesticMidstream,' +
    'DeepSeaMudProgramme,StockpileBuilding,EarlyRelease,ExtraRecycling,DefenceSubstitution';
const BIG = { nodes: 2000, flows: 4800, scenarios: 10, periods: 120 };
const RUNS = 5;

/**
 * The calibration: fixed single-threaded JS work (tokenizing a text with a regular
 * expression, a Map of strings, a loop over typed arrays, JSON out and back). Same work on
 * every machine; its time is the unit of the ratios.
 */
export function calibration(): number {
    const start = performance.now();
    const words = ['supplier', 'China', 'flow', '->', 'Japan', '1200', 't/yr', 'scenario', 'shock', '{', '}', '30%'];
    let text = '';
    for (let i = 0; i < 60_000; i++) text += words[i % words.length] + (i % 7 === 0 ? '\n' : ' ');
    const tokens: string[] = [];
    for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?%?|->|[{}]|\S+/g)) tokens.push(match[0]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 400_000; i++) {
        const key = `${tokens[i % tokens.length]}#${i % 5000}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const a = new Float64Array(1 << 20),
        b = new Float64Array(1 << 20);
    for (let i = 0; i < a.length; i++) a[i] = (i % 1000) / 7;
    let sum = 0;
    for (let pass = 0; pass < 20; pass++) {
        for (let i = 0; i < a.length; i++) {
            b[i] = Math.min(a[i] * 1.0001, b[i] + 3);
            sum += b[i];
        }
    }
    const data = Array.from({ length: 20_000 }, (_, i) => ({ name: `n${i}`, series: [i, i / 3, i * 2.5, sum % 7], flag: i % 2 === 0 }));
    const parsed = JSON.parse(JSON.stringify(data)) as unknown[];
    if (parsed.length !== data.length || counts.size === 0) throw new Error('calibration went wrong');
    return performance.now() - start;
}

/** Wall and CPU (user + sys, /usr/bin/time) in ms of the built CLI in a fresh process. */
function fresh(args: string[]): { wall: number; cpu: number } {
    const before = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - before) / 1e6;
    const [user, sys] = (run.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
    return { wall, cpu: (user + sys) * 1000 };
}

function freshMedian(args: string[], runs = RUNS): { wall: number; cpu: number } {
    fresh(args);
    const all = Array.from({ length: runs }, () => fresh(args));
    return { wall: median(all.map(r => r.wall)), cpu: median(all.map(r => r.cpu)) };
}

async function lowerInMemory(text: string): Promise<LoweredModel> {
    const services = createChokepointCoreServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///bench/big.choke'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([stdlibDocument(services.shared), document], { validation: false });
    const lowered = lowerDocument(document, services.shared.workspace.LangiumDocuments);
    if (lowered.status !== 'ok') throw new Error('generated model has no horizon');
    return lowered.model;
}

/**
 * The reference loop, per flow-period: read the flow's contract and its source's availability
 * (a gather), deliver the smaller, take it from the source and add it to the destination (a
 * scatter), over the model's flow lines and periods, once per run: the memory pattern of the
 * engine's allocation step without its rules. The same loop in C and in JS.
 */
const C_LOOP = `#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc, char **argv) {
  int lines = atoi(argv[1]), nodes = atoi(argv[2]), periods = atoi(argv[3]), runs = atoi(argv[4]);
  double *contract = malloc(sizeof(double) * lines), *avail = malloc(sizeof(double) * nodes), *got = malloc(sizeof(double) * nodes);
  int *src = malloc(sizeof(int) * lines), *dst = malloc(sizeof(int) * lines);
  for (int l = 0; l < lines; l++) { contract[l] = (l % 97) + 1; src[l] = (l * 7) % nodes; dst[l] = (l * 13 + 5) % nodes; }
  struct timespec a, b; double best = 1e30, check = 0;
  for (int rep = 0; rep < 5; rep++) {
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < runs; r++) for (int t = 0; t < periods; t++) {
      for (int n = 0; n < nodes; n++) { avail[n] = 500 + (n % 11) * t; got[n] = 0; }
      for (int l = 0; l < lines; l++) { double d = contract[l] < avail[src[l]] ? contract[l] : avail[src[l]]; avail[src[l]] -= d; got[dst[l]] += d; }
      check += got[t % nodes];
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9; if (s < best) best = s;
  }
  printf("%.9f %f\\n", best, check);
  return 0;
}
`;

function jsLoop(lines: number, nodes: number, periods: number, runs: number): number {
    const contract = new Float64Array(lines),
        avail = new Float64Array(nodes),
        got = new Float64Array(nodes);
    const src = new Int32Array(lines),
        dst = new Int32Array(lines);
    for (let l = 0; l < lines; l++) {
        contract[l] = (l % 97) + 1;
        src[l] = (l * 7) % nodes;
        dst[l] = (l * 13 + 5) % nodes;
    }
    let best = Infinity,
        check = 0;
    for (let rep = 0; rep < 5; rep++) {
        const start = performance.now();
        for (let r = 0; r < runs; r++)
            for (let t = 0; t < periods; t++) {
                for (let n = 0; n < nodes; n++) {
                    avail[n] = 500 + (n % 11) * t;
                    got[n] = 0;
                }
                for (let l = 0; l < lines; l++) {
                    const d = contract[l] < avail[src[l]] ? contract[l] : avail[src[l]];
                    avail[src[l]] -= d;
                    got[dst[l]] += d;
                }
                check += got[t % nodes];
            }
        best = Math.min(best, performance.now() - start);
    }
    if (!Number.isFinite(check)) throw new Error('loop went wrong');
    return best;
}

function cLoop(lines: number, nodes: number, periods: number, runs: number): number | string {
    const gcc = ['/usr/bin/gcc', '/usr/bin/cc'].find(existsSync);
    if (!gcc) return 'no C compiler on this machine: the C reference is skipped';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-cloop-'));
    try {
        writeFileSync(path.join(dir, 'loop.c'), C_LOOP);
        const built = spawnSync(gcc, ['-O2', '-o', path.join(dir, 'loop'), path.join(dir, 'loop.c')], { encoding: 'utf8' });
        if (built.status !== 0) return `gcc failed (${built.stderr.trim().split('\n')[0]}): the C reference is skipped`;
        const run = spawnSync(path.join(dir, 'loop'), [lines, nodes, periods, runs].map(String), { encoding: 'utf8' });
        return Number(run.stdout.split(' ')[0]) * 1000;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function engineLoop(model: LoweredModel): number {
    const engine = new Engine(model);
    let best = Infinity;
    for (let rep = 0; rep < 4; rep++) {
        const start = performance.now();
        for (const events of [[], ...model.scenarios.map(s => s.events)]) {
            engine.begin(events);
            for (let t = 0; t < model.calendar.periods; t++) engine.step(t);
        }
        if (rep > 0) best = Math.min(best, performance.now() - start);
    }
    return best;
}

export async function bench(): Promise<{ title: string; markdown: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-scale-'));
    const big = path.join(dir, 'big.choke');
    const text = generateModel(BIG);
    writeFileSync(big, text);
    const load = os.loadavg()[0];
    const calibrations = Array.from({ length: 7 }, () => calibration());
    const unit = median(calibrations.slice(2));
    const ratio = (value: number) => `${(value / unit).toFixed(2)}×`;

    const rows: (string | number)[][] = [];
    const freshRow = (what: string, args: string[], target: string) => {
        const r = freshMedian(args);
        rows.push([what, ms(r.wall), ratio(r.wall), ms(r.cpu), (r.cpu / r.wall).toFixed(2), target]);
        return r;
    };
    freshRow('fresh `run big.choke --json`', ['run', big, '--json'], '≤ 2.2×');
    freshRow('fresh `check big.choke`', ['check', big], '≤ 0.77×');
    freshRow('fresh `run main.choke --json` (Japan)', ['run', JAPAN, '--json'], '—');
    freshRow('fresh `check main.choke` (Japan)', ['check', JAPAN], '—');
    const sweep = freshMedian(['optimize', JAPAN_12, '--budget', '10 trillion JPY', '--measures', CANDIDATES], 3);
    rows.push([
        'sweep: `optimize japan-12.choke` (16,384 runs, every core)',
        ms(sweep.wall),
        ratio(sweep.wall),
        ms(sweep.cpu),
        (sweep.cpu / sweep.wall).toFixed(2),
        `CPU ÷ wall ≥ ${(0.9 * os.availableParallelism()).toFixed(1)}`
    ]);

    const model = await lowerInMemory(text);
    const runs = 1 + model.scenarios.length;
    const lines = model.lines.realCount,
        periods = model.calendar.periods,
        nodes = model.producers.names.length;
    const flowPeriods = lines * periods * runs;
    const engineMs = engineLoop(model);
    const jsMs = jsLoop(lines, nodes, periods, runs);
    const cMs = cLoop(lines, nodes, periods, runs);
    rmSync(dir, { recursive: true, force: true });
    const ns = (value: number) => `${((value * 1e6) / flowPeriods).toFixed(1)} ns`;
    const loopRows: (string | number)[][] = [
        ["the engine's period loop (seven steps)", ms(engineMs), ns(engineMs), typeof cMs === 'number' ? `${(engineMs / cMs).toFixed(2)}×` : '—'],
        ['plain JS loop over typed arrays', ms(jsMs), ns(jsMs), typeof cMs === 'number' ? `${(jsMs / cMs).toFixed(2)}×` : '—'],
        ...(typeof cMs === 'number' ? [['plain C loop (gcc -O2)', ms(cMs), ns(cMs), '1.00×']] : [])
    ];
    const markdown = [
        `Run with \`node test/bench/run.mjs scale\` (after \`npm run build\`). The big model: \`generateModel\` with ${BIG.nodes} nodes,`,
        `${BIG.flows} flows, ${BIG.scenarios} scenarios, ${BIG.periods} months (${(text.length / 1024).toFixed(0)} KB). Each figure is also a ratio to the`,
        `calibration (\`calibration()\` in \`test/bench/scale.bench.ts\`: tokenizing, a Map, a typed-array loop, JSON; single-threaded),`,
        `which took **${ms(unit)}** here (median of 5 after 2 warm-ups; spread ${ms(Math.min(...calibrations))}–${ms(Math.max(...calibrations))}).`,
        `Fresh process: median of ${RUNS} runs of \`node out/cli.js ...\` after one warm-up (CPU: user + sys from /usr/bin/time).`,
        `Load average at the start: ${load.toFixed(1)} on ${os.availableParallelism()} cores: the machine is shared, so wall times carry other work; CPU ÷ wall is low when others hold the cores.`,
        '',
        table(['what', 'wall', 'ratio to calibration', 'CPU', 'CPU ÷ wall', 'target'], rows),
        '',
        `Engine loop against reference loops over the same sizes (${lines.toLocaleString('en-US')} flow lines × ${periods} periods × ${runs} runs = ${flowPeriods.toLocaleString('en-US')} flow-periods; best of 4-5):`,
        typeof cMs === 'string' ? `\n${cMs}.\n` : '',
        table(['loop', 'time', 'per flow-period', 'vs C'], loopRows),
        '',
        "The reference loops do the allocation step's memory pattern only (gather the source, deliver the smaller of contract and",
        'availability, scatter to the destination); the engine does seven steps with their rules, so the ratio bounds what is left.'
    ].join('\n');
    return { title: 'Speed at decision scale (issue 16)', markdown };
}
