/**
 * A thread of `run --samples` (sample-threads.ts), bundled as out/samples-worker.js: loads the
 * model's files as the CLI does, then draws chunks of samples from the shared counter until
 * none is left, posting each chunk's draws.
 */
import { NodeFileSystem } from 'langium/node';
import { parentPort, workerData } from 'node:worker_threads';
import { createChokepointCoreServices } from '../chokepoint-module.js';
import { drawSamples } from '../evaluation/uncertainty.js';
import { loadModel } from '../loading/load.js';
import { SAMPLE_CHUNK, type FromSampleWorker, type SampleWorkerData } from './sample-threads.js';

const post = (message: FromSampleWorker) => parentPort!.postMessage(message);

async function drawChunks({ load, options, to, counter, slot }: SampleWorkerData): Promise<void> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true, adviceApart: true });
    const loaded = await loadModel(services, [load.file], { adviceOnlyWithErrors: true, root: load.root });
    const root = loaded.roots[0];
    if (!root) {
        post({ type: 'stopped', status: 'failed', message: `${load.file} did not load` });
        return;
    }
    const next = new Int32Array(counter);
    Atomics.store(next, slot, 1);
    const documents = services.shared.workspace.LangiumDocuments;
    for (let k = Atomics.add(next, 0, SAMPLE_CHUNK); k < to; k = Atomics.add(next, 0, SAMPLE_CHUNK)) {
        const drawn = drawSamples(root, documents, options, k, Math.min(to, k + SAMPLE_CHUNK));
        if (drawn.status === 'errors') return post({ type: 'stopped', status: 'errors', errorCount: drawn.errorCount, message: '' });
        if (drawn.status === 'no-horizon') return post({ type: 'stopped', status: 'no-horizon', message: drawn.message });
        post({ type: 'chunk', from: k, draws: drawn.draws, ranges: drawn.ranges });
    }
}

drawChunks(workerData as SampleWorkerData).then(
    () => post({ type: 'done' }),
    (error: unknown) => post({ type: 'stopped', status: 'failed', message: error instanceof Error ? error.message : String(error) })
);
