/**
 * What is inside the .vsix: the file list from the zip's central directory, and the rule
 * that it holds what the extension needs at run time and nothing else (no sources, source
 * maps, tests, node_modules or examples).
 */
import { readFile } from 'node:fs/promises';

/** Names of the files in a zip archive, from its central directory. */
export async function zipEntries(path: string): Promise<string[]> {
    const zip = await readFile(path);
    // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0) throw new Error(`${path} is not a zip archive`);
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
        if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${path}: bad central directory entry ${n}`);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

/** Files the extension needs, relative to the archive's `extension/` folder. */
export const REQUIRED_FILES = [
    'package.json',
    'readme.md',
    'out/extension.js',
    'out/server.js',
    'out/server-main.js',
    'out/chart.js',
    'client/images/icon.png',
    'client/images/file-icon.svg',
    'client/language-configuration.json',
    'client/syntaxes/chokepoint.tmLanguage.json',
    'client/snippets/chokepoint.code-snippets'
];

/** Files vsce adds when the repository has them. */
const OPTIONAL_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'CHANGELOG.md'];

const ARCHIVE_FILES = ['extension.vsixmanifest', '[Content_Types].xml'];

/** Problems with a .vsix's file list: missing files, and files that are not in the allowed set. */
export function vsixProblems(entries: string[]): string[] {
    const problems: string[] = [];
    const inExtension = entries.filter(e => e.startsWith('extension/')).map(e => e.slice('extension/'.length));
    for (const required of REQUIRED_FILES) {
        if (!inExtension.includes(required)) problems.push(`missing ${required}`);
    }
    for (const entry of entries) {
        if (ARCHIVE_FILES.includes(entry)) continue;
        const file = entry.startsWith('extension/') ? entry.slice('extension/'.length) : undefined;
        if (file === undefined || !(REQUIRED_FILES.includes(file) || OPTIONAL_FILES.includes(file))) problems.push(`unexpected ${entry}`);
    }
    return problems;
}
