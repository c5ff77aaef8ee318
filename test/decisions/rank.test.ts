/**
 * `chokepoint rank` on test/decisions/models/rank.choke, figures by hand (decisions.md §3).
 * X needs 100 t/month (20 t own stock, JPY 1 million per t unmet) from A (60 t/month on two
 * flows) and B (40); Y needs 50 t/month (no stock, JPY 2 million per t) from A. No spare
 * capacity anywhere. The default outage is 3 months from January.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../examples/cli.js';
import type { Ranking } from '../../language/src/decisions/rank.js';

const MODEL = path.join(__dirname, 'models', 'rank.choke');

async function rank(...more: string[]): Promise<Ranking> {
    const run = await cli('rank', MODEL, '--json', ...more);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.out) as Ranking;
}

describe('chokepoint rank', () => {
    it('ranks by loss, then unmet, then name; a pair of flows is one entry; planned nodes are not ranked', async () => {
        const ranking = await rank();
        expect(ranking.scenario).toBe('baseline');
        expect(ranking.outage).toBe('3 months');
        // A out: X short 60 × 3 - 20 (stock) = 160 t, Y short 50 × 3 = 150 t: 310 t, 160e6 + 2e6 × 150 = 460e6.
        // A -> Y: 150 t, 300e6. A -> X (both flows): 160 t, 160e6. B and B -> X: 40 × 3 - 20 = 100 t, 100e6 (tie: by name).
        expect(ranking.nodes.map(n => [n.name, n.kind, n.unmet, n.loss.JPY])).toEqual([
            ['A', 'supplier', 310, 460e6],
            ['A -> Y', 'flow', 150, 300e6],
            ['A -> X', 'flow', 160, 160e6],
            ['B', 'supplier', 100, 100e6],
            ['B -> X', 'flow', 100, 100e6]
        ]);
        expect(ranking.nodes.map(n => n.consumersHit)).toEqual([['X', 'Y'], ['Y'], ['X'], ['X'], ['X']]);
    });

    it('gives each node the smallest time to survive over consumers, for the outage and for good', async () => {
        const byName = Object.fromEntries((await rank()).nodes.map(n => [n.name, n]));
        // Y has no stock: short from the first day, 0 days.
        expect(byName.A.ttsDays).toBe(0);
        // A -> X: a 60 t gap in January, 20 t drawn: stock lasts 1/3 of the month: 365/12 / 3 = 10.139 days.
        expect(byName['A -> X'].ttsDays).toBe(10.139);
        expect(byName['A -> X'].ttsForeverDays).toBe(10.139);
        // B: a 40 t gap, 20 t drawn: half the month, 15.208 days.
        expect(byName.B.ttsDays).toBe(15.208);
    });

    it('ranks in a scenario with --scenario and a shorter --outage, and never ranks the planned supplier it adds', async () => {
        const ranking = await rank('--scenario', 'WithC', '--outage', '1 month');
        expect(ranking.outage).toBe('1 month');
        expect(ranking.nodes.map(n => n.name)).not.toContain('C');
        expect(ranking.nodes.map(n => n.name)).not.toContain('C -> X');
        // A -> X lost for good: X gets B's 40 and C's 50, a 10 t gap; 20 t of stock last 2 months: 60.833 days.
        const ax = ranking.nodes.find(n => n.name === 'A -> X')!;
        expect(ax.unmet).toBe(0);
        expect(ax.ttsDays).toBeNull();
        expect(ax.ttsForeverDays).toBe(60.833);
        // A out in January: Y short 50 t, 100e6.
        expect(ranking.nodes[0]).toEqual({ name: 'A', kind: 'supplier', unmet: 50, loss: { JPY: 100e6 }, consumersHit: ['Y'], ttsDays: 0, ttsForeverDays: 0 });
    });

    it('prints a table, most critical first', async () => {
        const run = await cli('rank', MODEL);
        expect(run.code).toBe(0);
        const lines = run.out.split('\n');
        expect(lines[0]).toBe('Criticality in baseline: each node out for 3 months from the first period');
        expect(lines[3]).toMatch(/^1\s+A\s+supplier\s+310 t\s+460 million JPY loss\s+X, Y\s+0 days\s+0 days$/);
    });

    it('refuses a bad outage and an unknown scenario with one line, exit 2', async () => {
        const bad = await cli('rank', MODEL, '--outage', 'soon');
        expect(bad.code).toBe(2);
        expect(bad.err).toBe(`--outage takes a duration such as "1 month", "3 months", "90 days" or "2 weeks", not 'soon'.`);
        const missing = await cli('rank', path.join(__dirname, 'models', 'no-such.choke'));
        expect(missing.code).toBe(2);
        expect(missing.err).toBe(`chokepoint: no such file or directory: ${path.join(__dirname, 'models', 'no-such.choke')}`);
        const unknown = await cli('rank', MODEL, '--scenario', 'Nope');
        expect(unknown.code).toBe(2);
        expect(unknown.err).toBe("Unknown scenario 'Nope'. Known scenarios: baseline, WithC.");
    });
});
