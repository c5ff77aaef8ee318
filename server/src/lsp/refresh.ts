/**
 * One kind of `workspace/.../refresh` request (code lenses, inlay hints), coalesced: every
 * request made within `delayMs` goes out as one, and none goes out while the previous one is
 * unanswered (it is sent once the client answers). VS Code drops a lens clicked while it swaps
 * lenses ("Actual command not found"), so several refreshes in a row lose clicks.
 */
export class CoalescedRefresh {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private inFlight = false;
    private wanted = false;
    private disposed = false;

    /**
     * @param send sends the request; its promise settles with the client's answer.
     * @param answerTimeoutMs a client that never answers must not stop refreshes for good.
     */
    constructor(
        private readonly send: () => Promise<unknown>,
        private readonly delayMs = 15,
        private readonly answerTimeoutMs = 5000
    ) {}

    request(): void {
        if (this.disposed) return;
        this.wanted = true;
        if (this.timer === undefined && !this.inFlight) this.timer = setTimeout(() => this.flush(), this.delayMs);
    }

    /** Sends nothing more (the server is shutting down). */
    dispose(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.disposed = true;
    }

    private flush(): void {
        this.timer = undefined;
        if (!this.wanted || this.inFlight || this.disposed) return;
        this.wanted = false;
        this.inFlight = true;
        let timeout: ReturnType<typeof setTimeout> | undefined;
        const answered = new Promise<void>(resolve => {
            timeout = setTimeout(resolve, this.answerTimeoutMs);
        });
        // A client that went away or refuses is no reason to fail: refreshes are hints.
        void Promise.race([this.send().catch(() => undefined), answered]).then(() => {
            clearTimeout(timeout);
            this.inFlight = false;
            // Asked for again while the client was answering: one more, for all of them.
            if (this.wanted) this.request();
        });
    }
}
