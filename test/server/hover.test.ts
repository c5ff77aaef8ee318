import { beforeAll, describe, expect, test } from 'vitest';
import { expectHover } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { createTestServer, type TestServer } from './helpers.js';
import { HAND_MODEL } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

async function hoverText(document: LangiumDocument, search: string, occurrence = 0): Promise<string> {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(search, offset + 1);
    await server.shared.simulation.Service.waitForCurrent(document.uri);
    const hover = await server.Chokepoint.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + 1)
    });
    return hover ? (hover.contents as { value: string }).value : '';
}

describe('hover', () => {
    test('on a reference: what was declared and the doc comment (langium expectHover)', async () => {
        await expectHover(server.Chokepoint)({
            text: HAND_MODEL.replace('flow ChinaMines -> Industry', 'flow ChinaMines -> Indus<|>try'),
            index: 0,
            hover: /^```chokepoint\nconsumer Industry in Japan\n {4}needs REE 1000 t\/month\n {4}loss 1 million JPY per t\n```\n\n---\n\nJapan\\'s industry\\\./
        });
    });

    test('on a consumer: its metrics per scenario, checked by hand', async () => {
        const document = await server.open('hover-consumer.choke', HAND_MODEL);
        const text = await hoverText(document, 'Industry in Japan');
        // The lens's story on top (the curb leaves 500 t unmet, see code-lens.test.ts), China's share
        // per month (75% = ▆, 0 in March and April), then a row per scenario.
        expect(text).toContain(
            '**Simulation**\n\n**CurbOnly**: China 75% → 0% (2026-03) → 75% (baseline 75%) · HHI 6,250 → 10,000 (2026-03) → 6,250 (baseline 6,250) · unmet 500 t (baseline 0)'
        );
        expect(text).toContain('China share per month in CurbOnly: `▆▆▁▁▆▆▆▆▆▆▆▆`');
        expect(text).toContain('| baseline | 75% (2026-01) | 6,250 | 0 t | 100% | — | 0 |');
        // Fill: 1 - 500 / 12,000 = 95.8%.
        expect(text).toContain('| CurbOnly | 75% (2026-01) | 10,000 | 500 t | 95.8% | 2026-04-11 | 500 million JPY |');
    });

    test('on a reserve and on a stock in days: the tonnes it stands for', async () => {
        const document = await server.open('hover-reserve.choke', HAND_MODEL.replace('holds REE 1000 t', 'holds REE 60 days'));
        const text = await hoverText(document, 'Stockpile in');
        // 60 days of 1,000 t/month: 60 x 1,000 x 12 / 365 = 1,972.6 -> 1,973 t.
        expect(text).toContain('reserve Stockpile in Japan\n    holds REE 60 days   // ≈ 1,973 t\n    serves Industry\n```');
        // In the curb it releases 750 t in March and 750 t in April: 1,972.6 − 1,500 = 472.6 t left.
        expect(text).toContain('| CurbOnly | REE | 1,973 t → 473 t (2026-04) → 473 t | 1,500 t | never | — |');
    });

    test('on a shock: what it changes in the scenarios that use it', async () => {
        const document = await server.open('hover-shock.choke', HAND_MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        await server.shared.simulation.Service.whenIdle(10_000);
        const text = await hoverText(document, 'Curb {');
        expect(text).toContain('| CurbOnly | +500 t | +500 million JPY | 75% → 75% | 30.4 days → 0 days |');
    });

    test("on a flow's source: the share of the destination's supply it carries", async () => {
        const document = await server.open('hover-flow.choke', HAND_MODEL);
        // 750 of 750 + 250 = 1,000 t/month: 75%.
        expect(await hoverText(document, 'ChinaMines -> Industry')).toContain('ChinaMines (China) carries 750 of 1,000 t/month of REE into Industry: **75%**');
    });

    test('on a flow of several materials: which of them a lead applies to', async () => {
        const model = HAND_MODEL.replace(
            'supplier VietnamMines in Vietnam { produces REE 400 t/month }',
            'supplier VietnamMines in Vietnam { produces REE 400 t/month  produces NdFeB 10 t/month }'
        ).replace('flow VietnamMines -> Industry { REE 250 t/month }', 'flow VietnamMines -> Industry { REE 250 t/month  NdFeB 5 t/month lead 1 month }');
        const document = await server.open('hover-lead.choke', model);
        expect(await hoverText(document, 'VietnamMines -> Industry')).toContain('Lead times: REE: no lead · NdFeB: lead 1 month');
    });

    test("on an embargo's origin: the share of the destination region's supply from there", async () => {
        const document = await server.open('hover-embargo.choke', HAND_MODEL);
        expect(await hoverText(document, 'China -> Japan')).toContain('Flows from China carry 750 of 1,000 t/month of REE into Japan: **75%**');
    });

    test('on a name from the standard library', async () => {
        const document = await server.open('hover-lib.choke', HAND_MODEL);
        expect(await hoverText(document, 'Vietnam {')).toMatch(/^```chokepoint\nregion Vietnam\n```/);
    });
});
