import { describe, expect, test } from 'vitest';
import { REQUIRED_FILES, vsixProblems } from '../runner/vsix.js';

const complete = ['extension.vsixmanifest', '[Content_Types].xml', ...REQUIRED_FILES.map(f => `extension/${f}`)];

describe('.vsix file list', () => {
    test('the bundles, manifest, README and language assets are all that is allowed', () => {
        expect(vsixProblems(complete)).toEqual([]);
        expect(vsixProblems([...complete, 'extension/LICENSE.txt'])).toEqual([]);
    });

    test('sources, maps, tests and node_modules are reported, and so is a missing bundle', () => {
        expect(
            vsixProblems([...complete, 'extension/out/server.js.map', 'extension/client/src/extension.ts', 'extension/node_modules/langium/package.json'])
        ).toEqual([
            'unexpected extension/out/server.js.map',
            'unexpected extension/client/src/extension.ts',
            'unexpected extension/node_modules/langium/package.json'
        ]);
        expect(vsixProblems(complete.filter(f => f !== 'extension/out/server.js'))).toEqual(['missing out/server.js']);
    });
});
