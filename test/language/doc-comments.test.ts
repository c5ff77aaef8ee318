import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import type { Model } from '../../language/src/generated/ast.js';

describe('doc comments', () => {
    test('comment lines directly above a declaration are its documentation', async () => {
        const services = createChokepointCoreServices(EmptyFileSystem);
        const text = "region A\n// Japan's industry.\n// Second line.\nregion B // trailing\nregion C\n/* block doc */\nregion D\n\n// detached\n\nregion E\n";
        const doc = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('memory:///a.choke'));
        const comments = services.Chokepoint.documentation.CommentProvider;
        const [a, b, c, d, e] = doc.parseResult.value.declarations;
        expect(comments.getComment(a)).toBeUndefined();
        expect(comments.getComment(b)).toBe("Japan's industry.\nSecond line.");
        expect(comments.getComment(c)).toBeUndefined();
        expect(comments.getComment(d)).toBe('block doc');
        expect(comments.getComment(e)).toBeUndefined();
    });
});
