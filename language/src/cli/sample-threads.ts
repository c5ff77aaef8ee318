/**
 * `run --samples N` on every core. A sample is lowered again from the AST with its own draws
 * (uncertainty.ts), so samples cannot go to the run pool, whose workers hold one lowered model.
 * Instead each worker thread (out/samples-worker.js) loads the same files once, and the workers
 * and this thread take chunks of samples from one shared counter until none is left. Sample k
 * draws from the seed mixed with k whichever thread draws it, and the draws are put back in
 * sample order, so the output is byte for byte that of one thread (as with `--shard`).
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { Worker } from 'node:worker_threads';
import { drawSamples, summarizeSamples, type SampleDraw, type UncertaintyEvaluation, type UncertaintyOptions } from '../evaluation/uncertainty.js';
import { bundledScript, threadsFor } from '../evaluation/pool.js';
import type { LoweredModel } from '../lowering/model.js';

/** Samples a thread takes at a time: small enough to balance, large enough that the counter is cheap. */
export const SAMPLE_CHUNK = 8;

/** What a samples worker needs to load the model as this process did. */
export interface SampleLoad {
    file: string;
    root?: string;
}

/** A worker's start (its workerData). */
export interface SampleWorkerData {
    load: SampleLoad;
    options: UncertaintyOptions;
    to: number;
    /** Int32Array[0]: the next sample to draw (shared by every thread); [slot]: 1 once this worker has loaded the files. */
    counter: SharedArrayBuffer;
    slot: number;
}

export type FromSampleWorker =
    | { type: 'chunk'; from: number; draws: SampleDraw[]; ranges: number | null }
    | { type: 'stopped'; status: 'errors' | 'no-horizon' | 'failed'; message: string; errorCount?: number }
    | { type: 'done' };

const sampleWorkerScript = () => bundledScript('samples-worker.js');

/**
 * How many threads draw the samples: the run pool's rule (pool.ts `threadsFor`) over every run
 * the samples make, unless `--threads` says; 1 without the worker bundle.
 */
export function sampleThreads(model: LoweredModel, samples: number, requested?: number): number {
    const runsPerSample = 1 + model.scenarios.length;
    return sampleWorkerScript() ? threadsFor(model, samples * runsPerSample, requested) : 1;
}

/** `evaluateUncertainty` (uncertainty.ts) with its samples drawn on `threads` threads: the same result. */
export async function evaluateUncertaintyOnThreads(
    root: LangiumDocument,
    documents: LangiumDocuments,
    load: SampleLoad,
    options: UncertaintyOptions,
    threads: number
): Promise<UncertaintyEvaluation> {
    const drawn = await drawSamplesOnThreads(root, documents, load, options, { from: 0, to: options.samples }, threads);
    if (drawn.status !== 'ok') return drawn;
    return { status: 'ok', result: summarizeSamples(options, drawn.ranges ?? 0, drawn.draws) };
}

/** For tests: which thread drew which samples (0: this one), and whether this one draws at all. */
export interface SampleThreadProbe {
    onChunk?: (thread: number, from: number, to: number) => void;
    /** False: only the workers draw (this thread waits). */
    drawHere?: boolean;
}

/** Samples `from` to `to` (exclusive), as `drawSamples` draws them, on `threads` threads (this one included). */
export async function drawSamplesOnThreads(
    root: LangiumDocument,
    documents: LangiumDocuments,
    load: SampleLoad,
    options: UncertaintyOptions,
    range: { from: number; to: number },
    threads: number,
    probe: SampleThreadProbe = {}
): Promise<ReturnType<typeof drawSamples>> {
    const { onChunk, drawHere = true } = probe;
    const { from, to } = range;
    const script = sampleWorkerScript();
    if (threads <= 1 || !script || to - from <= SAMPLE_CHUNK) return drawSamples(root, documents, options, from, to);
    const counter = new SharedArrayBuffer(4 * threads);
    const next = new Int32Array(counter);
    next[0] = from;
    const chunks = new Map<number, SampleDraw[]>();
    let ranges: number | null = null;
    const workers = Array.from({ length: threads - 1 }, (_, i) =>
        collect(new Worker(script, { workerData: { load, options, to, counter, slot: i + 1 } satisfies SampleWorkerData }), message => {
            chunks.set(message.from, message.draws);
            ranges ??= message.ranges;
            onChunk?.(i + 1, message.from, message.from + message.draws.length);
        })
    );
    // A worker still loading the files when every sample is taken would take none: it is not waited for.
    const stopIdle = () => workers.forEach((w, i) => Atomics.load(next, i + 1) === 0 && w.stop());
    // This thread draws too, while the workers load the files.
    for (let k = drawHere ? Atomics.add(next, 0, SAMPLE_CHUNK) : to; k < to; k = Atomics.add(next, 0, SAMPLE_CHUNK)) {
        const end = Math.min(to, k + SAMPLE_CHUNK);
        const drawn = drawSamples(root, documents, options, k, end);
        if (drawn.status !== 'ok') {
            Atomics.store(next, 0, to);
            stopIdle();
            await Promise.all(workers.map(w => w.done));
            return drawn;
        }
        chunks.set(k, drawn.draws);
        ranges ??= drawn.ranges;
        onChunk?.(0, k, end);
    }
    if (drawHere) stopIdle();
    const stopped = (await Promise.all(workers.map(w => w.done))).find(s => s !== undefined);
    if (stopped) {
        if (stopped.status === 'failed') throw new Error(`a samples worker failed: ${stopped.message}`);
        return stopped.status === 'errors' ? { status: 'errors', errorCount: stopped.errorCount ?? 0 } : { status: 'no-horizon', message: stopped.message };
    }
    const draws: SampleDraw[] = [];
    for (let k = from; k < to; k += SAMPLE_CHUNK) {
        const chunk = chunks.get(k);
        if (!chunk) throw new Error(`samples ${k}… were drawn by no thread`);
        draws.push(...chunk);
    }
    return { status: 'ok', draws, ranges };
}

/** A worker's end (`done`: undefined, or why it stopped before the end); `stop` ends one that has no samples to draw. */
function collect(worker: Worker, onChunk: (message: Extract<FromSampleWorker, { type: 'chunk' }>) => void) {
    let stopping = false;
    const done = new Promise<Extract<FromSampleWorker, { type: 'stopped' }> | undefined>(resolve => {
        let outcome: Extract<FromSampleWorker, { type: 'stopped' }> | undefined;
        worker.on('message', (message: FromSampleWorker) => {
            if (message.type === 'chunk') onChunk(message);
            else if (message.type === 'stopped') outcome = message;
        });
        worker.on('error', error => {
            outcome ??= { type: 'stopped', status: 'failed', message: error.message };
        });
        worker.on('exit', code => {
            if (code !== 0 && !stopping) outcome ??= { type: 'stopped', status: 'failed', message: `exit code ${code}` };
            resolve(stopping ? undefined : outcome);
        });
    });
    return {
        done,
        stop: () => {
            stopping = true;
            void worker.terminate();
        }
    };
}
