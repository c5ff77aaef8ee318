import { describe, expect, test } from 'vitest';
import { createTestServer } from './helpers.js';
import { BuiltText } from '../../server/src/lsp/completion/built-text.js';

/**
 * Positions of the client's text on the tree built from an older text (completion and hover
 * answer from it while the rebuild of an edit is pending): through the common start and end
 * of both texts; the changed span maps to nothing.
 */
const BUILT = [
    'horizon 2026-01 to 2026-12',
    'supplier A in China { produces REE 10 t/month }',
    'consumer B in Japan { needs REE 10 t/month }',
    'flow A -> B { REE 10 t/month }',
    ''
].join('\n');

describe('BuiltText', async () => {
    const server = await createTestServer();
    const document = await server.open('built.choke', BUILT);
    const cst = document.parseResult.value.$cstNode!.root;

    test('the same text: current, every offset maps to itself', () => {
        const view = new BuiltText(BUILT, cst);
        expect(view.current).toBe(true);
        expect(view.toBuilt(0)).toBe(0);
        expect(view.toBuilt(BUILT.length)).toBe(BUILT.length);
    });

    test('an insertion: offsets before it stay, offsets after it move back by its length, inside it map to nothing', () => {
        // `10` → `1250` in the supplier: two characters inserted after `produces REE 1`.
        const at = BUILT.indexOf('10 t/month') + 1;
        const client = BUILT.slice(0, at) + '25' + BUILT.slice(at);
        const view = new BuiltText(client, cst);
        expect(view.current).toBe(false);
        expect(view.prefix).toBe(at);
        expect(view.delta).toBe(2);
        const consumer = client.indexOf('consumer B');
        // 2 characters later in the client's text than in the built one.
        expect(view.toBuilt(consumer)).toBe(BUILT.indexOf('consumer B'));
        expect(view.toClient(BUILT.indexOf('consumer B'))).toBe(consumer);
        expect(view.toBuilt(at + 1)).toBeUndefined();
        expect(view.toBuiltNearest(at + 1)).toBe(at);
        expect(view.toBuilt(3)).toBe(3);
    });

    test('the completion parser restarts at the start of the top-level item before the cursor, in text both share', () => {
        const client = BUILT + 'flow ';
        const view = new BuiltText(client, cst);
        // The cursor is after the shared text: the last item both share starts at `flow A -> B`.
        expect(view.restartBefore(client.length)).toBe(BUILT.indexOf('flow A -> B'));
        // Inside the consumer: its own start.
        expect(view.restartBefore(BUILT.indexOf('needs'))).toBe(BUILT.indexOf('consumer B'));
        expect(view.restartBefore(3)).toBe(0);
    });
});
