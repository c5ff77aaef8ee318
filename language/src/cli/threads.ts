/** `--threads N` of the sweep commands (rank, optimize): how many worker threads run the runs. */
import { UsageError, type CliOption, type CommandLine } from './command.js';

export const THREADS_OPTION: CliOption = {
    type: 'string',
    value: 'N',
    description: 'worker threads for the runs (default: every core once the sweep is large enough to pay; 1: this thread only)'
};

/** The requested thread count, undefined for automatic; a usage error for anything but 1-256. */
export function threadsOption(given: CommandLine['options'][string]): number | undefined {
    if (typeof given !== 'string') return undefined;
    const value = Number(given);
    if (!/^\d+$/.test(given) || value < 1 || value > 256) throw new UsageError(`--threads takes a whole number from 1 to 256, not '${given}'.`);
    return value;
}
