/**
 * Text from a model shown in a message (a name, a path, a label): control characters (NUL,
 * escape, bell, line breaks...) are written as `\u0000`-style escapes, so that a hostile file
 * cannot put raw control characters into a terminal, a log or an editor's message.
 */
export function printable(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
