/** Formatter cases as data: test/server/cases/formatter/NAME.choke -> NAME.formatted.choke (see cases/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createChokepointServices } from '../../server/src/chokepoint-lsp-module.js';
import { formatText } from '../../server/src/lsp/formatter/formatter.js';

const CASES = path.join(__dirname, 'cases', 'formatter');
const services = createChokepointServices(EmptyFileSystem);
const inputs = readdirSync(CASES)
    .filter(f => f.endsWith('.choke') && !f.endsWith('.formatted.choke'))
    .sort();

function format(text: string, name: string): string | undefined {
    return formatText(services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`)));
}

describe('formatter cases', () => {
    test('there are cases, each with its expected output', () => {
        expect(inputs.length).toBeGreaterThan(0);
        for (const input of inputs) expect(readdirSync(CASES)).toContain(input.replace(/\.choke$/, '.formatted.choke'));
    });

    test.each(inputs)('%s', input => {
        const expected = readFileSync(path.join(CASES, input.replace(/\.choke$/, '.formatted.choke')), 'utf8');
        const once = format(readFileSync(path.join(CASES, input), 'utf8'), input);
        expect(once).toBe(expected);
        expect(format(expected, `again-${input}`)).toBe(expected);
    });
});
