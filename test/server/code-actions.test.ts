import { beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { testCodeAction } from 'langium/test';
import { createTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

/** The quick fixes offered for the (single) diagnostic with `code` in `text`. */
async function fixesFor(text: string, code: string, name = `fix-${Math.random()}.choke`) {
    const document = await server.open(name, text);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics, `diagnostics with code ${code}`).toHaveLength(1);
    const actions = (await server.Chokepoint.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics }
    })) as CodeAction[];
    const apply = (title: string) => {
        const action = actions.find(a => a.title === title);
        if (!action) throw new Error(`no fix '${title}' among ${actions.map(a => a.title).join(' | ')}`);
        return TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.uri.toString()]);
    };
    return { titles: actions.map(a => a.title), actions, apply, document };
}

describe('quick fixes', () => {
    test('an unknown flow source: take the closest name, or create a supplier that produces what the flow carries', async () => {
        const text =
            'supplier ChinaExporters in China { produces REE 1500 t/month }\n' +
            'consumer Industry in Japan { needs REE 100 t/month }\n' +
            'flow ChinaExporter -> Industry { REE 100 t/month lead 1 month }\n';
        const { titles, apply } = await fixesFor(text, 'unknown-name');
        expect(titles).toEqual(["Change to 'ChinaExporters'", "Create supplier 'ChinaExporter'", "Create plant 'ChinaExporter'"]);
        expect(apply("Change to 'ChinaExporters'")).toBe(text.replace('ChinaExporter ->', 'ChinaExporters ->'));
        expect(apply("Create supplier 'ChinaExporter'")).toBe(text + '\nsupplier ChinaExporter in RestOfWorld {\n  produces REE 100 t/month\n}\n');
    });

    test('a created declaration fixes the diagnostic (langium testCodeAction)', async () => {
        // testCodeAction applies the only fix offered and checks the diagnostic is gone.
        await testCodeAction(server.Chokepoint)(
            'consumer Industry in Japan { needs Neodymium 100 t/month }\n',
            'unknown-name',
            'consumer Industry in Japan { needs Neodymium 100 t/month }\n\nmaterial Neodymium\n'
        );
    });

    test('a unit of the wrong kind: a mass where a rate belongs', async () => {
        const text = 'supplier S in China { produces REE 1500 t }\n';
        const { titles, apply } = await fixesFor(text, 'unit-kind');
        expect(titles).toEqual(['Write 1500 t/month', 'Write 1500 t/yr']);
        expect(apply('Write 1500 t/month')).toBe('supplier S in China { produces REE 1500 t/month }\n');
    });

    test('a unit of the wrong kind: a rate where a duration belongs, a unit on a cut', async () => {
        const lead = await fixesFor('flow A -> B { REE 1 t/month lead 1 t/month }\n', 'unit-kind');
        expect(lead.titles).toEqual(['Write 1 month', 'Write 1 day']);
        const cut = await fixesFor('shock S { embargo China -> Japan cut 25 t from 2026-01 }\n', 'unit-kind');
        expect(cut.apply('Write 25%')).toBe('shock S { embargo China -> Japan cut 25% from 2026-01 }\n');
    });

    test('probabilities are scaled to sum to exactly 100% (ranges by their midpoints)', async () => {
        // Japan example's set: 32.5 (midpoint of 30..35) + 40 + 15 + 10 = 97.5%; factor 100/97.5.
        // 30 -> 30.8, 35 -> 35.9 (midpoint 33.35), 40 -> 41.0, 15 -> 15.4, 10 -> 10.3: sum 100.05;
        // the 0.05 left over comes off the largest (41.0 -> 40.95): 33.35 + 40.95 + 15.4 + 10.3 = 100.
        const text =
            'horizon 2026-01 to 2028-12\nscenario A probability 30%..35% { }\nscenario B probability 40% { }\n' +
            'scenario C probability 15% { }\nscenario D probability 10% { }\n';
        const { apply, titles } = await fixesFor(text, 'probability-sum');
        expect(titles).toEqual(['Scale the scenario probabilities to sum to 100%']);
        expect(apply('Scale the scenario probabilities to sum to 100%')).toBe(
            'horizon 2026-01 to 2028-12\n' +
                'scenario A probability 30.8%..35.9% { }\nscenario B probability 40.95% { }\n' +
                'scenario C probability 15.4% { }\nscenario D probability 10.3% { }\n'
        );
    });

    test('probabilities over 100%', async () => {
        // 60 + 60 = 120%: each becomes 60 x 100/120 = 50.
        const text = 'horizon 2026-01 to 2028-12\nscenario A probability 60% { }\nscenario B probability 60% { }\n';
        const { apply } = await fixesFor(text, 'probability-sum-over');
        expect(apply('Scale the scenario probabilities to sum to 100%')).toBe(text.replace(/60%/g, '50%'));
    });

    test("a missing horizon is added, covering the model's dates", async () => {
        // Dates in the model: 2027-03 (shock) and a target by 2031-06: 2027-01 to 2031-12.
        const text = 'shock S { embargo China -> Japan from 2027-03 }\nscenario X { S }\ntarget T { unmet of * <= 0 t by 2031-06 }\n';
        const { apply } = await fixesFor(text, 'no-horizon');
        const fixed = apply('Add `horizon 2027-01 to 2031-12`');
        expect(fixed).toBe('horizon 2027-01 to 2031-12\nstep month\n\n' + text);
        const after = await server.open(`after-${Math.random()}.choke`, fixed);
        expect((after.diagnostics ?? []).filter(d => d.code === 'no-horizon')).toEqual([]);
    });

    test("without dates, the horizon is the spec's 2026-01 to 2028-12, after the imports", async () => {
        const text = 'import "./world.choke"\nscenario X { }\n';
        const { apply } = await fixesFor(text, 'no-horizon');
        expect(apply('Add `horizon 2026-01 to 2028-12`')).toBe('import "./world.choke"\n\nhorizon 2026-01 to 2028-12\nstep month\nscenario X { }\n');
    });

    test('an unused shock is removed with its doc comment', async () => {
        const text = 'region A\n\n// Never used.\nshock S {\n  embargo China -> Japan\n  from 2026-01\n}\n\nregion B\n';
        const { apply } = await fixesFor(text, 'unused-shock');
        expect(apply("Remove unused shock 'S'")).toBe('region A\n\nregion B\n');
    });
});
