/**
 * Completion's parser is built on the first completion or once the first lenses are out, not when
 * the server initializes (server/src/lsp/completion/deferred-parser.ts): initializing loads every
 * service eagerly, and this one is a second analysis of the whole grammar.
 */
import { eagerLoad } from 'langium';
import { expectCompletion } from 'langium/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeferredCompletionParser, isDeferredCompletionParser } from '../../server/src/lsp/completion/deferred-parser.js';
import { createTestServer } from './helpers.js';

function deferredOf(parser: unknown): DeferredCompletionParser {
    if (!isDeferredCompletionParser(parser)) throw new Error('the completion parser is not deferred');
    return parser;
}

afterEach(() => {
    vi.useRealTimers();
});

describe('the deferred completion parser', () => {
    it('is not built when every service is loaded, and is at the first completion, which works', async () => {
        const server = await createTestServer();
        eagerLoad(server.Chokepoint);
        const parser = deferredOf(server.Chokepoint.parser.CompletionParser);
        expect(parser.prepared).toBe(false);
        let labels: string[] = [];
        await expectCompletion(server.Chokepoint)({
            text: 'horizon 2026-01 to 2026-12\nconsumer Industry in Japan { needs REE 10 t/month }\nreserve Stock in Japan { holds REE 60 days serves <|> }',
            index: 0,
            parseOptions: { documentUri: 'memory:///deferred-completion.choke' },
            assert: list => {
                labels = list.items.map(i => i.label);
            }
        });
        expect(parser.prepared).toBe(true);
        expect(labels).toContain('Industry');
    });

    it('builds itself when idle, after the delay and not while an edit waits', async () => {
        vi.useFakeTimers();
        const server = await createTestServer();
        const parser = deferredOf(server.Chokepoint.parser.CompletionParser);
        let editWaiting = true;
        parser.prepareWhenIdle(() => editWaiting, 100);
        vi.advanceTimersByTime(99);
        expect(parser.prepared).toBe(false);
        vi.advanceTimersByTime(1);
        // Busy: asked again a delay later.
        expect(parser.prepared).toBe(false);
        editWaiting = false;
        vi.advanceTimersByTime(100);
        expect(parser.prepared).toBe(true);
    });
});
