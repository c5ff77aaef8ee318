/**
 * `run --json`: the results as indented JSON with every array of numbers or strings on one
 * line, so a file of series stays readable and diffable. Key order is the results' own
 * (declaration order, baseline first), so the same model always prints the same bytes.
 *
 * The text is written as UTF-8 bytes into one reusable buffer rather than as many small
 * strings: a large model's results are 25 MB of JSON, most of it series of numbers, and
 * building them as strings cost more than simulating. Numbers print exactly as
 * `JSON.stringify` prints them (see `JsonBytes.number`).
 */
import { horizonOf, simulateEach, type SimulateOptions } from '../evaluation/simulation.js';
import type { LoweredModel } from '../lowering/model.js';
import type { ScenarioResult } from '../engine/results.js';

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
    const json = new JsonBytes(chunkSize + (chunkSize >> 2));
    const handOver = () => {
        if (json.length < chunkSize) return;
        if (out.bytes) {
            out.bytes(json.takeAllBytes());
            return;
        }
        const cut = json.lastNewline();
        if (cut >= 0) out(json.take(cut, 1));
    };
    const { horizon, periodStarts } = horizonOf(model);
    json.ascii('{\n  "horizon": ');
    json.value(horizon, 1);
    json.ascii(',\n  "periodStarts": ');
    json.value(periodStarts, 1);
    json.ascii(',\n  "scenarios": [\n');
    let count = 0;
    const rest = simulateEach(model, options, scenario => {
        onScenario?.(scenario);
        json.ascii(count++ > 0 ? ',\n    ' : '    ');
        json.value(scenario, 2, handOver);
        handOver();
    });
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

const QUOTE = 0x22,
    BACKSLASH = 0x5c,
    COMMA = 0x2c,
    NEWLINE = 0x0a,
    SPACE = 0x20,
    MINUS = 0x2d,
    DOT = 0x2e,
    ZERO = 0x30;

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
        if (Array.isArray(value)) {
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

    /**
     * `JSON.stringify(array)` for numbers, strings, booleans and nulls. A series repeats its
     * previous value most of the time (steady periods, zeros): those bytes are copied.
     */
    private plainArray(value: unknown[]): void {
        if (typeof value[0] === 'number' && this.numberArray(value)) return;
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

    /** An array of numbers only (else false, nothing written): the hot path of every series. */
    private numberArray(value: unknown[]): boolean {
        this.ensure(value.length * (MAX_NUMBER_BYTES + 1) + 2);
        const bytes = this.bytes;
        let pos = this.pos;
        bytes[pos++] = 0x5b;
        let previous = NaN,
            from = 0,
            to = 0;
        for (let i = 0; i < value.length; i++) {
            const v = value[i];
            if (typeof v !== 'number') return false;
            if (i > 0) bytes[pos++] = COMMA;
            if (v === previous) {
                for (let j = from; j < to; j++) bytes[pos++] = bytes[j];
            } else {
                from = pos;
                pos = writeNumber(bytes, pos, v);
                to = pos;
                previous = v;
            }
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

/** The longest number `writeNumber` writes: -1.7976931348623157e+308. */
const MAX_NUMBER_BYTES = 24;

/**
 * Writes a number at `pos` exactly as `JSON.stringify` prints it; returns the position after
 * it. A double equal to k / 1000 (or k / 10^6) for an integer k is printed from k's digits:
 * below 10^9, no shorter decimal maps to the same double, so these digits are its shortest
 * round-trip form, which is what JavaScript prints. Anything else goes through `String`.
 */
function writeNumber(bytes: Buffer, pos: number, v: number): number {
    const size = v < 0 ? -v : v;
    if (size < 1e9) {
        let k = Math.round(size * 1000);
        let decimals = 3;
        if (k / 1000 !== size) {
            k = Math.round(size * 1e6);
            decimals = 6;
            if (k / 1e6 !== size || k === 0) return writeAscii(bytes, pos, String(v));
        }
        if (v < 0 && k !== 0) bytes[pos++] = MINUS;
        return writeScaled(bytes, pos, k, decimals);
    }
    return writeAscii(bytes, pos, Number.isFinite(v) ? String(v) : 'null');
}

/** k / 10^decimals for an integer 0 <= k < 10^15, without trailing zeros after the point. */
function writeScaled(bytes: Buffer, pos: number, k: number, decimals: number): number {
    while (decimals > 0 && k % 10 === 0) {
        k /= 10;
        decimals--;
    }
    let digits = 1;
    for (let limit = 10; limit <= k; limit *= 10) digits++;
    const end = pos + (digits > decimals ? digits : decimals + 1) + (decimals > 0 ? 1 : 0);
    let p = end - 1;
    for (let i = 0; i < decimals; i++) {
        const q = Math.floor(k / 10);
        bytes[p--] = ZERO + k - q * 10;
        k = q;
    }
    if (decimals > 0) bytes[p--] = DOT;
    while (p >= pos) {
        const q = Math.floor(k / 10);
        bytes[p--] = ZERO + k - q * 10;
        k = q;
    }
    return end;
}

function writeAscii(bytes: Buffer, pos: number, s: string): number {
    for (let i = 0; i < s.length; i++) bytes[pos++] = s.charCodeAt(i);
    return pos;
}
