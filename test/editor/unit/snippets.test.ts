import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../../language/src/chokepoint-module.js';

const snippets = JSON.parse(readFileSync('client/snippets/chokepoint.code-snippets', 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** The text a snippet inserts when every placeholder keeps its default (the first choice). */
export function expand(body: string[]): string {
    let text = body.join('\n');
    for (let i = 0; i < 3; i++) {
        text = text.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^{}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '');
}

describe('snippets', () => {
    test('expanding placeholders as written', () => {
        expect(expand(['a ${1:X} ${2|p,q|} ${3:b ${4:c}} $0'])).toBe('a X p b c ');
    });

    test.each(Object.entries(snippets))('%s parses as Chokepoint', async (_name, snippet) => {
        const services = createChokepointCoreServices(EmptyFileSystem);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(expand(snippet.body), URI.parse(`memory:///${snippet.prefix}.choke`));
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    });
});
