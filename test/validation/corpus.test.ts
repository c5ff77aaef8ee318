import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { loadModel } from '../../language/src/loading/load.js';
import { ALL_CODES } from '../../language/src/validation/codes.js';
import { parseMarkers } from './markers.js';

const CORPUS = path.join(__dirname, 'corpus');
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const cases = readdirSync(CORPUS)
    .filter(f => f.endsWith('.choke'))
    .sort();

/** Diagnostics of one corpus file, loaded with its imports as the CLI loads it. */
async function diagnosticsOf(file: string) {
    const services = createChokepointCoreServices(NodeFileSystem);
    const loaded = await loadModel(services, [file]);
    const root = loaded.roots[0];
    const problems = loaded.problems.filter(p => p.file === file).map(p => ({ line: 1, column: 1, severity: p.severity, code: p.code, message: p.message }));
    return [
        ...problems,
        ...(root?.diagnostics ?? []).map(d => ({
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            severity: SEVERITY[d.severity ?? 1],
            code: String(d.code ?? '(no code)'),
            message: typeof d.message === 'string' ? d.message : d.message.value
        }))
    ];
}

const key = (d: { line: number; column: number; severity: string; code: string }) => `${d.line}:${d.column} ${d.severity} ${d.code}`;

describe('bad-input corpus: every expected diagnostic and no other', () => {
    test('holds at least 45 cases and exercises every diagnostic code', () => {
        expect(cases.length).toBeGreaterThanOrEqual(45);
        const used = new Set(cases.flatMap(f => parseMarkers(readFileSync(path.join(CORPUS, f), 'utf8')).map(m => m.code)));
        // Codes of the loader (files that cannot be read) and of the simulation's explanations
        // (no-match, no-effect: test/cli/explanations.test.ts) are covered by the CLI tests.
        // Size limits need files of megabytes or thousands of declarations: size-limits.test.ts.
        const loaderCodes = ['file-not-found', 'unreadable-file', 'not-utf8', 'file-too-large', 'model-too-large', 'no-match', 'no-effect'];
        expect(ALL_CODES.filter(c => !used.has(c) && !loaderCodes.includes(c))).toEqual([]);
    });

    test.each(cases)('%s', async name => {
        const file = path.join(CORPUS, name);
        const expected = parseMarkers(readFileSync(file, 'utf8'));
        const actual = await diagnosticsOf(file);
        const listing = actual.map(d => `${key(d)}: ${d.message}`).join('\n');
        expect(actual.map(key).sort(), `actual diagnostics:\n${listing}`).toEqual(expected.map(key).sort());
        for (const e of expected.filter(x => x.text)) {
            const match = actual.find(a => key(a) === key(e));
            expect(match?.message, `marker on line ${e.markerLine}`).toContain(e.text);
        }
    });
});
