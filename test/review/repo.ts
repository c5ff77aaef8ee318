/** Temporary git repositories for the review tests, built with the real git. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffCommandLine } from '../../language/src/cli/diff.js';

export class TempRepo {
    readonly dir = mkdtempSync(path.join(os.tmpdir(), 'chokepoint-review-'));

    constructor(init = true) {
        if (!init) return;
        this.git('init', '-q', '-b', 'main');
        this.git('config', 'user.email', 'reviewer@example.org');
        this.git('config', 'user.name', 'Reviewer');
        this.git('config', 'commit.gpgsign', 'false');
    }

    git(...args: string[]): string {
        return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' });
    }

    write(file: string, text: string): this {
        const full = path.join(this.dir, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
        return this;
    }

    /** Stages everything and commits; returns the commit's hash. */
    commit(message: string): string {
        this.git('add', '-A');
        this.git('commit', '-q', '-m', message);
        return this.git('rev-parse', 'HEAD').trim();
    }

    remove(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

export interface DiffRun {
    code: number;
    out: string;
    err: string[];
}

/** `chokepoint diff ARGS` in-process, run in `cwd`. */
export async function diff(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<DiffRun> {
    const out: string[] = [],
        err: string[] = [];
    const code = await diffCommandLine(
        args,
        s => out.push(s),
        s => err.push(s),
        cwd,
        env
    );
    return { code, out: out.join('\n'), err };
}

/** `chokepoint diff ARGS --json`, parsed. */
export async function diffJson(cwd: string, ...args: string[]): Promise<{ code: number; report: DiffJson }> {
    const run = await diff(cwd, [...args, '--json']);
    if (run.err.length > 0) throw new Error(run.err.join('\n'));
    return { code: run.code, report: JSON.parse(run.out) as DiffJson };
}

export interface DiffJson {
    base: { rev: string; commit: string | null };
    head: { rev: string; commit: string | null };
    models: {
        file: string;
        status: string;
        renamedFrom?: string;
        declarations: { kind: string; name: string; change: string; detail: string }[];
        metrics: { scenario: string; subject: string; metric: string; material?: string; origin?: string; base: unknown; head: unknown; delta?: unknown }[];
        targets: {
            name: string;
            scenario: string;
            base: { value: number | null; pass: boolean | null } | null;
            head: { value: number | null; pass: boolean | null } | null;
        }[];
        expected?: { base: { unmet: number | null; loss: Record<string, number> } | null; head: { unmet: number | null; loss: Record<string, number> } | null };
        errors?: { base?: { file: string; line: number; message: string }[]; head?: { file: string; line: number; message: string }[] };
    }[];
    regressions: number;
}

/**
 * A one-consumer model whose numbers are worked by hand. Curb: a two-month embargo
 * (March-April) of the only supply, 100 t/month. Daily need = 100 × 12 / 365 = 3.287671 t.
 * With `stock` S days the stock holds S × 3.287671 t: 90 days = 295.9 t cover the 200 t cut
 * (unmet 0); 30 days = 98.630137 t leave 200 − 98.630137 = 101.369863 t unmet.
 */
export function makerModel(stockDays: number, extra = ''): string {
    return `horizon 2026-01 to 2026-12
supplier Mine in China { produces REE 1200 t/yr }
consumer Maker in Japan {
  needs REE 100 t/month
  stock REE ${stockDays} days
  loss 1 million JPY per t
}
flow Mine -> Maker { REE 100 t/month }
shock Cut { embargo China -> Japan on REE  from 2026-03 for 2 months }
scenario Curb probability 50% { Cut }
target NoShortage { unmet of Maker <= 0 t in Curb }
${extra}`;
}
