/** The CLI proper, loaded by out/cli.js (loading/bundle-loader.ts) once the compile cache is on. */
import { main } from './main.js';

main(process.argv.slice(2)).then(
    code => {
        process.exitCode = code;
    },
    error => {
        // Never a bare stack trace for the user: one line, and exit 2.
        process.stderr.write(`chokepoint: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
);
