/**
 * Stable diagnostic codes. A code never changes meaning once released; docs/language.md
 * lists each with what it means and how to fix it.
 */
export const Code = {
    // imports and names
    ImportNotFound: 'import-not-found',
    DuplicateName: 'duplicate-name',
    ReplacesLibrary: 'replaces-library',
} as const;

export type DiagnosticCode = typeof Code[keyof typeof Code];
