import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../language/src/cli/main.js';
import { MAX_DECLARATIONS, MAX_FILE_BYTES } from '../../language/src/loading/size-limits.js';
import { build, codes } from '../language/helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function suppliers(count: number): string {
    const lines = ['horizon 2026-01 to 2026-12'];
    for (let i = 0; i < count; i++) lines.push(`supplier S${i} in China { produces REE 10 t/month }`);
    return lines.join('\n') + '\n';
}

async function cli(...args: string[]) {
    const out: string[] = [],
        err: string[] = [];
    const code = await main(
        args,
        s => out.push(...s.split('\n')),
        s => err.push(...s.split('\n'))
    );
    return { code, out, err };
}

describe('size limits', () => {
    test('a file over 1 MB is never parsed: one file-too-large error at 1:1 (editor and CLI)', async () => {
        // 30,000 suppliers of 52 characters each: about 1.6 MB.
        const text = suppliers(30_000);
        expect(text.length).toBeGreaterThan(MAX_FILE_BYTES);
        const { documents } = await build({ 'huge.choke': text });
        expect(codes(documents['huge.choke'])).toEqual(['1:1 error file-too-large']);
        expect(documents['huge.choke'].parseResult.value.declarations).toEqual([]);
        const file = path.join(dir, 'huge.choke');
        writeFileSync(file, text);
        const { code, out } = await cli('check', file);
        expect(code).toBe(1);
        expect(out[0]).toMatch(
            /huge\.choke:1:1: error: This file is 1\.\d MB; the largest file Chokepoint reads is 1 MB \(1,000,000 bytes\), so it was not read: .*\[file-too-large\]$/
        );
    });

    test('more declarations than a file holds: file-too-large', async () => {
        const { documents } = await build({ 'many.choke': suppliers(MAX_DECLARATIONS + 1) });
        expect(codes(documents['many.choke'])).toContain('1:1 error file-too-large');
    });

    test('periods × entities × runs over 20,000,000: model-too-large at the horizon', async () => {
        // Daily from 2026-01-01 to 2080-01-01 inclusive: 54 × 365 + 13 leap days + 1 = 19,724 periods.
        // 500 suppliers, 1 run (the baseline): 9,862,000 cells, within 20,000,000.
        const horizon = 'horizon 2026-01-01 to 2080-01-01\nstep day\n';
        const body = suppliers(500).split('\n').slice(1).join('\n');
        const within = await build({ 'a.choke': horizon + body });
        expect(codes(within.documents['a.choke']).filter(c => c.includes('too-large'))).toEqual([]);
        // With two scenarios, 3 runs: 19,724 × 500 × 3 = 29,586,000 cells, over.
        const over = await build({ 'b.choke': horizon + body + 'scenario A { }\nscenario B { }\n' });
        expect(codes(over.documents['b.choke']).filter(c => c.includes('too-large'))).toEqual(['1:1 error model-too-large']);
    });
});
