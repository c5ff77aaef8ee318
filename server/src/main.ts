/**
 * The Chokepoint language server. `vscode-languageserver`'s `createConnection` picks the
 * transport from the command line: `--stdio`, `--node-ipc` (how VS Code starts it) or
 * `--socket=PORT`. The same bundle also runs as the simulation worker thread.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createChokepointServices } from './chokepoint-lsp-module.js';
import { registerChokepointHandlers } from './handlers.js';
import { serviceRequirements } from './requirements.js';
import { HybridRunner, isSimulationWorker, serveSimulationJobs, WorkerRunner } from './simulation/runners.js';

function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // Logs go to the client's output channel, never to stdout (that is the protocol stream).
    console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.info = console.log;
    console.debug = () => undefined;
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
    console.error = (...args: unknown[]) => connection.console.error(args.map(a => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
    process.on('uncaughtException', error => console.error('uncaught exception:', error));
    process.on('unhandledRejection', reason => console.error('unhandled rejection:', reason));

    const { shared } = createChokepointServices({ connection, ...NodeFileSystem });
    // This bundle is CommonJS: `__filename` is the bundle, which the worker runs again.
    const worker = new WorkerRunner(__filename);
    shared.simulation.Service.runner = new HybridRunner(worker);
    worker.prestart();
    startLanguageServer(shared, serviceRequirements);
    registerChokepointHandlers(connection, shared);
}

if (isSimulationWorker()) serveSimulationJobs();
else startServer();
