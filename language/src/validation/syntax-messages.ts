/**
 * Rewrites the parser's and lexer's messages into one line a strategist can act on:
 * "Expected a number but found '}'" rather than chevrotain's multi-line token lists.
 */

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM or YYYY-MM-DD)',
    STRING: 'a "label"',
    EOF: 'the end of the file'
};

/** A token name or a keyword, as the user would call it. */
function tokenWord(token: string): string {
    const bare = token.trim().replace(/^'(.*)'$/, '$1');
    return TOKEN_WORDS[bare] ?? `\`${bare}\``;
}

function found(text: string): string {
    const t = text.trim().replace(/^['`](.*)['`]\.?$/s, '$1');
    return t === '' || t === 'EOF' ? 'the end of the file' : `'${t}'`;
}

/** "a name, a number or `}`" from distinct alternatives, at most `max` of them. */
function alternatives(words: string[], max = 8): string {
    const unique = [...new Set(words)];
    if (unique.length === 1) return unique[0];
    const shown = unique.slice(0, max);
    const more = unique.length > max ? ` (or ${unique.length - max} more)` : '';
    return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${more}`;
}

export function syntaxMessage(raw: string): string {
    const message = raw.replace(/\r/g, '');
    let m = /^Expecting token of type '([^']+)' but found `([\s\S]*)`\.?$/.exec(message);
    if (m && m[1] === 'EOF') return unexpectedAtTopLevel(m[2]);
    if (m) return `Syntax error: expected ${tokenWord(m[1])} but found ${found(m[2])}.`;

    m = /^Expecting:[\s\S]*?(?:sequences|iteration)[\s\S]*?:\s*\n([\s\S]*)\nbut found: ([\s\S]*)$/.exec(message);
    if (m) {
        // Each alternative is a bracketed sequence of tokens; its first token says what may come next.
        const firsts = [...m[1].matchAll(/\[([^\]]*)\]/g)].map(x => tokenWord(x[1].split(/,\s*/)[0] ?? ''));
        return `Syntax error: expected ${alternatives(firsts)} but found ${found(m[2])}.`;
    }

    m = /^Redundant input, expecting EOF but found: ([\s\S]*)$/.exec(message);
    if (m) return unexpectedAtTopLevel(m[1]);

    m = /^unexpected character: ->([\s\S]*?)<- at offset: \d+, skipped (\d+) characters?\.?$/.exec(message);
    if (m) return `Syntax error: unexpected character '${m[1]}'${Number(m[2]) > 1 ? ` (and ${Number(m[2]) - 1} more)` : ''}; it has no meaning here.`;

    return `Syntax error: ${message.split('\n').map(l => l.trim()).filter(Boolean).join(' ')}`;
}

function unexpectedAtTopLevel(text: string): string {
    return `Syntax error: unexpected ${found(text)}; a declaration (import, horizon, step, material, region, bloc, supplier, plant, `
        + 'consumer, flow, reserve, shock, measure, scenario or target) was expected here.';
}
