/**
 * `run --json`: the results as indented JSON with every array of numbers or strings on one
 * line, so a file of series stays readable and diffable. Key order is the results' own
 * (declaration order, baseline first), so the same model always prints the same bytes.
 *
 * The text is written as UTF-8 bytes into one reusable buffer rather than as many small
 * strings: a large model's results are 25 MB of JSON, most of it series of numbers, and
 * building them as strings cost more than simulating. Numbers print exactly as
 * `JSON.stringify` prints them (json-number.ts). Series may be typed arrays (Float64Array,
 * NaN for a missing value): they print as JSON arrays of numbers, NaN as `null`.
 */
import { horizonOf, simulateEach, type SimulateOptions } from '../evaluation/simulation.js';
import type { LoweredModel } from '../lowering/model.js';
import type { ScenarioResult, SimulationResult } from '../engine/results.js';
import { MAX_NUMBER_BYTES, writeAscii, writeNumber } from './json-number.js';

export function toJson(value: unknown): string {
    const json = new JsonBytes();
    json.value(value, 0);
    return json.take(json.length);
}

/**
 * Where printed text goes: `out(text)` prints a line (each call ends with a newline);
 * `bytes`, when present, prints UTF-8 as it is, which spares large output a round trip
 * through strings (the CLI's stdout has it).
 */
export interface TextOut {
    (text: string): void;
    bytes?: (chunk: Uint8Array) => void;
}

/**
 * Simulates and writes the results' JSON through `out` scenario by scenario, holding neither
 * every scenario's results nor the whole text: the same bytes as `toJson(simulate(...))`.
 * `extra` keys (e.g. `uncertainty`) follow the results' own.
 * `out` ends each call with a newline, so the text is handed over in pieces cut at newlines.
 */
export function writeResultsJson(
    model: LoweredModel,
    options: SimulateOptions,
    out: TextOut,
    chunkSize = 1 << 20,
    extra: Record<string, unknown> = {},
    onScenario?: (scenario: ScenarioResult) => void
): void {
    const writer = new ResultsJsonWriter(model, out, chunkSize);
    const rest = simulateEach(model, options, scenario => {
        onScenario?.(scenario);
        writer.scenario(scenario);
    });
    writer.end(rest, extra);
}

/**
 * The results' JSON written as its parts come: the horizon at once, then each scenario in
 * result order (`scenario`), then what follows them (`end`). `writeResultsJson` feeds it
 * from this thread; `run --json` on a large model from its worker threads (run.ts).
 */
export class ResultsJsonWriter {
    private readonly json: JsonBytes;
    private count = 0;

    constructor(
        model: LoweredModel,
        private readonly out: TextOut,
        private readonly chunkSize = 1 << 20
    ) {
        this.json = new JsonBytes(chunkSize + (chunkSize >> 2));
        const { horizon, periodStarts } = horizonOf(model);
        this.json.ascii('{\n  "horizon": ');
        this.json.value(horizon, 1);
        this.json.ascii(',\n  "periodStarts": ');
        this.json.value(periodStarts, 1);
        this.json.ascii(',\n  "scenarios": [\n');
    }

    private readonly handOver = () => {
        const { json, out } = this;
        if (json.length < this.chunkSize) return;
        if (out.bytes) {
            out.bytes(json.takeAllBytes());
            return;
        }
        const cut = json.lastNewline();
        if (cut >= 0) out(json.take(cut, 1));
    };

    /** The next scenario of the results, in their order (the baseline first). */
    scenario(scenario: ScenarioResult): void {
        this.json.ascii(this.count++ > 0 ? ',\n    ' : '    ');
        this.json.value(scenario, 2, this.handOver);
        this.handOver();
    }

    /** What follows the scenarios, then `extra`'s keys; the last of the text goes out. */
    end(rest: Pick<SimulationResult, 'expected' | 'targetSummary'>, extra: Record<string, unknown> = {}): void {
        const { json, out } = this;
        json.ascii('\n  ],\n  "expected": ');
        json.value(rest.expected, 1);
        json.ascii(',\n  "targetSummary": ');
        json.value(rest.targetSummary, 1);
        for (const [key, value] of Object.entries(extra)) {
            json.ascii(`,\n  ${JSON.stringify(key)}: `);
            json.value(value, 1);
        }
        json.ascii('\n}');
        if (!out.bytes) {
            out(json.take(json.length));
            return;
        }
        json.ascii('\n');
        out.bytes(json.takeAllBytes());
    }
}

