import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { Model } from '../../../../language/src/index.js';
import { oversizedSize } from '../../../../language/src/index.js';
import { diffLines } from './line-diff.js';
import { Printer } from './printer.js';
import { tokensOf } from './tokens.js';

/**
 * Canonical formatting (see printer.ts). A text with syntax errors is left alone: the
 * formatter must never rearrange half-typed text.
 */
export class ChokepointFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.edits(document, params.range);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument, range?: Range): TextEdit[] {
        // A file too large to be parsed has an empty syntax tree: formatting it would erase it.
        if (oversizedSize(document.parseResult.value) !== undefined) return [];
        const formatted = formatText(document);
        if (formatted === undefined) return [];
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const before = text.split(/\r?\n/);
        const after = formatted.split('\n');
        const lineStart = (line: number) => textDocument.offsetAt({ line, character: 0 });
        const edits: TextEdit[] = [];
        for (const hunk of diffLines(before, after)) {
            if (range && !touches(hunk.aStart, hunk.aEnd, range)) continue;
            const inserted = after.slice(hunk.bStart, hunk.bEnd);
            let start: number, end: number, newText: string;
            if (hunk.aStart >= before.length) {
                // Appended after the last line, which has no line break of its own.
                start = end = text.length;
                newText = inserted.map(l => eol + l).join('');
            } else if (hunk.aEnd >= before.length) {
                start = lineStart(hunk.aStart);
                end = text.length;
                newText = inserted.join(eol);
            } else {
                start = lineStart(hunk.aStart);
                end = lineStart(hunk.aEnd);
                newText = inserted.map(l => l + eol).join('');
            }
            edits.push({ range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText });
        }
        return edits;
    }
}

/** Whether old lines [from, to) (an insertion point when empty) meet the range's lines. */
function touches(from: number, to: number, range: Range): boolean {
    if (from > range.end.line) return false;
    return to > from ? to > range.start.line : from >= range.start.line;
}

/** The canonical text of a document, or undefined when it has syntax errors. */
export function formatText(document: LangiumDocument): string | undefined {
    const { parseResult } = document;
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return undefined;
    const model = parseResult.value as Model;
    if (!model.$cstNode) return undefined;
    return new Printer(tokensOf(model.$cstNode)).print(model);
}
