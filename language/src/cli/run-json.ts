/**
 * `run --json`: the results as indented JSON with every array of numbers or strings on one
 * line, so a file of series stays readable and diffable. Key order is the results' own
 * (declaration order, baseline first), so the same model always prints the same bytes.
 */
import { horizonOf, simulateEach, type SimulateOptions } from '../engine/simulate.js';
import type { LoweredModel } from '../lowering/model.js';

export function toJson(value: unknown): string {
    const parts: string[] = [];
    write(value, '', parts);
    return parts.join('');
}

/** Where JSON text goes, piece by piece (an array of strings will do). */
interface Sink {
    push(...parts: string[]): unknown;
}

/**
 * Simulates and writes the results' JSON through `out` scenario by scenario, holding neither
 * every scenario's results nor the whole text: the same bytes as `toJson(simulate(...))`.
 * `out` ends each call with a newline, so the text is handed over in pieces cut at newlines.
 */
export function writeResultsJson(model: LoweredModel, options: SimulateOptions, out: (s: string) => void, chunkSize = 1 << 20): void {
    const sink = new NewlineChunks(out, chunkSize);
    const { horizon, periodStarts } = horizonOf(model);
    sink.push('{\n  "horizon": ');
    write(horizon, '  ', sink);
    sink.push(',\n  "periodStarts": ');
    write(periodStarts, '  ', sink);
    sink.push(',\n  "scenarios": [\n');
    let count = 0;
    const rest = simulateEach(model, options, scenario => {
        sink.push(count++ > 0 ? ',\n    ' : '    ');
        write(scenario, '    ', sink);
    });
    sink.push('\n  ],\n  "expected": ');
    write(rest.expected, '  ', sink);
    sink.push(',\n  "targetSummary": ');
    write(rest.targetSummary, '  ', sink);
    sink.push('\n}');
    sink.end();
}

class NewlineChunks implements Sink {
    private pending: string[] = [];
    private size = 0;

    constructor(private readonly out: (s: string) => void, private readonly chunk = 1 << 20) { }

    push(...parts: string[]): void {
        for (const part of parts) { this.pending.push(part); this.size += part.length; }
        if (this.size < this.chunk) return;
        const text = this.pending.join('');
        const cut = text.lastIndexOf('\n');
        if (cut < 0) { this.pending = [text]; return; }
        this.out(text.slice(0, cut));
        const rest = text.slice(cut + 1);
        this.pending = [rest];
        this.size = rest.length;
    }

    end(): void {
        this.out(this.pending.join(''));
        this.pending = [];
        this.size = 0;
    }
}

function write(value: unknown, indent: string, out: Sink): void {
    if (Array.isArray(value)) {
        // Result arrays hold one kind of thing: plain values go on one line, natively.
        if (value.length === 0 || typeof value[0] !== 'object' || value[0] === null) { out.push(JSON.stringify(value)); return; }
        const inner = indent + '  ';
        out.push('[\n');
        for (let i = 0; i < value.length; i++) {
            out.push(inner);
            write(value[i], inner, out);
            out.push(i < value.length - 1 ? ',\n' : '\n');
        }
        out.push(indent, ']');
        return;
    }
    if (value !== null && typeof value === 'object') {
        const inner = indent + '  ';
        let first = true;
        for (const key in value) {
            const v = (value as Record<string, unknown>)[key];
            if (v === undefined) continue;
            out.push(first ? '{\n' : ',\n', inner, JSON.stringify(key), ': ');
            write(v, inner, out);
            first = false;
        }
        out.push(first ? '{}' : `\n${indent}}`);
        return;
    }
    out.push(JSON.stringify(value ?? null));
}
