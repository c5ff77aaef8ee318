import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createChokepointCoreServices } from '../../language/src/chokepoint-module.js';
import { loadModel } from '../../language/src/loading/load.js';
import { lowerDocument } from '../../language/src/lowering/lower.js';
import type { LoweredModel } from '../../language/src/lowering/model.js';

/** Shared helpers for benchmarks: timing and a small markdown table. */

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times after `warmup` runs; returns the wall-clock times in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
    }
    return times;
}

export function table(header: string[], rows: (string | number)[][]): string {
    const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function ms(value: number): string {
    return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

/** The Japan example's lowered model, loaded from the repository (the bench runs from its root). */
export async function japanModel(): Promise<LoweredModel> {
    const services = createChokepointCoreServices(NodeFileSystem, { oneBuild: true });
    const loaded = await loadModel(services, [path.join(process.cwd(), 'examples/japan-2026/main.choke')]);
    const lowered = lowerDocument(loaded.roots[0], services.shared.workspace.LangiumDocuments);
    if (lowered.status !== 'ok') throw new Error('the Japan example does not lower');
    return lowered.model;
}
