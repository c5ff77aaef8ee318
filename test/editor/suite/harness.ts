/**
 * A minimal check runner for inside the editor (no test framework is loaded there): named
 * async checks run in order, each with a time limit; a failure is recorded and the next
 * check runs.
 */

export interface CheckResult {
    name: string;
    passed: boolean;
    ms: number;
    error?: string;
}

export interface Check {
    name: string;
    run: () => Promise<void>;
    timeoutMs?: number;
}

export async function runChecks(
    checks: Check[],
    log: (line: string) => void = () => {},
    onResult?: (done: CheckResult[]) => Promise<void>
): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    for (const check of checks) {
        const started = Date.now();
        try {
            await withTimeout(check.run(), check.timeoutMs ?? 30_000, check.name);
            results.push({ name: check.name, passed: true, ms: Date.now() - started });
            log(`✓ ${check.name} (${Date.now() - started} ms)`);
        } catch (error) {
            const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
            results.push({ name: check.name, passed: false, ms: Date.now() - started, error: message });
            log(`✗ ${check.name}: ${message}`);
        }
        await onResult?.(results);
    }
    return results;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** Polls `probe` until it returns a value other than undefined (or the time runs out). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            throw new Error(
                `waited ${timeoutMs} ms for ${what}${lastError ? ` (last error: ${lastError instanceof Error ? lastError.toString() : JSON.stringify(lastError)})` : ''}`
            );
        }
        await new Promise(resolve => setTimeout(resolve, everyMs));
    }
}

export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
}

export function assertIncludes(text: string, part: string, what: string): void {
    if (!text.includes(part)) throw new Error(`${what}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(text)}`);
}
