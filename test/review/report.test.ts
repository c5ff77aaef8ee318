/**
 * `chokepoint report`: the built CLI writes one HTML file; headless Chromium (offline) opens
 * it from disk: every chart is drawn (a canvas with painted pixels), no request leaves the
 * page, the console stays free of errors (a CSP violation would be one), and it prints.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { makerModel, TempRepo } from './repo.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out', 'cli.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const r = new TempRepo();
let browser: Browser | undefined;

beforeAll(() => {
    // The report's script is bundled by the build: the test uses the CLI as users get it.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
}, 60_000);
afterAll(async () => {
    await browser?.close();
    r.remove();
});

function report(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
    const run = spawnSync(process.execPath, [CLI, 'report', ...args], { cwd, encoding: 'utf8' });
    return { code: run.status, out: run.stdout, err: run.stderr };
}

/** A shock window's band as the chart painted it (client/webview/shock-bands.ts), with the share of its pixels painted. */
interface Band {
    scenario: string;
    from: number;
    to: number;
    box: [number, number, number, number];
    /** Share of the band's pixels with paint, and of a band as wide at the plot's right edge (null where a band reaches it). */
    filled: number;
    elsewhere: number | null;
}

interface Opened {
    requests: string[];
    errors: string[];
    painted: Record<string, number>;
    bands: Record<string, Band[]>;
    printedHeights: number[];
    text: string;
}

