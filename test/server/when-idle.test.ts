import { describe, expect, test } from 'vitest';
import type { EngineJob, EngineRunner } from '../../server/src/simulation/runners.js';
import { createTestServer } from './helpers.js';

const MODEL = 'horizon 2026-01 to 2026-12\nsupplier Mines in China { produces REE 1000 t/month }\n';

/** A runner whose runs never end: the service stays busy. */
class StuckRunner implements EngineRunner {
    start(): EngineJob {
        return {
            result: new Promise(() => undefined),
            effects: new Promise(() => undefined),
            explanations: new Promise(() => undefined),
            cancel: () => undefined
        };
    }

    dispose(): void {
        // Nothing to release.
    }
}

describe('waiting for the simulation', () => {
    test('whenIdle resolves once the runs are over', async () => {
        const server = await createTestServer();
        const document = await server.open('idle.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri);
        await server.shared.simulation.Service.whenIdle(10_000);
        expect(server.shared.simulation.Service.busy).toBe(false);
        expect(server.shared.simulation.Service.view(document).status).toBe('ok');
    });

    test('whenIdle fails with a message when the runs never end', async () => {
        const server = await createTestServer();
        server.shared.simulation.Service.runner = new StuckRunner();
        const document = await server.open('stuck.choke', MODEL);
        await server.shared.simulation.Service.waitForCurrent(document.uri, undefined, 50);
        await expect(server.shared.simulation.Service.whenIdle(100)).rejects.toThrow('the simulation was still busy after 100 ms');
    });
});
