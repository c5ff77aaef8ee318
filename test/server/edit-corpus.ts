/**
 * Random edits of real model text, for the fuzz tests and the benchmark: insertions of the
 * language's tokens, deletions, pastes of lines from other files, and undo bursts. Seeded, so a
 * failure replays exactly (`FUZZ_SEED`).
 */

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export const TOKENS = [
    'flow',
    'supplier',
    'consumer',
    'reserve',
    'shock',
    'measure',
    'scenario',
    'target',
    'embargo',
    'needs',
    'stock',
    'holds',
    'serves',
    'release',
    'from',
    'for',
    'until',
    'lead',
    'ramp',
    'cut',
    'on',
    'to',
    'in',
    'of',
    'by',
    'dependency',
    'unmet',
    'cover',
    'probability',
    'import',
    'horizon',
    'step',
    'China',
    'Japan',
    'REE',
    'Industry',
    'Curb',
    'X',
    '1000',
    '0',
    '-5',
    '1_000',
    '1.5e3',
    '1e308',
    '1e999',
    '2026-02',
    '2026-13',
    '9999-12',
    't/month',
    't',
    'days',
    'months',
    '%',
    '..',
    '->',
    '{',
    '}',
    ',',
    ':',
    '*',
    '<=',
    '"',
    '"label"',
    '// c',
    '/*',
    '*/',
    '\n',
    ' ',
    'million',
    'JPY',
    'planned',
    'baseline',
    '\u0000',
    '😀',
    'import "/etc/passwd"',
    'import "../../x.choke"'
];

export interface EditorState {
    text: string;
    /** Earlier texts, for undo bursts. */
    history: string[];
}

/** One random edit of `state.text`; `others` are texts to paste lines from. */
export function randomEdit(state: EditorState, next: () => number, others: readonly string[] = []): string {
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const { text } = state;
    const roll = next();
    let edited: string;
    if (roll < 0.05 && state.history.length > 0) {
        // An undo burst: back up to five steps.
        const steps = Math.min(state.history.length, 1 + Math.floor(next() * 5));
        edited = state.history.splice(state.history.length - steps, steps)[0];
        state.text = edited;
        return edited;
    }
    const at = Math.floor(next() * (text.length + 1));
    if (roll < 0.25) {
        // Delete one word or number (half-typed clauses: `stock REE` without its amount).
        const word = /[\w.%/-]+/.exec(text.slice(at));
        edited = word ? text.slice(0, at + word.index) + text.slice(at + word.index + word[0].length) : text.slice(0, at);
    } else if (roll < 0.45) {
        edited = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 20)));
    } else if (roll < 0.55 && others.length > 0) {
        const lines = pick(others).split('\n');
        const start = Math.floor(next() * lines.length);
        edited = text.slice(0, at) + lines.slice(start, start + 1 + Math.floor(next() * 4)).join('\n') + '\n' + text.slice(at);
    } else {
        edited = text.slice(0, at) + (next() < 0.5 ? ' ' : '') + pick(TOKENS) + (next() < 0.5 ? ' ' : '') + text.slice(at);
    }
    state.history.push(text);
    if (state.history.length > 50) state.history.shift();
    state.text = edited;
    return edited;
}

/** `count` texts, each `edits` random edits away from one of `sources`. */
export function editCorpus(sources: readonly string[], count: number, edits: number, seed: number): string[] {
    const next = random(seed);
    const corpus: string[] = [];
    for (let i = 0; i < count; i++) {
        const state: EditorState = { text: sources[i % sources.length], history: [] };
        for (let e = 0; e < edits; e++) randomEdit(state, next, sources);
        corpus.push(state.text);
    }
    return corpus;
}
