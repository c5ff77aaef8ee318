/**
 * Over LSP, the explanations of the last run (metrics-v2 §5) are diagnostics of the document,
 * as `chokepoint check` reports them: a `no-effect` hint on the measure's clause, a `no-match`
 * warning on the shock effect's line. Never those of an older text: an edit drops them until
 * the run of the new text has finished.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lsp-client.js';

// JapanIndustry takes 100 t/month from China; Cut stops it March to May (until 1 June). With
// `after 4 months` the switch may draw from July (March + 4), past the shortfall: no effect.
// VN makes no NdFeB and JapanIndustry needs none: both effects of Odd match nothing.
const MODEL = `horizon 2026-01 to 2026-08
supplier CN in China { produces REE 1000 t/month }
supplier VN in Vietnam { produces REE 150 t/month }
consumer JapanIndustry in Japan { needs REE 100 t/month }
flow CN -> JapanIndustry { REE 100 t/month }
shock Cut { embargo China -> Japan from 2026-03 until 2026-06 }
measure Sw { switch JapanIndustry to VN after 4 months }
scenario Curb { Cut, Sw }
shock Odd {
  outage VN on NdFeB
  demand JapanIndustry on NdFeB +10%
}
`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-explain-lsp-'));
let client: TestClient;
const file = path.join(dir, 'explain.choke');
beforeAll(async () => {
    writeFileSync(file, MODEL);
    client = new TestClient();
    await client.initialize(dir);
});
afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
});

const NO_EFFECT: Diagnostic = {
    // Line 7 (0-based 6), from column 14: `switch JapanIndustry to VN after 4 months` (41 characters).
    range: { start: { line: 6, character: 13 }, end: { line: 6, character: 54 } },
    severity: 4,
    code: 'no-effect',
    source: 'chokepoint',
    message:
        'switch JapanIndustry to VN adds 0 t in Curb: it may draw from 2026-07 (4 months after the first shortfall, 2026-03) and the shortfall ends 2026-06.'
};
const NO_MATCH_OUTAGE: Diagnostic = {
    // `outage VN on NdFeB`: 18 characters from column 3 of line 10.
    range: { start: { line: 9, character: 2 }, end: { line: 9, character: 20 } },
    severity: 2,
    code: 'no-match',
    source: 'chokepoint',
    message: '`outage VN on NdFeB` in shock Odd matches no output of that node: it changes nothing.'
};
const NO_MATCH_DEMAND: Diagnostic = {
    // `demand JapanIndustry on NdFeB +10%`: 34 characters from column 3 of line 11.
    range: { start: { line: 10, character: 2 }, end: { line: 10, character: 36 } },
    severity: 2,
    code: 'no-match',
    source: 'chokepoint',
    message: '`demand JapanIndustry on NdFeB +10%` in shock Odd matches no need of that consumer: it changes nothing.'
};

const isExplanation = (d: Diagnostic) => d.code === 'no-effect' || d.code === 'no-match';
const explanations = (diagnostics: Diagnostic[]) =>
    diagnostics.filter(isExplanation).map(d => ({ range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message }));

/** The publications of `uri` from index `from` on. */
const since = (uri: string, from: number) => client.published.slice(from).filter(p => p.uri === uri);

/** Waits for a publication after `from` that carries the demand no-match (the run's explanations are in). */
async function explained(uri: string, from: number, what: string): Promise<Diagnostic[]> {
    const done = () => since(uri, from).find(p => p.diagnostics.some(d => d.message === NO_MATCH_DEMAND.message));
    try {
        await client.until(() => done() !== undefined, 20000, what);
    } catch (e) {
        throw new Error(`${String(e)} ${JSON.stringify(since(uri, from))}`, { cause: e });
    }
    return explanations(done()!.diagnostics);
}

test('a no-effect hint and no-match warnings on their clauses; an edit that fixes one removes it, never showing stale ones', async () => {
    const uri = fileUri(file);
    await client.open(uri, MODEL);
    expect(await explained(uri, 0, 'the first explanations')).toEqual([NO_MATCH_OUTAGE, NO_MATCH_DEMAND, NO_EFFECT]);

    // Half-typed: no run, so no explanations, and no crash.
    let from = client.published.length;
    await client.change(uri, MODEL.replace('after 4 months }', 'after'));
    await client.until(() => since(uri, from).some(p => p.diagnostics.some(d => d.severity === 1)), 20000, 'the parse error');
    expect(
        since(uri, from)
            .flatMap(p => p.diagnostics)
            .filter(isExplanation)
    ).toEqual([]);

    // A delay of 1 month lets the switch draw from April, inside the shortfall: it helps.
    from = client.published.length;
    await client.change(uri, MODEL.replace('after 4 months', 'after 1 month'));
    expect(await explained(uri, from, 'the explanations of the fixed switch')).toEqual([NO_MATCH_OUTAGE, NO_MATCH_DEMAND]);
    // The first publication of the new text (its validation) carried no explanation of the old one.
    expect(explanations(since(uri, from)[0].diagnostics)).toEqual([]);

    // VN makes REE: the outage now matches VN's output.
    from = client.published.length;
    await client.change(uri, MODEL.replace('after 4 months', 'after 1 month').replace('outage VN on NdFeB', 'outage VN on REE  '));
    expect(await explained(uri, from, 'the explanations of the fixed outage')).toEqual([NO_MATCH_DEMAND]);
    expect(client.alive).toBe(true);
}, 60000);

test('an explanation on a clause of an imported file shows on that file, and an edit to the model that imports it drops it until the new run', async () => {
    // The shock lives in shocks.choke; the model that runs it (and has the horizon) imports it.
    // Regions come from the library: the file needs no import. Nobody ships NdFeB from Vietnam.
    const shocks = 'shock Odd {\n  embargo Vietnam -> Japan on NdFeB\n}\n';
    const model = `import "./shocks.choke"\n${MODEL.split('\n').slice(0, 8).join('\n')}\n`;
    writeFileSync(path.join(dir, 'shocks.choke'), shocks);
    writeFileSync(path.join(dir, 'imports.choke'), model);
    const shocksUri = fileUri(path.join(dir, 'shocks.choke'));
    const modelUri = fileUri(path.join(dir, 'imports.choke'));
    let from = client.published.length;
    await client.open(modelUri, model);
    const outage = (d: Diagnostic) => d.code === 'no-match';
    await client.until(() => since(shocksUri, from).some(p => p.diagnostics.some(outage)), 20000, 'the no-match on the imported file');
    expect(explanations(since(shocksUri, from).at(-1)!.diagnostics)).toEqual([
        {
            // Line 2 (0-based 1) of shocks.choke, from column 3, 33 characters.
            range: { start: { line: 1, character: 2 }, end: { line: 1, character: 35 } },
            severity: 2,
            code: 'no-match',
            source: 'chokepoint',
            message: '`embargo Vietnam -> Japan on NdFeB` in shock Odd matches no flow: it changes nothing.'
        }
    ]);

    // Any edit to the importing model: the imported file is republished without it at once.
    from = client.published.length;
    await client.change(modelUri, model.replace('after 4 months', 'after 5 months'));
    await client.until(() => since(shocksUri, from).length > 0, 20000, 'the imported file republished');
    expect(explanations(since(shocksUri, from)[0].diagnostics)).toEqual([]);
    // Then the run of the new text brings it back.
    await client.until(() => since(shocksUri, from).some(p => p.diagnostics.some(outage)), 20000, 'the no-match back');
}, 60000);
