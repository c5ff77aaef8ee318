/**
 * `run --timings`: how long each phase of a run took, on stderr so that stdout stays the
 * results. Shows where the time of a large model goes (docs/performance.md).
 */
import { DocumentState, type LangiumSharedCoreServices } from 'langium';

export class PhaseTimes {
    /** Whether a run in this process has counted the process's startup already. */
    private static started = false;
    private readonly phases: { name: string; ms: number }[] = [];
    private last: number;

    constructor() {
        this.last = performance.now();
        // performance.now() counts from the start of the process: for the first run in a
        // process, this much went to starting Node and loading the CLI.
        if (!PhaseTimes.started) this.phases.push({ name: 'startup', ms: this.last });
        PhaseTimes.started = true;
    }

    /** Ends the phase running since the last mark. */
    mark(name: string): void {
        const now = performance.now();
        this.phases.push({ name, ms: now - this.last });
        this.last = now;
    }

    /** Marks the end of parsing, linking and validation as the document builder reaches them. */
    watchBuild(shared: LangiumSharedCoreServices): void {
        const builder = shared.workspace.DocumentBuilder;
        const once = (state: DocumentState, name: string) => {
            let seen = false;
            builder.onBuildPhase(state, () => {
                if (!seen) this.mark(name);
                seen = true;
            });
        };
        once(DocumentState.IndexedContent, 'read and parse');
        once(DocumentState.Linked, 'link');
        once(DocumentState.Validated, 'validate');
    }

    /** One line: every phase in order, then the total. */
    summary(): string {
        const total = this.phases.reduce((sum, p) => sum + p.ms, 0);
        return `timings: ${this.phases.map(p => `${p.name} ${Math.round(p.ms)} ms`).join(', ')}; total ${Math.round(total)} ms`;
    }
}
