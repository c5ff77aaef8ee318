import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { stdlibDocument } from '../../language/src/loading/stdlib.js';
import { ALL_CODES } from '../../language/src/validation/codes.js';
import allConstructs from '../language/fixtures/all-constructs.choke';

/**
 * Half-typed text never makes a check throw: every prefix of a file that uses every
 * construct, and the file with any one line removed, validates with only coded diagnostics
 * (a check that throws shows up as Langium's uncoded "An error occurred during validation").
 */
describe('half-typed text', () => {
    const services = createChokepointCoreServices(EmptyFileSystem);
    const shared = services.shared;
    let counter = 0;

    async function validate(text: string) {
        const uri = URI.parse(`memory:///typing/${counter++}.choke`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([stdlibDocument(shared), document], { validation: true });
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        return document.diagnostics ?? [];
    }

    const known = new Set<string>(ALL_CODES);
    function problems(text: string, diagnostics: Awaited<ReturnType<typeof validate>>): string[] {
        return diagnostics
            .filter(d => !known.has(String(d.code)) || /error occurred/i.test(typeof d.message === 'string' ? d.message : d.message.value))
            .map(d => `after ${JSON.stringify(text.slice(-40))}: [${String(d.code)}] ${typeof d.message === 'string' ? d.message : d.message.value}`);
    }

    test('every prefix, cut at each token boundary and mid-token', async () => {
        // Cut points: at the end of every token (before a space or a symbol), plus every
        // eleventh character to land mid-word and mid-number.
        const cuts: number[] = [];
        for (let i = 1; i <= allConstructs.length; i++) {
            if (i === allConstructs.length || (/[\s{}(),:%.-]/.test(allConstructs[i]) && !/\s/.test(allConstructs[i - 1])) || i % 11 === 0) cuts.push(i);
        }
        expect(cuts.length).toBeGreaterThan(1000);
        const found: string[] = [];
        for (const cut of cuts) {
            const text = allConstructs.slice(0, cut);
            found.push(...problems(text, await validate(text)));
        }
        expect(found).toEqual([]);
    }, 120_000);

    test('every line removed once', async () => {
        const lines = allConstructs.split('\n');
        const found: string[] = [];
        for (let i = 0; i < lines.length; i++) {
            const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
            found.push(...problems(text, await validate(text)));
        }
        expect(found).toEqual([]);
    }, 60_000);
});
