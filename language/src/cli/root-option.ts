import { statSync } from 'node:fs';
import type { CliOption, CommandLine } from './command.js';
import { UsageError } from './command.js';

/** `--root DIR`: the folder imports are confined to (docs/security.md), declared once for every command that loads models. */
export const ROOT_OPTION: CliOption = {
    type: 'string',
    value: 'DIR',
    description: 'imports may read files only inside DIR (default: the common folder of the paths given and the current folder)'
};

/** The `--root` given, checked to be a folder; undefined for the default. */
export function rootOf(line: CommandLine): string | undefined {
    const root = line.options.root;
    if (typeof root !== 'string') return undefined;
    let isDirectory = false;
    try {
        isDirectory = statSync(root).isDirectory();
    } catch {
        /* reported below */
    }
    if (!isDirectory) throw new UsageError(`--root takes an existing folder, not '${root}'.`);
    return root;
}
