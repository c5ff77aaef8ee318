import { describe, expect, test } from 'vitest';
import type { ResultsChangedParams } from '../../../server/src/protocol.js';
import { statusView } from '../../../client/src/statusText.js';

const ok: ResultsChangedParams = {
    uri: 'file:///m.choke',
    version: 3,
    status: 'ok',
    errorCount: 0,
    expectedUnmet: 1747.2,
    expectedLoss: { JPY: 340.6e9 },
    worstScenario: 'Curb'
};

describe('status bar text', () => {
    test('server states come first', () => {
        expect(statusView('starting', ok, false).text).toBe('$(sync~spin) Chokepoint');
        expect(statusView('stopped', ok, false)).toMatchObject({ command: 'chokepoint.restartServer', severity: 'error' });
        expect(statusView('missing', undefined, false).severity).toBe('error');
    });

    test('the expected unmet need and loss when scenarios have probabilities', () => {
        expect(statusView('running', ok, false)).toMatchObject({
            text: '$(pulse) Expected unmet 1,747 t · 340.6 billion JPY',
            command: 'chokepoint.showChart',
            severity: 'warning'
        });
    });

    test('else the worst scenario, else that nothing goes unmet', () => {
        expect(statusView('running', { ...ok, expectedUnmet: null }, false).text).toBe('$(pulse) Worst: Curb');
        expect(statusView('running', { ...ok, expectedUnmet: null, worstScenario: null }, false).text).toBe('$(pass) No unmet need');
    });

    test('errors, a missing horizon, a failed or running simulation', () => {
        expect(statusView('running', { ...ok, status: 'errors', errorCount: 2 }, false)).toMatchObject({ text: '$(error) 2 errors', severity: 'error' });
        expect(statusView('running', { ...ok, status: 'errors', errorCount: 1 }, false).text).toBe('$(error) 1 error');
        expect(statusView('running', { ...ok, status: 'no-horizon', message: 'Add a horizon.' }, false)).toMatchObject({
            text: '$(info) No horizon',
            tooltip: 'Add a horizon.'
        });
        expect(statusView('running', { ...ok, status: 'failed', message: 'The simulation failed: cycle' }, false)).toMatchObject({
            text: '$(error) Simulation failed',
            tooltip: 'The simulation failed: cycle'
        });
        expect(statusView('running', ok, true).text).toBe('$(sync~spin) Simulating…');
    });
});
