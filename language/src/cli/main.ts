/**
 * The CLI's entry: the table of commands. Each command declares its operands and options in its
 * own module (see `command.ts`); usage, `--help` and usage errors (exit 2) follow from that.
 */
import { checkCommand } from './check.js';
import { commandSynopsis, runCommandLine, type CliCommand, type CliIo } from './command.js';
import type { TextOut } from './run-json.js';
import { runCommand } from './run.js';
import { diffCommand } from './diff.js';
import { reportCommand } from './report.js';
import { rankCommand } from './rank.js';
import { optimizeCommand } from './optimize.js';
import { mergeCommand } from './merge.js';

/** Every command, in the order the usage lists them. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, runCommand, diffCommand, reportCommand, rankCommand, optimizeCommand, mergeCommand];

function usage(): string {
    return ['Usage:', ...COMMANDS.map(commandSynopsis), '  chokepoint --help | --version', '', "Run 'chokepoint COMMAND --help' for a command's options."].join(
        '\n'
    );
}

/** Lines to stdout; large JSON goes as bytes. */
const printToStdout: TextOut = Object.assign(
    (s: string) => {
        process.stdout.write(s + '\n');
    },
    {
        bytes: (chunk: Uint8Array) => {
            process.stdout.write(chunk);
        }
    }
);

/** Exit codes: 0 fine, 1 errors in the model (or a regression), 2 wrong usage. */
export async function main(argv: string[], out: TextOut = printToStdout, err: (s: string) => void = s => process.stderr.write(s + '\n')): Promise<number> {
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h' || name === 'help') {
        const command = COMMANDS.find(c => c.name === rest[0]);
        return command ? runCommandLine(command, ['--help'], { out, err }) : (out(usage()), 0);
    }
    if (name === '--version') {
        out(VERSION);
        return 0;
    }
    const command = COMMANDS.find(c => c.name === name);
    if (command) return runCommandLine(command, rest, { out, err } satisfies CliIo);
    err(name ? `Unknown command '${name}'. Commands: ${COMMANDS.map(c => c.name).join(', ')}; see chokepoint --help.` : usage());
    return 2;
}

declare const __CHOKEPOINT_VERSION__: string | undefined;
const VERSION = typeof __CHOKEPOINT_VERSION__ === 'string' ? __CHOKEPOINT_VERSION__ : 'dev';
