/**
 * `chokepoint check` explains instead of staying silent (metrics-v2 §5): every `no-effect`
 * reason and `no-match`, each on a small model.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../language/src/cli/main.js';

let dir: string;
beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-explain-'));
});
afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
});

/** `chokepoint check` on a model; the lines of its no-effect / no-match diagnostics, without the path. */
async function explain(text: string): Promise<string[]> {
    const file = path.join(dir, 'model.choke');
    writeFileSync(file, text);
    const out: string[] = [];
    const code = await main(
        ['check', file],
        s => out.push(...s.split('\n')),
        () => undefined
    );
    expect(code).toBe(0);
    return out.filter(l => /\[no-(effect|match)\]$/.test(l)).map(l => l.slice(l.indexOf(':') + 1));
}

// JapanIndustry takes 100 t/month from China; Cut stops it March to May (until June 1).
const BASE = `horizon 2026-01 to 2026-08
supplier CN in China { produces REE 1000 t/month }
supplier VN in Vietnam { produces REE 150 t/month }
consumer JapanIndustry in Japan { needs REE 100 t/month }
flow CN -> JapanIndustry { REE 100 t/month }
shock Cut { embargo China -> Japan from 2026-03 until 2026-06 }
`;

describe('no-effect: why a measure changes nothing', () => {
    test('the contract example: the spec example, Caremag offline until June, the cut (February to April) ends in May', async () => {
        const spec = path.resolve(__dirname, '..', '..', 'examples', 'spec', 'spec.choke');
        const out: string[] = [];
        await main(
            ['check', spec],
            s => out.push(...s.split('\n')),
            () => undefined
        );
        expect(out.filter(l => l.includes('[no-effect]')).map(l => l.slice(l.indexOf(': ') + 2))).toEqual([
            'hint: switch JapanIndustry to Caremag adds 0 t in Curb: Caremag is offline until 2026-06 and the cut ends 2026-05. [no-effect]'
        ]);
    });

    test('switch: the supplier is offline until after the cut', async () => {
        expect(
            await explain(`${BASE}supplier Caremag in France { produces REE 500 t/month  online 2026-06 }
measure Sw { switch JapanIndustry to Caremag after 1 month }
scenario Curb { Cut, Sw }
`)
        ).toEqual(['8:14: hint: switch JapanIndustry to Caremag adds 0 t in Curb: Caremag is offline until 2026-06 and the cut ends 2026-06. [no-effect]']);
    });

    test('switch: no spare capacity (its flows take all of it)', async () => {
        // VN's 150 t all go to Other.
        expect(
            await explain(`${BASE}consumer Other in Japan { needs REE 150 t/month }
flow VN -> Other { REE 150 t/month }
measure Sw { switch JapanIndustry to VN after 1 month }
scenario Curb { Cut, Sw }
`)
        ).toEqual(['9:14: hint: switch JapanIndustry to VN adds 0 t in Curb: VN has no spare capacity from 2026-04 to 2026-05. [no-effect]']);
    });

    test('switch: the delay runs past the shortfall', async () => {
        // Short March to May (the cut ends 1 June); 4 months after March is July.
        expect(
            await explain(`${BASE}measure Sw { switch JapanIndustry to VN after 4 months }
scenario Curb { Cut, Sw }
`)
        ).toEqual([
            '7:14: hint: switch JapanIndustry to VN adds 0 t in Curb: it may draw from 2026-07 (4 months after the first shortfall, 2026-03) and the shortfall ends 2026-06. [no-effect]'
        ]);
    });

    test('switch: no shortfall at all', async () => {
        expect(
            await explain(`${BASE}measure Sw { switch JapanIndustry to VN after 1 month }
scenario Calm { Sw }
`)
        ).toEqual([
            "7:14: hint: switch JapanIndustry to VN adds 0 t in Calm: JapanIndustry's flows are never short of their contracts while it is active. [no-effect]"
        ]);
    });

    test('release: no shortfall, and a reserve that is empty', async () => {
        expect(
            await explain(`${BASE}reserve R in Japan { holds REE 0 t  serves JapanIndustry }
reserve Full in Japan { holds REE 500 t  serves JapanIndustry }
measure Rel { release R }
measure RelFull { release Full }
scenario Curb { Cut, Rel }
scenario Calm { RelFull }
`)
        ).toEqual([
            '9:15: hint: release R adds 0 t in Curb: R is empty by 2026-01. [no-effect]',
            '10:19: hint: release Full adds 0 t in Calm: the consumers it serves are never short while it is active. [no-effect]'
        ]);
    });

    test('recycle and substitute: outside the horizon, outside the shock', async () => {
        expect(
            await explain(`${BASE}measure Late { recycle 10% of JapanIndustry from 2030-01 }
measure Early { substitute 10% of JapanIndustry on REE from 2026-01 until 2026-02 }
scenario Curb { Cut, Late, Early }
`)
        ).toEqual([
            '7:16: hint: recycle 10% of JapanIndustry changes nothing in Curb: its window lies outside the horizon. [no-effect]',
            '8:17: hint: substitute 10% of JapanIndustry on REE changes nothing in Curb: JapanIndustry is never short while it is active (2026-01 to 2026-01). [no-effect]'
        ]);
    });

    test('add: a node with no flow towards a consumer', async () => {
        expect(
            await explain(`${BASE}supplier Mine in Canada planned { produces REE 100 t/month }
measure Build { add Mine }
scenario Curb { Cut, Build }
`)
        ).toEqual(['8:17: hint: add Mine changes nothing in Curb: what it adds has no flow towards a consumer. [no-effect]']);
    });

    test('a measure that helps gets no hint', async () => {
        expect(
            await explain(`${BASE}measure Sw { switch JapanIndustry to VN after 1 month }
scenario Curb { Cut, Sw }
`)
        ).toEqual([]);
    });
});

