import { createCompletionParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

type CompletionParse = ReturnType<LangiumCompletionParser['parse']>;

/**
 * Langium builds its completion parser (a second analysis of the whole grammar, some 50 ms)
 * when the server initializes, before the first file is parsed, so every start waited for it
 * before its first lenses. Completion is the only reader: this builds it on the first
 * completion, or once the first lenses have gone out (`prepareWhenIdle`), whichever is first.
 */
export class DeferredCompletionParser {
    private parser: LangiumCompletionParser | undefined;
    private idleTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly services: LangiumCoreServices) {}

    parse(input: string): CompletionParse {
        return this.prepare().parse(input);
    }

    /** True once the grammar analysis is done (tests). */
    get prepared(): boolean {
        return this.parser !== undefined;
    }

    prepare(): LangiumCompletionParser {
        clearTimeout(this.idleTimer);
        return (this.parser ??= createCompletionParser(this.services));
    }

    /**
     * Builds it a little later, so the answer just sent is not held up behind it, and not while
     * `busy` says an edit is waiting to be built (that rebuild comes first).
     */
    prepareWhenIdle(busy: () => boolean = () => false, delayMs = IDLE_DELAY_MS): void {
        if (this.parser || this.idleTimer) return;
        const attempt = () => {
            this.idleTimer = undefined;
            if (busy()) this.prepareWhenIdle(busy, delayMs);
            else this.prepare();
        };
        this.idleTimer = setTimeout(attempt, delayMs);
        this.idleTimer.unref?.();
    }
}

/** Long enough for the client to draw the lenses it was sent; short next to a user's first completion. */
const IDLE_DELAY_MS = 100;

/** Langium's type for the service; completion calls nothing but `parse` on it. */
export function deferredCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return new DeferredCompletionParser(services) as unknown as LangiumCompletionParser;
}

export function isDeferredCompletionParser(parser: unknown): parser is DeferredCompletionParser {
    return parser instanceof DeferredCompletionParser;
}