const QUOTE = 0x22,
    BACKSLASH = 0x5c,
    COMMA = 0x2c,
    NEWLINE = 0x0a,
    SPACE = 0x20;

/** Pretty JSON as UTF-8 bytes: objects and arrays of objects indented, arrays of plain values on one line. */
class JsonBytes {
    private bytes: Buffer;
    private pos = 0;
    /** Whether the bytes written so far hold anything but ASCII (then they decode as UTF-8). */
    private wide = false;

    constructor(capacity = 1 << 16) {
        this.bytes = Buffer.allocUnsafe(capacity);
    }

    get length(): number {
        return this.pos;
    }

    /** Index of the last newline written, or -1. */
    lastNewline(): number {
        return this.bytes.lastIndexOf(NEWLINE, this.pos - 1);
    }

    /** The first `count` bytes as text; they and the next `skip` bytes leave the buffer. */
    take(count: number, skip = 0): string {
        const text = this.wide ? this.bytes.toString('utf8', 0, count) : this.bytes.toString('latin1', 0, count);
        this.bytes.copyWithin(0, count + skip, this.pos);
        this.pos -= count + skip;
        return text;
    }

    /** Everything written so far, handed over with the buffer holding it (a new one takes its place). */
    takeAllBytes(): Uint8Array {
        const taken = this.bytes.subarray(0, this.pos);
        this.bytes = Buffer.allocUnsafe(this.bytes.length);
        this.pos = 0;
        return taken;
    }

    /**
     * Writes any JSON value at nesting `depth` (two spaces each). `handOver` runs after each
     * member of an object or array of objects, so long output can leave the buffer early.
     */
    value(value: unknown, depth: number, handOver?: () => void): void {
        if (ArrayBuffer.isView(value)) {
            this.numbers(value as unknown as ArrayLike<number>, false);
        } else if (Array.isArray(value)) {
            // Result arrays hold one kind of thing: plain values go on one line.
            if (value.length === 0 || typeof value[0] !== 'object' || value[0] === null) this.plainArray(value);
            else this.objectArray(value, depth, handOver);
        } else if (value !== null && typeof value === 'object') {
            this.object(value as Record<string, unknown>, depth, handOver);
        } else if (typeof value === 'number') {
            this.ensure(MAX_NUMBER_BYTES);
            this.pos = writeNumber(this.bytes, this.pos, value);
        } else if (typeof value === 'string') {
            this.string(value);
        } else if (typeof value === 'boolean') {
            this.ascii(value ? 'true' : 'false');
        } else if (value === null || value === undefined) {
            this.ascii('null');
        } else {
            this.text(JSON.stringify(value) ?? '');
        }
    }

    private object(value: Record<string, unknown>, depth: number, handOver: (() => void) | undefined): void {
        let first = true;
        for (const key in value) {
            const v = value[key];
            if (v === undefined) continue;
            this.ascii(first ? '{\n' : ',\n');
            this.indent(depth + 1);
            this.string(key);
            this.ascii(': ');
            this.value(v, depth + 1, handOver);
            first = false;
            handOver?.();
        }
        if (first) this.ascii('{}');
        else {
            this.ascii('\n');
            this.indent(depth);
            this.ascii('}');
        }
    }

    private objectArray(value: unknown[], depth: number, handOver: (() => void) | undefined): void {
        this.ascii('[\n');
        for (let i = 0; i < value.length; i++) {
            this.indent(depth + 1);
            this.value(value[i], depth + 1, handOver);
            this.ascii(i < value.length - 1 ? ',\n' : '\n');
            handOver?.();
        }
        this.indent(depth);
        this.ascii(']');
    }

    /** `JSON.stringify(array)` for numbers, strings, booleans and nulls. */
    private plainArray(value: unknown[]): void {
        if ((typeof value[0] === 'number' || value[0] === null) && this.numbers(value as ArrayLike<number | null>, true)) return;
        const start = this.pos;
        this.ascii('[');
        for (let i = 0; i < value.length; i++) {
            const v = value[i];
            if (i > 0) this.ascii(',');
            if (typeof v === 'number') {
                this.ensure(MAX_NUMBER_BYTES);
                this.pos = writeNumber(this.bytes, this.pos, v);
            } else if (typeof v === 'string') this.string(v);
            else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
            else if (v === null) this.ascii('null');
            else {
                // Something unusual (an object, undefined): let JSON.stringify say it.
                this.pos = start;
                this.text(JSON.stringify(value));
                return;
            }
        }
        this.ascii(']');
    }