async function open(file: string): Promise<Opened> {
    browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [],
        errors: string[] = [];
    page.on('request', request => {
        if (request.url() !== url) requests.push(request.url());
    });
    page.on('console', message => {
        if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    // Painted pixels per canvas: a drawn chart has lines, axes and labels.
    // (Page code as text: this file is type-checked without the DOM's types.)
    const painted = await page.evaluate<Record<string, number>>(`Object.fromEntries([...document.querySelectorAll('canvas')].map(canvas => {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
        return [canvas.id, count];
    }))`);
    // The shading: each canvas lists the bands it painted; the pixels under a band are all painted
    // (a translucent fill), where beside it only the lines and the grid are.
    const bands = await page.evaluate<Record<string, Band[]>>(`Object.fromEntries([...document.querySelectorAll('canvas')].map(canvas => {
        const context = canvas.getContext('2d');
        const share = (left, top, right, bottom) => {
            const pixels = context.getImageData(left, top, Math.max(1, right - left), Math.max(1, bottom - top)).data;
            let count = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
            return count / (pixels.length / 4);
        };
        const bands = JSON.parse(canvas.dataset.shockBands ?? '[]');
        const area = JSON.parse(canvas.dataset.chartArea ?? '[0, 0, 0, 0]');
        return [canvas.id, bands.map(band => {
            const [left, top, right, bottom] = band.box;
            // Inset by 2 px: the band's edges are antialiased. Beside it: as wide, at the plot's right edge.
            const width = right - left;
            const clear = bands.every(b => b.box[2] < area[2] - width);
            return { ...band, filled: share(left + 2, top + 2, right - 2, bottom - 2), elsewhere: clear ? share(area[2] - width + 2, top + 2, area[2] - 2, bottom - 2) : null };
        })];
    }))`);
    await page.emulateMedia({ media: 'print' });
    const printedHeights = await page.evaluate<number[]>(`[...document.querySelectorAll('canvas')].map(c => c.getBoundingClientRect().height)`);
    const text = await page.evaluate<string>('document.body.innerText');
    await context.close();
    return { requests, errors, painted, bands, printedHeights, text };
}

describe('chokepoint report in headless Chromium', () => {
    // `npm test` installs Chromium first (scripts/setup-test-packages.sh): without it this suite
    // fails, saying so, rather than being skipped.
    test('Chromium is installed (scripts/setup-test-packages.sh)', () => {
        expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup-test-packages.sh (npm test does) or set CHROMIUM`).toBe(true);
    });

    test('the Japan example: charts drawn, zero requests, no console errors, printable', async () => {
        cpSync(path.join(ROOT, 'examples', 'japan-2026'), path.join(r.dir, 'japan'), { recursive: true });
        const out = path.join(r.dir, 'japan.html');
        const run = report(r.dir, 'japan/main.choke', '-o', out);
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        expect(run.out).toMatch(/^chokepoint report: wrote .*japan\.html \(\d+ KB\)\n$/);
        const html = readFileSync(out, 'utf8');
        expect(html).toContain("default-src 'none'");
        expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
        const opened = await open(out);
        expect(opened.requests).toEqual([]);
        expect(opened.errors).toEqual([]);
        // Japan's measures have costs and its scenarios probabilities: the frontier is drawn after the charts over time.
        expect(Object.keys(opened.painted)).toEqual(['chart-unmet', 'chart-stock', 'chart-share', 'chart-cover', 'chart-frontier']);
        for (const [id, pixels] of Object.entries(opened.painted)) expect(pixels, id).toBeGreaterThan(1000);
        // Every chart over time shades the scenarios' shock windows, the same bands on each; the frontier (by budget) none.
        const times = ['chart-unmet', 'chart-stock', 'chart-share', 'chart-cover'];
        const bandsOf = (id: string) => opened.bands[id].map(b => `${b.scenario} ${b.from}..${b.to}`);
        expect(bandsOf('chart-unmet').length).toBeGreaterThan(0);
        for (const id of times) expect(bandsOf(id), id).toEqual(bandsOf('chart-unmet'));
        for (const id of times) for (const band of opened.bands[id]) expect(band.filled, `${id} ${band.scenario}`).toBeGreaterThan(0.95);
        expect(opened.bands['chart-frontier']).toEqual([]);
        expect(opened.text).toMatch(/Shaded: each scenario's shocks while they are active/);
        expect(opened.text).toMatch(/Frontier the best portfolio of measures as the budget grows/);
        for (const height of opened.printedHeights) expect(height).toBeGreaterThan(100);
        expect(opened.text).toContain('GradualEscalation');
        expect(opened.text).toContain('targets met');
    }, 60_000);

    test('--diff BASE: the comparison (verdict, base -> head cells, target changes, changed declarations)', async () => {
        const repo = new TempRepo();
        try {
            repo.write('model.choke', makerModel(90)).commit('90 days');
            repo.write('model.choke', makerModel(30));
            const out = path.join(repo.dir, 'report.html');
            const run = report(repo.dir, 'model.choke', '--diff', 'HEAD');
            expect(run.code).toBe(0);
            const html = readFileSync(out, 'utf8');
            expect(html).toContain('✗ 1 target regression against HEAD (');
            // Curb's unmet: 0 t at HEAD, 101 t in the working tree (200 − 98.6 t of stock).
            expect(html).toContain('<td class="s1">0 t -&#62; 101 t (+101 t)</td>');
            expect(html).toContain('<li>NoShortage in Curb: ✓ 0 t -&#62; ✗ 101 t: regression</li>');
            expect(html).toContain('<li>changed consumer Maker: stock REE 90 days -&#62; 30 days</li>');
            const opened = await open(out);
            expect(opened.requests).toEqual([]);
            expect(opened.errors).toEqual([]);
            for (const pixels of Object.values(opened.painted)) expect(pixels).toBeGreaterThan(1000);
            // Curb's Cut, March and April (periods 2 and 3 of 12), one band on each chart: painted
            // through, where the plot's last two months carry only lines and grid.
            for (const id of ['chart-unmet', 'chart-stock', 'chart-share', 'chart-cover']) {
                const [band, ...others] = opened.bands[id];
                expect(others, id).toEqual([]);
                expect([band.scenario, band.from, band.to], id).toEqual(['Curb', 2, 4]);
                expect(band.filled, id).toBeGreaterThan(0.95);
                expect(band.elsewhere, id).toBeLessThan(0.5);
            }
            expect(opened.text).toContain("Shaded: each scenario's shocks while they are active, in the scenario's colour: Cut in Curb (2026-03..2026-04).");
            // No measure has a cost: no frontier.
            expect(opened.painted['chart-frontier']).toBeUndefined();
        } finally {
            repo.remove();
        }
    }, 60_000);

    test('usage: a model with errors exits 1; an unknown revision or a missing file exits 2, one line', () => {
        const file = path.join(r.dir, 'broken.choke');
        writeFileSync(file, makerModel(30).replace('flow Mine -> Maker', 'flow Mine -> Makr'));
        const broken = report(r.dir, 'broken.choke', '-o', '-');
        expect(broken.code).toBe(1);
        expect(broken.err).toContain('broken.choke:8:');
        const missing = report(r.dir, 'nothing.choke');
        expect(missing.code).toBe(2);
        expect(missing.err.trim().split('\n')).toHaveLength(1);
        writeFileSync(path.join(r.dir, 'ok.choke'), makerModel(30));
        const unknown = report(r.dir, 'ok.choke', '--diff', 'nosuchrev', '-o', '-');
        expect(unknown.code).toBe(2);
        expect(unknown.err.trim()).toMatch(/^chokepoint report: unknown revision 'nosuchrev'/);
    });
});
