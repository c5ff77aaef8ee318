import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CstUtils, EmptyFileSystem, isLeafCstNode, URI } from 'langium';
import { createChokepointServices } from '../../server/src/chokepoint-lsp-module.js';
import { formatText } from '../../server/src/lsp/formatter/formatter.js';

const services = createChokepointServices(EmptyFileSystem);
let counter = 0;

function parse(text: string) {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///format-${counter++}.choke`));
}

function format(text: string): string {
    const result = formatText(parse(text));
    if (result === undefined) throw new Error('not formatted (syntax errors)');
    return result;
}

/** Code tokens and comments in order: formatting may only change the space between them. */
function tokenTexts(text: string): string[] {
    const root = parse(text).parseResult.value.$cstNode!;
    return CstUtils.streamCst(root)
        .filter(isLeafCstNode)
        .map(leaf => leaf.text)
        .toArray();
}

function exampleFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? exampleFiles(full) : entry.endsWith('.choke') ? [full] : [];
    });
}

describe('formatter', () => {
    const files = [...exampleFiles('examples'), 'language/src/stdlib/stdlib.choke'];
    test.each(files)('%s: idempotent, keeps every token and comment', file => {
        const text = readFileSync(file, 'utf8');
        const once = format(text);
        expect(format(once)).toBe(once);
        expect(tokenTexts(once)).toEqual(tokenTexts(text));
    });

    // Layouts as data, input and output side by side: cases/formatter/ (formatter-cases.test.ts).

    test('long member lists wrap at 100 columns after a comma', () => {
        const members = Array.from({ length: 12 }, (_, i) => `MemberNumber${i}`).join(', ');
        const out = format(`scenario Big { ${members} }\n`).split('\n');
        expect(out[0]).toBe('scenario Big {');
        expect(out.slice(1, -2).every(l => l.length <= 100 && l.startsWith('  '))).toBe(true);
        expect(out.slice(1, -2).join(' ').replace(/\s+/g, ' ').trim()).toBe(members);
        expect(out[out.length - 2]).toBe('}');
    });

    test('text with syntax errors is not formatted', () => {
        expect(formatText(parse('supplier X in { produces'))).toBeUndefined();
    });
});
