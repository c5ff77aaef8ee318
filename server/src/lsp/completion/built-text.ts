import type { CstNode, LangiumDocument, RootCstNode } from 'langium';

/**
 * The client's text of a document beside the syntax tree last built from it, which lags
 * behind while a rebuild is pending or running. Completion and hover answer from that tree
 * at once (they never wait for the rebuild): positions in the client's text are mapped onto
 * it through the common prefix and suffix of the two texts, and text that only the client has
 * (the changed span) maps to nothing.
 */
export class BuiltText {
    /** The client's text (what the request's positions are in). */
    readonly text: string;
    readonly cst: RootCstNode;
    /** Length of the common start of both texts. */
    readonly prefix: number;
    /** Length of the common end of both texts (not overlapping the prefix). */
    readonly suffix: number;
    /** Client's length minus built length. */
    readonly delta: number;
    private readonly builtLength: number;

    constructor(text: string, cst: RootCstNode) {
        this.text = text;
        this.cst = cst;
        const built = cst.fullText;
        this.builtLength = built.length;
        this.delta = text.length - built.length;
        const shortest = Math.min(text.length, built.length);
        let prefix = 0;
        if (text === built) prefix = shortest;
        else while (prefix < shortest && text.charCodeAt(prefix) === built.charCodeAt(prefix)) prefix++;
        let suffix = 0;
        while (suffix < shortest - prefix && text.charCodeAt(text.length - 1 - suffix) === built.charCodeAt(built.length - 1 - suffix)) suffix++;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** The built tree of a document and the client's text; undefined before any parse. */
    static of(document: LangiumDocument): BuiltText | undefined {
        const cst = document.parseResult?.value?.$cstNode?.root;
        return cst ? new BuiltText(document.textDocument.getText(), cst) : undefined;
    }

    /** True when the tree is of the client's text. */
    get current(): boolean {
        return this.delta === 0 && this.prefix === this.text.length;
    }

    /** The offset in the built text of a client offset outside the changed span, else undefined. */
    toBuilt(offset: number): number | undefined {
        if (offset <= this.prefix) return offset;
        if (offset >= this.text.length - this.suffix) return offset - this.delta;
        return undefined;
    }

    /** `toBuilt`, or for an offset inside the changed span the start of that span (what precedes it). */
    toBuiltNearest(offset: number): number {
        return this.toBuilt(offset) ?? this.prefix;
    }

    /** The client offset of a built offset outside the changed span, else undefined. */
    toClient(builtOffset: number): number | undefined {
        if (builtOffset <= this.prefix) return builtOffset;
        if (builtOffset >= this.builtLength - this.suffix) return builtOffset + this.delta;
        return undefined;
    }

    /**
     * Where the completion parser may start instead of the top of the file: the start of the
     * last top-level item (declaration, import, horizon, step) that starts at or before
     * `offset` in text both versions share. The entry rule is a plain repetition of items, so
     * parsing from there sees the same grammar state as parsing from 0; 0 when there is none.
     */
    restartBefore(offset: number): number {
        const limit = Math.min(offset, this.prefix);
        const items: readonly CstNode[] = this.cst.content;
        let low = 0,
            high = items.length - 1,
            found = 0;
        while (low <= high) {
            const mid = (low + high) >> 1;
            const start = items[mid].offset;
            if (start <= limit) {
                if (!items[mid].hidden) found = start;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        // Any item start at or before the limit is safe; the binary search finds a late one.
        return found;
    }
}
