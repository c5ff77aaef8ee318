/**
 * What the Chokepoint status bar item says, from the server's state and the active file's
 * summary. Pure (no `vscode`), so it is unit-tested.
 */
import { Commands, type ResultsChangedParams } from '../../server/src/index.js';
import { formatLosses, formatTonnes } from './format.js';
import type { ServerState } from './serverState.js';

export interface StatusView {
    text: string;
    tooltip: string;
    command?: string;
    severity?: 'error' | 'warning';
}

/** What the item shows, from the server state and the active file's summary (pure, tested). */
export function statusView(server: ServerState, summary: ResultsChangedParams | undefined, running: boolean): StatusView {
    if (server === 'missing') return { text: '$(error) Chokepoint', tooltip: 'The language server is missing from this installation.', severity: 'error' };
    if (server === 'stopped')
        return {
            text: '$(debug-stop) Chokepoint stopped',
            tooltip: 'The language server has stopped. Click to restart it.',
            command: Commands.restartServer,
            severity: 'error'
        };
    if (server === 'starting') return { text: '$(sync~spin) Chokepoint', tooltip: 'Starting the Chokepoint language server…' };
    if (running || summary?.status === 'running')
        return { text: '$(sync~spin) Simulating…', tooltip: 'Chokepoint is simulating this file.', command: Commands.showChart };
    if (!summary || summary.status === 'unknown') return { text: '$(pulse) Chokepoint', tooltip: 'Chokepoint language server running.' };
    switch (summary.status) {
        case 'errors': {
            const errors = `${summary.errorCount} error${summary.errorCount === 1 ? '' : 's'}`;
            return {
                text: `$(error) ${errors}`,
                tooltip: `This file or its imports have ${errors}: the simulation waits until they are fixed.`,
                command: 'workbench.actions.view.problems',
                severity: 'error'
            };
        }
        case 'no-horizon':
            return { text: '$(info) No horizon', tooltip: summary.message ?? 'Add a horizon (e.g. `horizon 2026-01 to 2028-12`) to simulate this file.' };
        case 'failed':
            return {
                text: '$(error) Simulation failed',
                tooltip: summary.message ?? 'The simulation failed on this model; see the Chokepoint output.',
                command: Commands.showChart,
                severity: 'error'
            };
        default: {
            if (summary.expectedUnmet !== null) {
                const loss = formatLosses(summary.expectedLoss);
                return {
                    text: `$(pulse) Expected unmet ${formatTonnes(summary.expectedUnmet)} · ${loss}`,
                    tooltip: `Expected over the scenarios with a probability: unmet ${formatTonnes(summary.expectedUnmet)}, ${loss}. Click for the chart.`,
                    command: Commands.showChart,
                    severity: summary.expectedUnmet > 0 ? 'warning' : undefined
                };
            }
            if (summary.worstScenario) {
                return {
                    text: `$(pulse) Worst: ${summary.worstScenario}`,
                    tooltip: `${summary.worstScenario} leaves the most need unmet. Click for the chart.`,
                    command: Commands.showChart,
                    severity: 'warning'
                };
            }
            return { text: '$(pass) No unmet need', tooltip: 'No scenario leaves need unmet. Click for the chart.', command: Commands.showChart };
        }
    }
}
