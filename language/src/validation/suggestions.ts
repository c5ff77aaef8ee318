/**
 * Did-you-mean for unknown names: the visible name closest in edit distance (insertions,
 * deletions, substitutions and swaps of neighbours), ignoring case first.
 */

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous2: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
            current.push(d);
            rowMin = Math.min(rowMin, d);
        }
        if (rowMin > limit) return limit + 1;
        previous2 = previous;
        previous = current;
    }
    return previous[b.length];
}

/** How far a name may be from what was typed and still be suggested. */
function allowedDistance(typed: string): number {
    return Math.max(1, Math.floor(typed.length / 3));
}

/**
 * The best suggestion among `candidates` for `typed`, or undefined when none is close.
 * Ties go to the earlier candidate, so callers control the order (e.g. the model's own
 * names before the library's).
 */
export function closestName(typed: string, candidates: Iterable<string>): string | undefined {
    const lower = typed.toLowerCase();
    const limit = allowedDistance(typed);
    let best: string | undefined;
    let bestScore = Infinity;
    for (const candidate of candidates) {
        if (candidate === typed) continue;
        const candidateLower = candidate.toLowerCase();
        // A difference in case only is the best possible match.
        const score = candidateLower === lower ? 0 : editDistance(lower, candidateLower, limit) + 0.5;
        if (score <= limit + 0.5 && score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}
