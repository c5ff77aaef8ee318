/** A replaced run of lines: `a[aStart, aEnd)` becomes `b[bStart, bEnd)`. */
export interface Hunk {
    aStart: number;
    aEnd: number;
    bStart: number;
    bEnd: number;
}

/**
 * The hunks that turn lines `a` into lines `b` (Myers' O((N+M)D) diff), so that formatting
 * sends small edits (cursor and folds stay put) and range formatting can keep only the
 * hunks inside the range.
 */
export function diffLines(a: string[], b: string[]): Hunk[] {
    const n = a.length;
    const m = b.length;
    const max = n + m;
    const offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace: Int32Array[] = [];
    let found = false;
    for (let d = 0; d <= max && !found; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = true;
                break;
            }
        }
    }
    // Walk back to collect the matched line pairs, then the gaps between them are hunks.
    const matches: Array<[number, number]> = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
        const vd = trace[d];
        const k = x - y;
        const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
        const prevX = d === 0 ? 0 : vd[offset + prevK];
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            x--;
            y--;
            matches.push([x, y]);
        }
        if (d > 0) {
            x = prevX;
            y = prevY;
        }
    }
    while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
        x--;
        y--;
        matches.push([x, y]);
    }
    matches.reverse();
    const hunks: Hunk[] = [];
    let ai = 0;
    let bi = 0;
    for (const [ma, mb] of [...matches, [n, m] as [number, number]]) {
        if (ma > ai || mb > bi) hunks.push({ aStart: ai, aEnd: ma, bStart: bi, bEnd: mb });
        ai = ma + 1;
        bi = mb + 1;
    }
    return hunks;
}
