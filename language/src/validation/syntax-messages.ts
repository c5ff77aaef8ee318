import { closestName } from './suggestions.js';

/**
 * Rewrites the parser's and lexer's messages into one line a strategist can act on:
 * "Expected a number but found '}'" rather than chevrotain's multi-line token lists, with
 * "did you mean `supplier`?" for a misspelt keyword and the spelling of a unit for `30d`.
 */

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM or YYYY-MM-DD)',
    STRING: 'a "label"',
    EOF: 'the end of the file'
};

const DECLARATION_KEYWORDS = [
    'import',
    'horizon',
    'step',
    'material',
    'region',
    'bloc',
    'supplier',
    'plant',
    'consumer',
    'flow',
    'reserve',
    'shock',
    'measure',
    'scenario',
    'target'
];

/** Abbreviations people type for units, and how Chokepoint spells them. */
const UNIT_SPELLINGS: Record<string, string> = {
    d: 'days',
    dy: 'days',
    wk: 'weeks',
    wks: 'weeks',
    w: 'weeks',
    mo: 'months',
    mos: 'months',
    mth: 'months',
    mths: 'months',
    m: 'months',
    y: 'years',
    yrs: 'years',
    tons: 't',
    ton: 't',
    tonnes: 't',
    tonne: 't',
    mt: 't',
    kts: 'kt'
};

/** A token name or a keyword, as the user would call it. */
function tokenWord(token: string): string {
    const bare = token.trim().replace(/^'(.*)'$/, '$1');
    return TOKEN_WORDS[bare] ?? `\`${bare}\``;
}

function foundText(text: string): string {
    return text.trim().replace(/^['`](.*)['`]\.?$/s, '$1');
}

function found(text: string): string {
    const t = foundText(text);
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

/**
 * "; did you mean `produces`?" when the unexpected word is a near miss of an expected keyword
 * or, failing that, of any keyword of four letters or more (the parser often only says `}`).
 */
function advice(foundToken: string, expectedKeywords: string[], allKeywords: readonly string[]): string {
    const word = foundText(foundToken);
    if (!/^[A-Za-z_]\w*$/.test(word)) return '';
    const keyword =
        closestName(
            word,
            expectedKeywords.filter(k => /^[a-z]+$/.test(k))
        ) ??
        closestName(
            word,
            allKeywords.filter(k => /^[a-z]{4,}$/.test(k))
        );
    if (keyword) return `; did you mean \`${keyword}\`?`;
    if (word === 'for' || word === 'until') return '; a timing starts with `from DATE`, e.g. `from 2026-02 for 3 months`';
    const unit = UNIT_SPELLINGS[word];
    if (unit) return `; units are written out: \`${unit}\` (after a space: \`30 ${unit}\`)`;
    return '';
}

function keywordsOf(tokens: string[]): string[] {
    return tokens.map(t => t.trim().replace(/^'(.*)'$/, '$1')).filter(t => !(t in TOKEN_WORDS));
}

export function syntaxMessage(raw: string, allKeywords: readonly string[] = []): string {
    const message = raw.replace(/\r/g, '');
    let m = /^Expecting token of type '([^']+)' but found `([\s\S]*)`\.?$/.exec(message);
    if (m && m[1] === 'EOF') return unexpectedAtTopLevel(m[2], allKeywords);
    if (m) return sentence(`Syntax error: expected ${tokenWord(m[1])} but found ${found(m[2])}${advice(m[2], keywordsOf([m[1]]), allKeywords)}`);

    m = /^Expecting:[\s\S]*?(?:sequences|iteration)[\s\S]*?:\s*\n([\s\S]*)\nbut found: ([\s\S]*)$/.exec(message);
    if (m) {
        // Each alternative is a bracketed sequence of tokens; its first token says what may come next.
        const firstTokens = [...m[1].matchAll(/\[([^\]]*)\]/g)].map(x => x[1].split(/,\s*/)[0] ?? '');
        return sentence(
            `Syntax error: expected ${alternatives(firstTokens.map(tokenWord))} but found ${found(m[2])}${advice(m[2], keywordsOf(firstTokens), allKeywords)}`
        );
    }

    m = /^Redundant input, expecting EOF but found: ([\s\S]*)$/.exec(message);
    if (m) return unexpectedAtTopLevel(m[1], allKeywords);

    m = /^unexpected character: ->([\s\S]*?)<- at offset: \d+, skipped (\d+) characters?\.?$/.exec(message);
    if (m) return `Syntax error: unexpected character '${m[1]}'${Number(m[2]) > 1 ? ` (and ${Number(m[2]) - 1} more)` : ''}; it has no meaning here.`;

    return `Syntax error: ${message
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .join(' ')}`;
}

function sentence(text: string): string {
    return /[.?]$/.test(text) ? text : `${text}.`;
}

function unexpectedAtTopLevel(text: string, allKeywords: readonly string[]): string {
    const suggestion = advice(text, DECLARATION_KEYWORDS, allKeywords);
    if (suggestion) return `Syntax error: unexpected ${found(text)}${suggestion}`;
    return `Syntax error: unexpected ${found(text)}; a declaration (${DECLARATION_KEYWORDS.slice(0, -1).join(', ')} or target) was expected here.`;
}
