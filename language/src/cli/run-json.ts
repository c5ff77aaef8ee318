/**
 * `run --json`: the results as indented JSON with every number array on one line, so a
 * file of series stays readable and diffable. Key order is the results' own (declaration
 * order, baseline first), so the same model always prints the same bytes.
 */
export function toJson(value: unknown): string {
    const parts: string[] = [];
    write(value, '', parts);
    return parts.join('');
}

function write(value: unknown, indent: string, out: string[]): void {
    if (Array.isArray(value)) {
        if (value.every(v => typeof v !== 'object' || v === null)) { out.push(JSON.stringify(value)); return; }
        if (value.length === 0) { out.push('[]'); return; }
        const inner = indent + '  ';
        out.push('[\n');
        value.forEach((v, i) => {
            out.push(inner);
            write(v, inner, out);
            out.push(i < value.length - 1 ? ',\n' : '\n');
        });
        out.push(indent, ']');
        return;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).filter(([, v]) => v !== undefined);
        if (entries.length === 0) { out.push('{}'); return; }
        const inner = indent + '  ';
        out.push('{\n');
        entries.forEach(([k, v], i) => {
            out.push(inner, JSON.stringify(k), ': ');
            write(v, inner, out);
            out.push(i < entries.length - 1 ? ',\n' : '\n');
        });
        out.push(indent, '}');
        return;
    }
    out.push(JSON.stringify(value ?? null));
}
