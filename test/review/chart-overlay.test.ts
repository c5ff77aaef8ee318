/**
 * The chart view's overlays (review.md §2): every scenario, the baseline included, on one axis
 * per key metric; the compared revision's lines dashed; the shock windows shaded. The server's
 * `chokepoint/chartOverlay` answer on a temporary repository, and how the view lays it out.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { createChokepointServices, type ChokepointSharedServices } from '../../server/src/chokepoint-lsp-module.js';
import { chartOverlayResponse } from '../../server/src/compare/chart-overlay.js';
import { overlayCharts, overlayOfColumn, scenarioColours } from '../../client/src/chart/overlay.js';
import { makerModel, TempRepo } from './repo.js';

let shared: ChokepointSharedServices;
const r = new TempRepo();
const outside = new TempRepo(false);

beforeAll(async () => {
    ({ shared } = createChokepointServices(NodeFileSystem));
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    r.write('model.choke', makerModel(90)).commit('90 days');
});
afterAll(() => {
    r.remove();
    outside.remove();
});

async function open(file: string, text: string): Promise<LangiumDocument> {
    const uri = URI.file(file);
    const documents = shared.workspace.LangiumDocuments;
    if (documents.hasDocument(uri)) documents.deleteDocument(uri);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    await shared.simulation.Service.waitForCurrent(document.uri);
    return document;
}

const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('the chart overlays of every scenario', () => {
    test('against HEAD: each key metric with both sides, HEAD dashed, the shock window', async () => {
        // Now 30 days of stock where HEAD has 90: the cut of March and April leaves need unmet.
        const document = await open(path.join(r.dir, 'model.choke'), makerModel(30));
        const response = await chartOverlayResponse(shared, document, 'HEAD');
        if (response.status !== 'ok') throw new Error(response.message);
        expect(response.revision).toBe('HEAD');
        const { metrics, periods, windows } = response.overlay;
        expect(periods).toHaveLength(12);
        expect(periods[0]).toBe('2026-01-01');
        expect(metrics.map(m => m.id)).toEqual(['unmet', 'stock', 'share', 'cover']);
        for (const metric of metrics) {
            expect(metric.lines.map(l => `${l.scenario} ${l.side}`)).toEqual(['baseline head', 'Curb head', 'baseline base', 'Curb base']);
            for (const line of metric.lines) expect(line.values).toHaveLength(12);
        }
        const unmet = metrics[0];
        // Curb now: 101.37 t unmet over the year (the comparison grid's 101 t); at HEAD (90 days) none.
        expect(sum(unmet.lines[1].values)).toBeCloseTo(101.37, 2);
        expect(sum(unmet.lines[3].values)).toBe(0);
        expect(sum(unmet.lines[0].values)).toBe(0);
        expect(windows).toEqual([{ scenario: 'Curb', shock: 'Cut', from: 2, to: 4 }]);
        // Stock: 30 days of 1,200 t/yr is 1,200 / 365 × 30 = 98.63 t, gone in March; at HEAD 90 days (295.89 t)
        // lose 100 t in each month of the cut: 195.89 t, then 95.89 t.
        const [, stock, share, cover] = metrics;
        expect(stock.lines[1].values.slice(0, 4)).toEqual([98.63, 98.63, 0, 0]);
        expect(stock.lines[3].values.slice(0, 4)).toEqual([295.89, 295.89, 195.89, 95.89]);
        // Cover in days of need: 195.89 t / (1,200 / 365 t a day) = 59.583 days.
        expect(cover.lines[3].values.slice(1, 4)).toEqual([90, 59.583, 29.167]);
        expect(cover.kind).toBe('days');
        // China's share of arrivals: all of them, none arrive while cut.
        expect(share.lines[1].values.slice(0, 5)).toEqual([1, 1, 0, 0, 1]);

        const charts = overlayCharts({ revision: response.revision, metrics, windows });
        const lines = charts[0].lines.map(l => [l.label, l.dashed, l.colour]);
        // Each scenario keeps its colour on both sides; the revision's line is dashed and named.
        expect(lines).toEqual([
            ['baseline', false, 0],
            ['Curb', false, 1],
            ['baseline (HEAD)', true, 0],
            ['Curb (HEAD)', true, 1]
        ]);
    });

    test('nothing to compare with (the setting `none`, or outside git): the current scenarios alone', async () => {
        const inRepo = await open(path.join(r.dir, 'model.choke'), makerModel(30));
        const none = await chartOverlayResponse(shared, inRepo, null);
        const unknown = await chartOverlayResponse(shared, inRepo, 'no-such-branch');
        const notGit = await chartOverlayResponse(shared, await open(path.join(outside.dir, 'model.choke'), makerModel(30)), 'HEAD');
        for (const response of [none, unknown, notGit]) {
            if (response.status !== 'ok') throw new Error(response.message);
            expect(response.revision).toBeNull();
            expect(response.overlay.metrics.map(m => m.lines.map(l => `${l.scenario} ${l.side}`))).toEqual(Array(4).fill(['baseline head', 'Curb head']));
            expect(response.overlay.windows).toEqual([{ scenario: 'Curb', shock: 'Cut', from: 2, to: 4 }]);
            expect(sum(response.overlay.metrics[0].lines[1].values)).toBeCloseTo(101.37, 2);
        }
    });

    test('a model with errors: no overlay, a reason', async () => {
        const broken = await open(path.join(r.dir, 'model.choke'), makerModel(30, 'flow Nowhere -> Maker { REE 1 t/month }'));
        const response = await chartOverlayResponse(shared, broken, 'HEAD');
        expect(response.status).toBe('unavailable');
    });

    test("a scenario's colour and a grid column's chart", () => {
        const colourOf = scenarioColours({
            revision: 'HEAD',
            metrics: [
                {
                    id: 'unmet',
                    title: 'Unmet need',
                    unit: 't',
                    kind: 'tonnes',
                    lines: [
                        { scenario: 'baseline', side: 'head', values: [] },
                        { scenario: 'Gone', side: 'base', values: [] },
                        { scenario: 'Curb', side: 'head', values: [] }
                    ]
                }
            ],
            windows: [{ scenario: 'WindowOnly', shock: 'S', from: 0, to: 1 }]
        });
        // Current scenarios first (in their order), then the revision's only, then those with windows only.
        expect(['baseline', 'Curb', 'Gone', 'WindowOnly'].map(colourOf)).toEqual([0, 1, 2, 3]);
        expect(['unmet', 'loss', 'firstStockout', 'worstShare', 'cover', 'targets'].map(overlayOfColumn)).toEqual([
            'unmet',
            'unmet',
            'stock',
            'share',
            'cover',
            undefined
        ]);
    });
});
