/**
 * examples/shared-world: a world folder shared by teams, one model that keeps it, one that
 * replaces its Lynas (docs/language.md, "Sharing a world across teams").
 */
import { afterEach, describe, expect, test } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cli, runJson, scenario } from '../examples/cli.js';

const SHARED = path.resolve(__dirname, '../../examples/shared-world');
const ATTEMPT = path.join(SHARED, 'team', 'override-attempt.choke');
afterEach(() => rmSync(ATTEMPT, { force: true }));

describe('a shared world', () => {
    test('checks cleanly', async () => {
        const run = await cli('check', SHARED);
        expect(run.code).toBe(0);
        // The one hint is the story of the variant: in the shared world Lynas has nothing to spare.
        expect(run.out.split('\n')).toEqual([
            expect.stringMatching(
                /team\/magnets\.choke:11:24: hint: switch MagnetMakers to Lynas adds 0 t in Curb: Lynas has no spare capacity from 2026-05 to 2026-07\. \[no-effect\]$/
            ),
            '0 errors, 0 warnings, 1 hint in 6 files'
        ]);
    });

    test('the team that keeps the world and the team that replaces Lynas', async () => {
        // Curb: 4 months × 700 t = 2,800 t cut; own stock and stockpile 30 days each of
        // 1,000 t/month = 30 × 1000 × 12 / 365 = 986.3 t each, 1,972.6 t: 827.4 t unmet.
        const kept = scenario(await runJson(path.join(SHARED, 'team', 'magnets.choke')), 'Curb');
        expect(kept.consumers.MagnetMakers.materials.REE.unmet).toBeCloseTo(2800 - 2 * 986.30137, 3);
        // Lynas at 7,200 t/yr has 300 t/month spare: the switch covers what the stocks do not.
        const replaced = scenario(await runJson(path.join(SHARED, 'team', 'lynas-expansion.choke')), 'Curb');
        expect(replaced.consumers.MagnetMakers.materials.REE.unmet).toBe(0);
    });

    test('redeclaring an imported declaration is an error that says why and what to do', async () => {
        writeFileSync(ATTEMPT, 'import "../world/trade-2025.choke"\n\nsupplier Lynas in Malaysia { produces REE 7200 t/yr }\n');
        const run = await cli('check', ATTEMPT);
        expect(run.code).toBe(1);
        expect(run.out.split('\n').filter(l => l.includes('error'))[0]).toMatch(
            new RegExp(
                "override-attempt\\.choke:3:10: error: 'Lynas' is declared more than once \\(also at lynas-2025\\.choke:5, which this file imports\\): " +
                    'an imported declaration cannot be overridden\\. Give this one its own name, or import only the shared files you keep ' +
                    'and declare your own version instead of the file that declares it\\. \\[duplicate-name\\]$'
            )
        );
    });
});
