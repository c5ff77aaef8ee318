import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { loadModel } from '../../language/src/loading/load.js';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

describe('examples', () => {
    test("every file under examples/ (the spec's examples included) checks with no error", async () => {
        const loaded = await loadModel(createChokepointCoreServices(NodeFileSystem), [EXAMPLES]);
        const files = loaded.documents.map(d => path.relative(EXAMPLES, d.uri.fsPath));
        expect(files).toContain(path.join('spec', 'spec.choke'));
        expect(files).toContain(path.join('spec', 'forms.choke'));
        const errors = loaded.documents.flatMap(d =>
            (d.diagnostics ?? [])
                .filter(x => x.severity === 1)
                .map(x => `${path.relative(EXAMPLES, d.uri.fsPath)}:${x.range.start.line + 1}: ${typeof x.message === 'string' ? x.message : x.message.value}`)
        );
        expect([...loaded.problems.map(p => p.message), ...errors]).toEqual([]);
    });
});
