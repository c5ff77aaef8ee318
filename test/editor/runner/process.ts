/** Child processes for the runner: run to completion, or start one and wait for a line of its output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
}

export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => {
            stdout += String(chunk);
        });
        child.stderr.on('data', chunk => {
            stderr += String(chunk);
        });
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? 1, stdout, stderr }));
    });
}

export async function runOrThrow(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<string> {
    const result = await run(command, args, options);
    if (result.code !== 0) {
        throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
}

export interface Started {
    child: ChildProcess;
    match: RegExpMatchArray;
    /** Ends the process and everything it started (it leads its own process group). */
    stop(): Promise<void>;
}

/** Starts a process in its own group, logs its output to `logFile`, and waits for `ready` in it. */
export function startAndWaitFor(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, logFile: string, timeoutMs: number): Promise<Started> {
    return new Promise((resolve, reject) => {
        const log = createWriteStream(logFile);
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let seen = '';
        let settled = false;
        const stop = () =>
            new Promise<void>(done => {
                if (child.exitCode !== null || child.signalCode !== null) return done();
                child.once('exit', () => done());
                try {
                    process.kill(-child.pid!, 'SIGTERM');
                } catch {
                    done();
                }
                setTimeout(() => {
                    try {
                        process.kill(-child.pid!, 'SIGKILL');
                    } catch {
                        /* already gone */
                    }
                }, 5000).unref();
            });
        const timer = setTimeout(() => {
            if (settled) return;
            settled = true;
            void stop();
            reject(new Error(`${command} did not print ${ready} within ${timeoutMs} ms; output:\n${seen}`));
        }, timeoutMs);
        const onData = (chunk: Buffer) => {
            log.write(chunk);
            if (settled) return;
            seen += String(chunk);
            const match = seen.match(ready);
            if (match) {
                settled = true;
                clearTimeout(timer);
                resolve({ child, match, stop });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('error', error => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                reject(error);
            }
        });
        child.on('exit', code => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                reject(new Error(`${command} exited with ${code} before it was ready; output:\n${seen}`));
            }
        });
    });
}
