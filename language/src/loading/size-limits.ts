import type { Cancellation, LangiumDocument, LangiumSharedCoreServices, ParseResult, TextDocument, URI } from 'langium';

type CancellationToken = Cancellation.CancellationToken;
import { DefaultLangiumDocumentFactory } from 'langium';
import { readFileSync, statSync } from 'node:fs';

/**
 * Size limits (docs/language.md, "Size limits"): a file of a few megabytes or a model simulated
 * over millions of cells would block the editor for minutes and take gigabytes. A file above
 * MAX_FILE_BYTES is never parsed: its document is an empty model, and the check
 * `file-too-large` reports it at its first line. So a huge file anywhere in the workspace costs a
 * `stat` and its text, never a parse, and never delays the lenses of the file being edited.
 */
export const MAX_FILE_BYTES = 1_000_000;
/** The most declarations one file may hold (a 1 MB file of short lines could hold 40,000). */
export const MAX_DECLARATIONS = 10_000;
/** Periods × entities simulated (suppliers, plants, consumers, reserves, flows) × runs (baseline + scenarios). */
export const MAX_SIMULATED_CELLS = 20_000_000;

/** The size of the text of each model left unparsed for its size (the model is empty). */
const oversizedModels = new WeakMap<object, number>();

/** Models of files that are not valid UTF-8 (left empty). */
const notUtf8Models = new WeakSet<object>();

/** Whether this model stands for a file on disk that is not valid UTF-8 text. */
export function isNotUtf8(model: object): boolean {
    return notUtf8Models.has(model);
}

/** The size in bytes (or characters) of the file this model stands for, when it was too large to parse. */
export function oversizedSize(model: object): number | undefined {
    return oversizedModels.get(model);
}

/** Parses only texts within MAX_FILE_BYTES; a larger one becomes an empty model, recorded as oversized. */
export class SizeLimitedDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Sizes of files found too large by `stat`, until their (empty) text is parsed. */
    private readonly statSizes = new Map<string, number>();
    /** Files on disk that are not valid UTF-8, until their (empty) text is parsed. */
    private readonly notUtf8 = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** A file on disk above the limit is not even read. */
    override async getInitialText(uri: URI, token: CancellationToken): Promise<string> {
        const size = uri.scheme === 'file' ? fileSize(uri.fsPath) : undefined;
        if (size !== undefined && size > MAX_FILE_BYTES) {
            this.statSizes.set(uri.toString(), size);
            return '';
        }
        if (uri.scheme === 'file') {
            // Strict UTF-8, as the CLI reads files (load.ts): a binary file is reported, never parsed as mojibake.
            const bytes = readFileSync(uri.fsPath);
            try {
                return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            } catch {
                this.notUtf8.add(uri.toString());
                return '';
            }
        }
        return super.getInitialText(uri, token);
    }

    /** The same for a file changed on disk that the client has not opened. */
    override async getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, token: CancellationToken): Promise<string> {
        return textDocument ? textDocument.getText() : this.getInitialText(document.uri, token);
    }

    override parse<T extends object>(uri: URI, text: string, options?: unknown): ParseResult<T> {
        this.markNotUtf8(uri, text);
        const size = this.oversize(uri, text);
        const result = super.parse(uri, size === undefined ? text : '', options as never) as ParseResult<T>;
        if (size !== undefined) oversizedModels.set(result.value, size);
        return result;
    }

    override async parseAsync<T extends object>(uri: URI, text: string, token: CancellationToken): Promise<ParseResult<T>> {
        const invalid = this.notUtf8.delete(uri.toString()) && text.length === 0;
        if (invalid) {
            const result = (await super.parseAsync(uri, '', token)) as ParseResult<T>;
            notUtf8Models.add(result.value);
            return result;
        }
        const size = this.oversize(uri, text);
        const result = (await super.parseAsync(uri, size === undefined ? text : '', token)) as ParseResult<T>;
        if (size !== undefined) oversizedModels.set(result.value, size);
        return result;
    }

    private markNotUtf8(uri: URI, text: string): void {
        // Synchronous parses (fromString) never come from disk: nothing to mark, only to forget.
        if (text.length > 0) this.notUtf8.delete(uri.toString());
    }

    /** The size of a text too large to parse, undefined for one within the limit. */
    private oversize(uri: URI, text: string): number | undefined {
        const key = uri.toString();
        const statSize = this.statSizes.get(key);
        this.statSizes.delete(key);
        if (text.length === 0 && statSize !== undefined) return statSize;
        // Characters, not bytes: a lower bound of the bytes, counted without encoding the text.
        return text.length > MAX_FILE_BYTES ? text.length : undefined;
    }
}

function fileSize(file: string): number | undefined {
    try {
        return statSync(file).size;
    } catch {
        return undefined;
    }
}
