import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES } from '../../language/src/validation/codes.js';
import { parseMarkers } from './markers.js';

const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'language.md'), 'utf8');
// Catalogue rows: | `code` | severity | meaning | how to fix |
const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|hint) \|/gm)].map(m => ({ code: m[1], severity: m[2] }));

test('docs/language.md documents every diagnostic code, and only those', () => {
    expect(rows.map(r => r.code).sort()).toEqual([...ALL_CODES].sort());
});

test('the severity documented for each code is the one the corpus observes', () => {
    const corpus = path.join(__dirname, 'corpus');
    const observed = new Map<string, Set<string>>();
    for (const file of readdirSync(corpus).filter(f => f.endsWith('.choke'))) {
        for (const m of parseMarkers(readFileSync(path.join(corpus, file), 'utf8'))) {
            observed.set(m.code, (observed.get(m.code) ?? new Set()).add(m.severity));
        }
    }
    for (const { code, severity } of rows) {
        if (observed.has(code)) expect([code, ...observed.get(code)!]).toEqual([code, severity]);
    }
});
