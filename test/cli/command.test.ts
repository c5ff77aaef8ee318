import { describe, expect, test } from 'vitest';
import { commandUsage, parseCommandLine, type CliCommand } from '../../language/src/cli/command.js';
import { main } from '../../language/src/cli/main.js';

async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
        args,
        s => out.push(s),
        s => err.push(s)
    );
    return { code, out: out.join('\n'), err };
}

/** A command declared only for these tests: every kind of option the table supports. */
const probe: CliCommand = {
    name: 'probe',
    summary: 'a command for tests',
    operands: 'FILE [MORE...]',
    operandCount: { min: 1, max: 2, tooFew: 'probe needs a file', tooMany: 'probe takes two files at most' },
    options: {
        json: { type: 'boolean', description: 'as JSON' },
        format: { type: 'string', value: 'A|B|C', choices: ['a', 'b', 'c'], description: 'a format' },
        output: { type: 'string', short: 'o', value: 'FILE', description: 'where to write' },
        // A budget in the language's form: the words up to and including a currency code.
        budget: { type: 'string', value: 'AMOUNT CUR', description: 'a budget', words: w => w.findIndex(x => /^[A-Z]{3}$/.test(x)) + 1 }
    },
    run: () => Promise.resolve(0)
};

describe('the CLI command table', () => {
    test('options parse from their declaration: flags, values, short names, choices, words', () => {
        expect(parseCommandLine(probe, ['m.choke', '--json', '-o', 'r.html', '--format=b'])).toEqual({
            options: { json: true, output: 'r.html', format: 'b' },
            operands: ['m.choke']
        });
        expect(parseCommandLine(probe, ['--budget', '100', 'billion', 'JPY', 'm.choke'])).toEqual({
            options: { budget: '100 billion JPY' },
            operands: ['m.choke']
        });
        // A value may start with a dash: the command judges it.
        expect(parseCommandLine(probe, ['m.choke', '--output', '-'])).toEqual({ options: { output: '-' }, operands: ['m.choke'] });
    });

    test('each usage error is one line naming the option and the help', () => {
        expect(parseCommandLine(probe, ['m.choke', '--bogus'])).toEqual({
            error: "Unknown option '--bogus' for chokepoint probe; see chokepoint probe --help."
        });
        expect(parseCommandLine(probe, ['m.choke', '--output'])).toEqual({ error: '--output needs a value (FILE); see chokepoint probe --help.' });
        expect(parseCommandLine(probe, ['m.choke', '--format', 'd'])).toEqual({ error: "--format takes 'a', 'b' or 'c', not 'd'." });
        expect(parseCommandLine(probe, ['m.choke', '--json=yes'])).toEqual({ error: '--json takes no value; see chokepoint probe --help.' });
        expect(parseCommandLine(probe, [])).toEqual({ error: 'probe needs a file; see chokepoint probe --help.' });
        expect(parseCommandLine(probe, ['a', 'b', 'c'])).toEqual({ error: 'probe takes two files at most; see chokepoint probe --help.' });
    });

    test('the usage lists every declared option with its value and description', () => {
        expect(commandUsage(probe).split('\n')).toEqual([
            'Usage: chokepoint probe FILE [MORE...] [options]',
            '',
            'a command for tests',
            '',
            'Options:',
            '  --json               as JSON',
            '  --format A|B|C       a format',
            '  -o, --output FILE    where to write',
            '  --budget AMOUNT CUR  a budget',
            '  -h, --help           show this help'
        ]);
    });

    test('every real command has --help (exit 0) and one-line usage errors (exit 2)', async () => {
        for (const name of ['check', 'run', 'diff', 'report', 'rank', 'optimize']) {
            const help = await cli(name, '--help');
            expect(help.code).toBe(0);
            expect(help.out).toMatch(new RegExp(`^Usage: chokepoint ${name} `));
            expect((await cli('help', name)).out).toBe(help.out);
            const bad = await cli(name, 'x.choke', '--nope');
            expect(bad.code).toBe(2);
            expect(bad.err).toEqual([`Unknown option '--nope' for chokepoint ${name}; see chokepoint ${name} --help.`]);
        }
        const overall = await cli('--help');
        expect(overall.out).toContain('chokepoint check PATH...');
        expect(overall.out).toContain('chokepoint run FILE');
        expect((await cli('frobnicate')).err).toEqual([
            "Unknown command 'frobnicate'. Commands: check, run, diff, report, rank, optimize, merge; see chokepoint --help."
        ]);
    });
});
