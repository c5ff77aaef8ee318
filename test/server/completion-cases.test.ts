/**
 * Completion cases as data: test/server/cases/completion/NAME.choke, with one `<|>` where
 * completion is asked and `// expect exactly|first|includes|excludes: A, B` markers (see
 * cases/README.md). Labels are compared in the order the server sorts them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectCompletion } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from './helpers.js';

const CASES = path.join(__dirname, 'cases', 'completion');
const files = readdirSync(CASES)
    .filter(f => f.endsWith('.choke'))
    .sort();
const MARKER = /^\s*\/\/\s*expect\s+(exactly|first|includes|excludes):\s*(.*)$/;

let server: TestServer;
beforeAll(async () => {
    server = await createTestServer();
});

async function labelsAt(text: string, name: string): Promise<string[]> {
    let labels: string[] = [];
    await expectCompletion(server.Chokepoint)({
        text,
        index: 0,
        parseOptions: { documentUri: `memory:///completion-case-${name}` },
        assert: list => {
            labels = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map(i => i.label);
        }
    });
    return labels;
}

describe('completion cases', () => {
    test.each(files)('%s', async file => {
        const text = readFileSync(path.join(CASES, file), 'utf8');
        expect(text.split('<|>'), 'one <|> mark').toHaveLength(2);
        const markers = text
            .split('\n')
            .map(line => MARKER.exec(line))
            .filter(m => m !== null);
        expect(markers.length, 'at least one // expect marker').toBeGreaterThan(0);
        const labels = await labelsAt(text, file);
        for (const [, kind, list] of markers) {
            const names = list
                .split(',')
                .map(n => n.trim())
                .filter(n => n.length > 0);
            if (kind === 'exactly') expect(labels).toEqual(names);
            else if (kind === 'first') expect(labels.slice(0, names.length)).toEqual(names);
            else if (kind === 'includes') expect(labels).toEqual(expect.arrayContaining(names));
            else for (const n of names) expect(labels).not.toContain(n);
        }
    });
});
