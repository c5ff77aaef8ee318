import { printable } from '../../../language/src/index.js';

/**
 * Text from a model (a doc comment) shown in a markdown hover as the plain text it is: every
 * ASCII punctuation character is backslash-escaped (CommonMark renders `\[` as `[`), so a shared
 * model's `[link](https://…)`, `![image](https://…)`, `<img>` or `**bold**` show as written and
 * are never followed or fetched; bare `https://…` and `www.…` do not become links either (their
 * `:` and `.` are escaped). Line breaks are kept; control characters are shown as escapes.
 */
export function plainTextMarkdown(text: string): string {
    return text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map(line => printable(line).replace(/[!-/:-@[-`{-~]/g, c => `\\${c}`))
        .join('  \n');
}

/** A fence longer than any run of backticks in `code`, so the code can never close it. */
export function codeFence(code: string): string {
    const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map(m => m[0].length));
    return '`'.repeat(Math.max(3, longest + 1));
}