// Plant P makes 100 t/month of metal from China's oxide; Ban stops the oxide March to May (until June 1).
const PLANT = `horizon 2026-01 to 2026-08
supplier CN in China { produces NdPrOxide 1000 t/month }
supplier AU in Australia { produces NdPrOxide 100 t/month }
plant P in Japan { makes NdPrMetal 100 t/month from NdPrOxide 1 }
consumer C in Japan { needs NdPrMetal 100 t/month }
flow CN -> P { NdPrOxide 100 t/month }
flow P -> C { NdPrMetal 100 t/month }
shock Ban { embargo China -> Japan from 2026-03 until 2026-06 }
`;

describe("no-effect: why a plant's switch changes nothing (the same reasons as a consumer's)", () => {
    test('the delay runs past the shortfall', async () => {
        // P is short of oxide March to May; 4 months after March is July, after the ban ends (1 June).
        expect(
            await explain(`${PLANT}measure Sw { switch P to AU after 4 months }
scenario Curb { Ban, Sw }
`)
        ).toEqual([
            '9:14: hint: switch P to AU adds 0 t in Curb: it may draw from 2026-07 (4 months after the first shortfall, 2026-03) and the shortfall ends 2026-06. [no-effect]'
        ]);
    });

    test('the supplier is offline until after the ban', async () => {
        expect(
            await explain(`${PLANT}supplier Late in France { produces NdPrOxide 500 t/month  online 2026-06 }
measure Sw { switch P to Late after 1 month }
scenario Curb { Ban, Sw }
`)
        ).toEqual(['10:14: hint: switch P to Late adds 0 t in Curb: Late is offline until 2026-06 and the cut ends 2026-06. [no-effect]']);
    });

    test('no spare capacity (its own flows take all of it)', async () => {
        // AU's 100 t all go to Other; P may draw from April (March + 1) and is short until May.
        expect(
            await explain(`${PLANT}consumer Other in Japan { needs NdPrOxide 100 t/month }
flow AU -> Other { NdPrOxide 100 t/month }
measure Sw { switch P to AU after 1 month }
scenario Curb { Ban, Sw }
`)
        ).toEqual(['11:14: hint: switch P to AU adds 0 t in Curb: AU has no spare capacity from 2026-04 to 2026-05. [no-effect]']);
    });

    test('no shortfall at all', async () => {
        expect(
            await explain(`${PLANT}measure Sw { switch P to AU after 1 month }
scenario Calm { Sw }
`)
        ).toEqual(["9:14: hint: switch P to AU adds 0 t in Calm: P's flows are never short of their contracts while it is active. [no-effect]"]);
    });

    test("a plant's switch that helps gets no hint", async () => {
        expect(
            await explain(`${PLANT}measure Sw { switch P to AU after 1 month }
scenario Curb { Ban, Sw }
`)
        ).toEqual([]);
    });
});

describe('no-match: a shock effect that hits nothing', () => {
    test('an embargo on a material nobody ships, an outage of a material not made, a demand not needed', async () => {
        expect(
            await explain(`${BASE}shock Odd {
  embargo China -> Japan on NdFeB
  outage VN on NdFeB
  demand JapanIndustry on NdFeB +10%
}
`)
        ).toEqual([
            '8:3: warning: `embargo China -> Japan on NdFeB` in shock Odd matches no flow: it changes nothing. [no-match]',
            '9:3: warning: `outage VN on NdFeB` in shock Odd matches no output of that node: it changes nothing. [no-match]',
            '10:3: warning: `demand JapanIndustry on NdFeB +10%` in shock Odd matches no need of that consumer: it changes nothing. [no-match]'
        ]);
    });
});
