import { describe, expect, test } from 'vitest';
import { createTestServer } from './helpers.js';

const WORLD = 'supplier Mines in China { produces REE 1000 t/month }\n';
const MORE = 'consumer Plant in Japan { needs REE 100 t/month }\n';

describe('import closures', () => {
    test('computed once per build, again after a build that changes the imports', async () => {
        const server = await createTestServer();
        const simulation = server.shared.simulation.Service;
        await server.open('c/world.choke', WORLD);
        await server.open('c/more.choke', MORE);
        const main = await server.open('c/main.choke', 'import "./world.choke"\nhorizon 2026-01 to 2026-12\n');
        const names = (docs: { uri: { path: string } }[]) => docs.map(d => d.uri.path).sort();
        const first = simulation.closureOf(main);
        // The model, what it imports and the standard library.
        expect(names(first)).toEqual(['/c/main.choke', '/c/world.choke', '/stdlib.choke']);
        // Lenses, hovers and the scheduler ask again and again: the same closure, not a new walk.
        simulation.view(main);
        expect(simulation.closureOf(main)).toBe(first);

        const edited = await server.open('c/main.choke', 'import "./world.choke"\nimport "./more.choke"\nhorizon 2026-01 to 2026-12\n');
        const second = simulation.closureOf(edited);
        expect(second).not.toBe(first);
        expect(names(second)).toEqual(['/c/main.choke', '/c/more.choke', '/c/world.choke', '/stdlib.choke']);
    });
});
