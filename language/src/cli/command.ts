/**
 * One table for the CLI's commands: each command declares its operands and options once, and
 * the parsing, the usage text, `--help` per command, the unknown-option and missing-value
 * errors and exit code 2 all follow from that declaration (built on `node:util`'s parseArgs).
 */
import { parseArgs } from 'node:util';
import type { TextOut } from './run-json.js';

/** Where a command prints: results to `out`, diagnostics and usage errors to `err`. */
export interface CliIo {
    out: TextOut;
    err: (line: string) => void;
}

export interface CliOption {
    type: 'string' | 'boolean';
    /** A one-letter alias (`-o`). */
    short?: string;
    /** The value's placeholder in the usage text (`NAME`, `FILE`). */
    value?: string;
    description: string;
    /** The only values a string option accepts. */
    choices?: readonly string[];
    /** Repeated occurrences collect into a list. */
    multiple?: boolean;
    /**
     * How many of the following words the value takes (default one), for values written in
     * the language's own form (`--budget 100 billion JPY`). Given the words after the option,
     * returns how many belong to it (at least one).
     */
    words?: (following: readonly string[]) => number;
}

export interface CliCommand {
    name: string;
    /** One line for the overall usage. */
    summary: string;
    /** Operands as the usage shows them: `FILE`, `PATH...`, `[BASE [HEAD]] [PATH...]`. */
    operands: string;
    /** How many operands it takes, and what to say when there are too few or too many. */
    operandCount: { min: number; max?: number; tooFew: string; tooMany?: string };
    options: Record<string, CliOption>;
    run(args: CommandLine, io: CliIo): Promise<number>;
}

/** What a command line says, once parsed against its command's declaration. */
export interface CommandLine {
    options: Record<string, string | boolean | string[] | undefined>;
    operands: string[];
}

/** Thrown by a command to exit 2 with this one-line message. */
export class UsageError extends Error {}

/** Parses `argv` (the words after the command's name) or says, in one line, what is wrong. */
export function parseCommandLine(command: CliCommand, argv: readonly string[]): CommandLine | { error: string } {
    const joined = joinOptionValues(command, argv);
    if ('error' in joined) return joined;
    let parsed: ReturnType<typeof parseArgs>;
    try {
        parsed = parseArgs({ args: joined.args, options: parseArgsOptions(command), allowPositionals: true, strict: true });
    } catch (error) {
        return { error: parseFailure(command, error) };
    }
    for (const [name, option] of Object.entries(command.options)) {
        const given = parsed.values[name];
        if (!option.choices || given === undefined) continue;
        for (const value of Array.isArray(given) ? given : [given]) {
            if (typeof value === 'string' && !option.choices.includes(value)) {
                return { error: `--${name} takes ${listOfChoices(option.choices)}, not '${value}'.` };
            }
        }
    }
    const operands = parsed.positionals;
    const { min, max, tooFew, tooMany } = command.operandCount;
    if (operands.length < min) return { error: `${tooFew}; see chokepoint ${command.name} --help.` };
    if (max !== undefined && operands.length > max)
        return { error: `${tooMany ?? `${command.name} takes at most ${max} operand(s)`}; see chokepoint ${command.name} --help.` };
    return { options: parsed.values as CommandLine['options'], operands };
}

/** `chokepoint NAME --help`: the synopsis and every option with its description. */
export function commandUsage(command: CliCommand): string {
    const rows = Object.entries(command.options).map(([name, option]) => {
        const short = option.short ? `-${option.short}, ` : '';
        const value = option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : '';
        return [`  ${short}--${name}${value}`, option.description] as const;
    });
    rows.push(['  -h, --help', 'show this help']);
    const width = Math.max(...rows.map(([left]) => left.length)) + 2;
    return [
        `Usage: chokepoint ${command.name} ${command.operands} [options]`,
        '',
        command.summary,
        '',
        'Options:',
        ...rows.map(([left, right]) => left.padEnd(width) + right)
    ].join('\n');
}

/** One line per command, for `chokepoint --help`. */
export function commandSynopsis(command: CliCommand): string {
    return `  chokepoint ${command.name} ${command.operands}`.padEnd(46) + ` ${command.summary}`;
}

/** Runs a command line: `--help` prints the usage, a usage error exits 2 with one line. */
export async function runCommandLine(command: CliCommand, argv: readonly string[], io: CliIo): Promise<number> {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.out(commandUsage(command));
        return 0;
    }
    const parsed = parseCommandLine(command, argv);
    if ('error' in parsed) {
        io.err(parsed.error);
        return 2;
    }
    try {
        return await command.run(parsed, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(error.message);
            return 2;
        }
        throw error;
    }
}

/**
 * Rewrites `--name value...` as `--name=value` for string options, so that a value may start
 * with a dash (`--samples -3` is then judged by the command, as a bad count) or span words.
 */
function joinOptionValues(command: CliCommand, argv: readonly string[]): { args: string[] } | { error: string } {
    const args: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const word = argv[i];
        if (word === '--') {
            args.push(...argv.slice(i));
            break;
        }
        const name = optionNamed(command, word);
        const option = name === undefined ? undefined : command.options[name];
        if (name === undefined || option?.type !== 'string') {
            args.push(word);
            continue;
        }
        const following = argv.slice(i + 1);
        if (following.length === 0) return { error: `--${name} needs a value (${option.value ?? 'VALUE'}); see chokepoint ${command.name} --help.` };
        const count = Math.min(following.length, Math.max(1, option.words?.(following) ?? 1));
        args.push(`--${name}=${following.slice(0, count).join(' ')}`);
        i += count;
    }
    return { args };
}

/** The long name of the option `word` is (without a value attached), if any. */
function optionNamed(command: CliCommand, word: string): string | undefined {
    if (word.startsWith('--') && !word.includes('=')) {
        const name = word.slice(2);
        return name in command.options ? name : undefined;
    }
    if (/^-[A-Za-z]$/.test(word)) return Object.keys(command.options).find(name => command.options[name].short === word[1]);
    return undefined;
}

function parseArgsOptions(command: CliCommand) {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
    for (const [name, option] of Object.entries(command.options)) {
        options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
    }
    return options;
}

/** parseArgs' own messages are long and name its API; ours name the option and the help. */
function parseFailure(command: CliCommand, error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string } | null)?.code;
    const option = /'(-{1,2}[^'\s=<]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option '${option}' for chokepoint ${command.name}; see chokepoint ${command.name} --help.`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        return command.options[option.replace(/^-+/, '')]?.type === 'boolean'
            ? `${option} takes no value; see chokepoint ${command.name} --help.`
            : `${option} needs a value; see chokepoint ${command.name} --help.`;
    }
    return `${message.split('\n')[0]}; see chokepoint ${command.name} --help.`;
}

function listOfChoices(choices: readonly string[]): string {
    const quoted = choices.map(c => `'${c}'`);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
