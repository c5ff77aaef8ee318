/**
 * Expected diagnostics written inline in a corpus file (syntax in README.md):
 *
 *     // expect error unit-kind at "18000 t" : must be a rate
 *       produces REE 18000 t
 *
 * A marker applies to the next line that is not itself a marker.
 */

export interface Expected {
    line: number;
    column: number;
    severity: string;
    code: string;
    /** Text the message must contain, when given. */
    text?: string;
    /** Where the marker is, for failure messages. */
    markerLine: number;
}

const MARKER = /^\s*\/\/\s*expect\s+(error|warning|info|hint)\s+([a-z0-9-]+)(.*)$/;

export function parseMarkers(text: string): Expected[] {
    const lines = text.split(/\r?\n/);
    const expected: Expected[] = [];
    const pending: { severity: string; code: string; rest: string; markerLine: number }[] = [];
    lines.forEach((line, index) => {
        const marker = MARKER.exec(line);
        if (marker) {
            pending.push({ severity: marker[1], code: marker[2], rest: marker[3], markerLine: index + 1 });
            return;
        }
        for (const p of pending.splice(0)) expected.push(resolve(p, lines, index));
    });
    // Markers at the very end (or with `line N`) may have no following line.
    for (const p of pending) expected.push(resolve(p, lines, lines.length));
    return expected;
}

function resolve(p: { severity: string; code: string; rest: string; markerLine: number }, lines: string[], nextIndex: number): Expected {
    let rest = p.rest;
    let text: string | undefined;
    const colon = /\s:\s(.*)$/.exec(rest);
    if (colon) {
        text = colon[1].trim();
        rest = rest.slice(0, colon.index);
    }
    let lineIndex = nextIndex;
    const explicitLine = /\bline\s+(\d+)/.exec(rest);
    if (explicitLine) lineIndex = Number(explicitLine[1]) - 1;
    const target = lines[lineIndex] ?? '';
    let column: number;
    const at = /\bat\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?/.exec(rest);
    const explicitColumn = /@(\d+)/.exec(rest);
    if (at) {
        const token = at[1].replace(/\\"/g, '"');
        let from = -1;
        for (let n = Number(at[2] ?? 1); n > 0; n--) {
            from = target.indexOf(token, from + 1);
            if (from < 0) break;
        }
        if (from < 0) throw new Error(`marker on line ${p.markerLine}: "${token}" not found in line ${lineIndex + 1}: ${target}`);
        column = from + 1;
    } else if (explicitColumn) {
        column = Number(explicitColumn[1]);
    } else {
        column = target.length - target.trimStart().length + 1;
    }
    return { line: lineIndex + 1, column, severity: p.severity, code: p.code, text, markerLine: p.markerLine };
}
