/**
 * What the in-editor checks expect of the example they open. Places in the text are given
 * by a unique piece of it, so the checks survive edits elsewhere in the example. Every
 * number is worked out by hand from the example (arithmetic next to it).
 */

export interface LensExpectation {
    /** Text on the line the lens sits above (unique in the file). */
    line: string;
    /** Parts the lens title must contain. */
    includes: string[];
}

export interface EditorFixture {
    /** Folder (relative to the repository) copied as the workspace. */
    folder: string;
    /** File of the workspace the checks open. */
    file: string;
    /** The lens on the file's first line. */
    fileLens: string[];
    lenses: LensExpectation[];
    hover: { at: string, includes: string[] };
    /** Completion right after `after` offers `expect`. */
    completion: { after: string, expect: string };
    /** Go to definition on `at` lands in the standard library on a line containing `target`. */
    definition: { at: string, target: string };
    /** An edit that makes an error with a message containing `message`. */
    brokenEdit: { replace: string, with: string, message: string };
    /** An edit after which the chart draws more unmet need. */
    moreUnmetEdit: { replace: string, with: string };
    /** Scenario names, baseline first, and the number of periods. */
    scenarios: string[];
    periods: number;
    /** A scenario to run, and a consumer to focus on. */
    scenario: string;
    consumer: string;
    /** Rows of the CSV export (header excluded). */
    csvRows: number;
}

/** The language spec's own example (examples/spec/spec.choke). */
export const SPEC_FIXTURE: EditorFixture = {
    folder: 'examples/spec',
    file: 'spec.choke',
    fileLens: ['Expected:'],
    lenses: [
        // One flow into JapanIndustry, from ChinaExporters in China: 100% China, HHI 10,000 × 1².
        // Cover: own stock 30 days + the reserve's 60 days of the same need = 90 days.
        { line: 'consumer JapanIndustry in Japan', includes: ['China 100%', 'HHI 10,000', 'cover 90 days'] },
        // 60 days × 1,478 t/month × 12/365 = 2,915.5 t.
        { line: 'reserve NationalStockpile in Japan', includes: ['stock 2,916 t', 'cover 60 days'] },
        // Only China supplies JapanIndustry in 2028-01 in either scenario (the curb ends in 2026-05).
        { line: 'target ChinaShare', includes: ['✗', '100%', '≤ 30%'] },
        { line: 'scenario Curb probability 15%', includes: ['15%', 'unmet'] }
    ],
    hover: { at: 'JapanIndustry in Japan', includes: ['JapanIndustry'] },
    completion: { after: 'serves ', expect: 'JapanIndustry' },
    definition: { at: 'China {', target: 'region China' },
    brokenEdit: { replace: 'serves JapanIndustry', with: 'serves ChinaExporters', message: 'supplier' },
    moreUnmetEdit: { replace: 'needs REE 1478 t/month', with: 'needs REE 2000 t/month' },
    scenarios: ['baseline', 'Curb'],
    // 2026-01 to 2028-12, monthly: 3 × 12 periods.
    periods: 36,
    scenario: 'Curb',
    consumer: 'JapanIndustry',
    // 2 scenarios × 36 periods × (JapanIndustry·REE + NationalStockpile·REE).
    csvRows: 2 * 36 * 2
};
