import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileSystemProvider } from 'langium';
import { AstUtils, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import type { Consumer, Flow, Model, Supplier } from '../../language/src/generated/ast.js';
import { loadModel } from '../../language/src/loading/load.js';
import { STDLIB_URI } from '../../language/src/loading/stdlib.js';
import { build, codes, diagnostics } from './helpers.js';

/** The URI of the document that declares what `reference` points at. */
function home(node: { $cstNode?: unknown } | undefined): string {
    return node ? AstUtils.getDocument(node as never).uri.toString() : '(unresolved)';
}

/** How LangiumDocuments spells an in-memory file's URI. */
const at = (name: string) => URI.parse(`memory:///project/${name}`).toString();

describe('linking across files', () => {
    test('a name declared in an imported file resolves there', async () => {
        const { documents } = await build({
            'main.choke': 'import "./world.choke"\nconsumer J in Japan { needs REE 10 t/month }\nflow Lynas -> J { REE 10 t/month }',
            'world.choke': 'supplier Lynas in Malaysia { produces REE 100 t/month }'
        });
        const flow = documents['main.choke'].parseResult.value.declarations[1] as Flow;
        expect(home(flow.source.ref)).toBe(at('world.choke'));
        expect(codes(documents['main.choke'])).toEqual([]);
    });

    test('imports are transitive: a sees what b imports from c', async () => {
        const { documents } = await build({
            'a.choke': 'import "./b.choke"\nflow Lynas -> J { REE 10 t/month }',
            'b.choke': 'import "./sub/c.choke"\nconsumer J in Japan { needs REE 10 t/month }',
            'sub/c.choke': 'supplier Lynas in Malaysia { produces REE 100 t/month }'
        });
        const flow = documents['a.choke'].parseResult.value.declarations[0] as Flow;
        expect([home(flow.source.ref), home(flow.destination.ref)]).toEqual([at('sub/c.choke'), at('b.choke')]);
        expect(codes(documents['a.choke'])).toEqual([]);
    });

    test('import paths are relative to the importing file', async () => {
        const { documents } = await build({
            'models/main.choke': 'import "../shared/world.choke"\nconsumer J in Atlantis { needs REE 1 t/month }',
            'shared/world.choke': 'region Atlantis'
        });
        const consumer = documents['models/main.choke'].parseResult.value.declarations[0] as Consumer;
        expect(home(consumer.region.ref)).toBe(at('shared/world.choke'));
    });

    test('import cycles are allowed: each file sees the other', async () => {
        const { documents } = await build({
            'a.choke': 'import "./b.choke"\nsupplier Lynas in Malaysia { produces REE 100 t/month }\nflow Lynas -> J { REE 10 t/month }',
            'b.choke': 'import "./a.choke"\nconsumer J in Japan { needs REE 10 t/month }\nflow Lynas -> J { REE 20 t/month }'
        });
        expect(codes(documents['a.choke'])).toEqual([]);
        expect(codes(documents['b.choke'])).toEqual([]);
        const flowInB = documents['b.choke'].parseResult.value.declarations[1] as Flow;
        expect(home(flowInB.source.ref)).toBe(at('a.choke'));
    });

    test('a name declared twice across an import cycle is reported in both files', async () => {
        const { documents } = await build({
            'a.choke': 'import "./b.choke"\nregion Atlantis',
            'b.choke': 'import "./a.choke"\n\nregion Atlantis'
        });
        expect(diagnostics(documents['a.choke'])).toEqual([
            "2:8 error duplicate-name: 'Atlantis' is declared more than once (also at b.choke:3, which this file imports): an imported declaration cannot be overridden. Give this one its own name, or import only the shared files you keep and declare your own version instead of the file that declares it."
        ]);
        expect(diagnostics(documents['b.choke'])).toEqual([
            "3:8 error duplicate-name: 'Atlantis' is declared more than once (also at a.choke:2, which this file imports): an imported declaration cannot be overridden. Give this one its own name, or import only the shared files you keep and declare your own version instead of the file that declares it."
        ]);
    });

    test('library names resolve into the standard library document, which is never reported on', async () => {
        const { services, documents } = await build({ 'main.choke': 'consumer J in Japan { needs NdFeB 10 t/month }' });
        const consumer = documents['main.choke'].parseResult.value.declarations[0] as Consumer;
        expect([home(consumer.region.ref), home(consumer.needs[0].material.ref)]).toEqual([STDLIB_URI.toString(), STDLIB_URI.toString()]);
        const library = services.shared.workspace.LangiumDocuments.getDocument(STDLIB_URI)!;
        expect(library.parseResult.value.$type).toBe('Model');
        expect(library.diagnostics).toEqual([]);
    });

    test('`in Baseline` suggests the keyword', async () => {
        const { documents } = await build({ 'main.choke': 'horizon 2026-01 to 2026-12\ntarget T { unmet of * <= 0 t in Baseline }' });
        expect(diagnostics(documents['main.choke'])).toEqual([
            "2:33 error unknown-name: Unknown scenario 'Baseline' in a target's `in`: did you mean `baseline` (lower case), the run without shocks or measures?"
        ]);
    });

    test('a model name replaces the library name for the file and its importers, not for others', async () => {
        const { documents } = await build({
            'mine.choke': 'region China "Our own China"\nsupplier S in China { produces REE 1 t/month }',
            'user.choke': 'import "./mine.choke"\nsupplier T in China { produces REE 1 t/month }',
            'other.choke': 'supplier U in China { produces REE 1 t/month }'
        });
        const regionOf = (file: string) => home((documents[file].parseResult.value.declarations.find(d => d.$type === 'Supplier') as Supplier).region.ref);
        expect(regionOf('mine.choke')).toBe(at('mine.choke'));
        expect(regionOf('user.choke')).toBe(at('mine.choke'));
        expect(regionOf('other.choke')).toBe(STDLIB_URI.toString());
        expect(codes(documents['mine.choke'])).toEqual(['1:8 hint replaces-library', '2:10 hint unused-supplier']);
    });

    test('a name in a loaded file that is not imported suggests the import', async () => {
        const { documents } = await build({
            'main.choke': 'flow Lynas -> J { REE 1 t/month }\nconsumer J in Japan { needs REE 1 t/month }',
            'lib/suppliers.choke': 'supplier Lynas in Malaysia { produces REE 100 t/month }'
        });
        expect(diagnostics(documents['main.choke'])).toEqual([
            "1:6 error unknown-name: Unknown supplier or plant 'Lynas' in a flow's source: it is declared in ./lib/suppliers.choke, which this file does not import; add `import \"./lib/suppliers.choke\"`."
        ]);
    });

    test("did-you-mean proposes names of the expected kind, the model's own first", async () => {
        const lines = [
            'consumer Japanese in Japan { needs REE 1 t/month }',
            'reserve R in Japan { holds REE 10 t  serves Japanse }', // Japan (a region) is as close; the consumer wins
            'supplier S in Japanse { produces REE 1 t/month }', // only regions: Japan
            'flow S -> Japanese { RE 1 t/month }' // only materials: REE
        ];
        const { documents } = await build({ 'main.choke': lines.join('\n') });
        const column = (line: number, word: string) => `${line}:${lines[line - 1].indexOf(word) + 1}`;
        expect(diagnostics(documents['main.choke']).map(d => d.replace(/^(\S+ \S+ \S+).*?(did you mean '[^']+'\?)$/, '$1 $2'))).toEqual([
            `${column(2, 'Japanse')} error unknown-name: did you mean 'Japanese'?`,
            `${column(3, 'Japanse')} error unknown-name: did you mean 'Japan'?`,
            `${column(4, 'RE ')} error unknown-name: did you mean 'REE'?`
        ]);
    });
});

describe('rebuilding after a change', () => {
    test('removing a declaration from an imported file makes its use unknown; restoring it clears the error', async () => {
        // update() re-reads changed files from the file system: give it one in memory.
        const files = new Map<string, string>();
        const services = createChokepointCoreServices({ fileSystemProvider: () => memoryFileSystem(files) });
        files.set(at('world.choke'), 'region Atlantis');
        files.set(at('main.choke'), 'import "./world.choke"\nconsumer J in Atlantis { needs REE 1 t/month }');
        const { documents } = await build({ 'main.choke': files.get(at('main.choke'))!, 'world.choke': files.get(at('world.choke'))! }, services);
        expect(codes(documents['main.choke'])).toEqual([]);
        const world = URI.parse(at('world.choke'));
        const shared = services.shared;
        const replace = async (text: string) => {
            files.set(world.toString(), text);
            await shared.workspace.DocumentBuilder.update([world], []);
        };
        await replace('region Lemuria');
        const main = shared.workspace.LangiumDocuments.getDocument(URI.parse(at('main.choke')))!;
        expect(codes(main)).toEqual(['2:15 error unknown-name']);
        await replace('region Atlantis');
        expect(codes(main)).toEqual([]);
    });
});

/** Just enough of a file system for DocumentBuilder.update to re-read changed files. */
function memoryFileSystem(files: Map<string, string>): FileSystemProvider {
    const read = (uri: URI) => {
        const text = files.get(uri.toString());
        if (text === undefined) throw new Error(`no file ${uri.toString()}`);
        return text;
    };
    const node = (uri: URI) => ({ isFile: files.has(uri.toString()), isDirectory: false, uri });
    return {
        stat: async uri => node(uri),
        statSync: node,
        exists: async uri => files.has(uri.toString()),
        existsSync: uri => files.has(uri.toString()),
        readBinary: async uri => new TextEncoder().encode(read(uri)),
        readBinarySync: uri => new TextEncoder().encode(read(uri)),
        readFile: async uri => read(uri),
        readFileSync: read,
        readDirectory: async () => [],
        readDirectorySync: () => []
    };
}

describe('loading from disk (as the CLI does)', () => {
    let dir: string | undefined;
    afterEach(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('imports are read from disk transitively, cycles included, and each file is loaded once', async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-link-'));
        mkdirSync(path.join(dir, 'lib'));
        writeFileSync(path.join(dir, 'main.choke'), 'import "./lib/a.choke"\nflow Lynas -> J { REE 10 t/month }\n');
        writeFileSync(path.join(dir, 'lib', 'a.choke'), 'import "./b.choke"\nconsumer J in Japan { needs REE 10 t/month }\n');
        writeFileSync(
            path.join(dir, 'lib', 'b.choke'),
            'import "../main.choke"\nimport "./a.choke"\nsupplier Lynas in Malaysia { produces REE 100 t/month }\n'
        );
        const services = createChokepointCoreServices(NodeFileSystem);
        const loaded = await loadModel(services, [path.join(dir, 'main.choke')]);
        expect(loaded.documents.map(d => path.relative(dir!, d.uri.fsPath))).toEqual([path.join('lib', 'a.choke'), path.join('lib', 'b.choke'), 'main.choke']);
        expect(loaded.roots.map(d => path.basename(d.uri.fsPath))).toEqual(['main.choke']);
        for (const document of loaded.documents) expect(codes(document)).toEqual([]);
        const flow = (loaded.roots[0].parseResult.value as Model).declarations[0] as Flow;
        expect(path.basename(URI.parse(home(flow.source.ref)).fsPath)).toBe('b.choke');
    });
});