    /**
     * A series: numbers and nulls only (else false, nothing written), from an array or a
     * typed array (NaN prints as null, as in JSON.stringify). A series mostly repeats its
     * previous value (steady periods, zeros): a run of equal values is written once and its
     * bytes copied, doubling.
     */
    private numbers(value: ArrayLike<number | null>, checked: boolean): boolean {
        const n = value.length;
        this.ensure(n * (MAX_NUMBER_BYTES + 1) + 2);
        const bytes = this.bytes;
        let pos = this.pos;
        bytes[pos++] = 0x5b;
        for (let i = 0; i < n;) {
            const v = value[i];
            if (checked && typeof v !== 'number' && v !== null) return false;
            let j = i + 1;
            if (v === v) while (j < n && value[j] === v) j++;
            else while (j < n && value[j] !== value[j]) j++; // NaN
            let copies = j - i - 1;
            // Where ",v" starts, once written.
            let unit = pos;
            if (i > 0) bytes[pos++] = COMMA;
            pos = v === null ? writeAscii(bytes, pos, 'null') : writeNumber(bytes, pos, v);
            if (i === 0 && copies > 0) {
                // The first value has no comma: write ",v" once after it.
                const first = unit;
                unit = pos;
                bytes[pos++] = COMMA;
                for (let k = first; k < unit; k++) bytes[pos++] = bytes[k];
                copies--;
            }
            if (copies > 0) pos = repeat(bytes, unit, pos - unit, copies);
            i = j;
        }
        bytes[pos++] = 0x5d;
        this.pos = pos;
        return true;
    }

    /** A JSON string literal; plain ASCII is copied as is, anything else escaped by JSON.stringify. */
    private string(s: string): void {
        this.ensure(s.length + 2);
        const { bytes } = this;
        const start = this.pos;
        let p = start;
        bytes[p++] = QUOTE;
        for (let i = 0; i < s.length; i++) {
            const c = s.charCodeAt(i);
            if (c < SPACE || c === QUOTE || c === BACKSLASH || c > 0x7e) {
                this.text(JSON.stringify(s));
                return;
            }
            bytes[p++] = c;
        }
        bytes[p++] = QUOTE;
        this.pos = p;
    }

    /** Text known to be ASCII (punctuation, keywords). */
    ascii(s: string): void {
        this.ensure(s.length);
        this.pos = writeAscii(this.bytes, this.pos, s);
    }

    /** Any text, as UTF-8. */
    private text(s: string): void {
        this.ensure(3 * s.length);
        for (let i = 0; i < s.length; i++) {
            if (s.charCodeAt(i) > 0x7f) {
                this.pos += this.bytes.write(s, this.pos, 'utf8');
                this.wide = true;
                return;
            }
        }
        this.ascii(s);
    }

    private indent(depth: number): void {
        this.ensure(2 * depth);
        this.bytes.fill(SPACE, this.pos, this.pos + 2 * depth);
        this.pos += 2 * depth;
    }

    private ensure(room: number): void {
        if (this.pos + room <= this.bytes.length) return;
        const bigger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.pos + room));
        this.bytes.copy(bigger, 0, 0, this.pos);
        this.bytes = bigger;
    }
}

/**
 * Copies the `unitLength` bytes at `unit` `count` more times right after them, doubling what
 * is copied each time; returns the end.
 */
function repeat(bytes: Buffer, unit: number, unitLength: number, count: number): number {
    let to = unit + unitLength;
    if (count * unitLength <= 64) {
        for (let c = 0; c < count; c++) for (let k = 0; k < unitLength; k++) bytes[to++] = bytes[unit + k];
        return to;
    }
    let have = 1;
    while (count > 0) {
        const copies = have < count ? have : count;
        bytes.copyWithin(to, unit, unit + copies * unitLength);
        to += copies * unitLength;
        count -= copies;
        have += copies;
    }
    return to;
}
