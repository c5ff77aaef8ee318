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
    hover: { at: string; includes: string[] };
    /** Completion right after `after` offers `expect`. */
    completion: { after: string; expect: string };
    /** Go to definition on `at` lands in the standard library on a line containing `target`. */
    definition: { at: string; target: string };
    /** An edit that makes an error with a message containing `message`. */
    brokenEdit: { replace: string; with: string; message: string };
    /** An edit after which the chart draws more unmet need. */
    moreUnmetEdit: { replace: string; with: string };
    /** Scenario names, baseline first, and the number of periods. */
    scenarios: string[];
    periods: number;
    /** A lens a person clicks, and what the chart then shows (a scenario, or a focused consumer). */
    lensClick: { line: string; text: string; scenario?: string; focus?: string };
    /** A scenario to run, and a consumer to focus on. */
    scenario: string;
    consumer: string;
    /** Rows of the CSV export (header excluded). */
    csvRows: number;
    /** Another file of the workspace, not open in an editor, whose export has the same scenarios. */
    closedFile: string;
    /** An edit (of the first occurrence) after which the lens on `line` shows the change against git HEAD. */
    deltaEdit: { replace: string; with: string; line: string; includes: string[] };
}

/** The language spec's own example (examples/spec/spec.choke). */
export const SPEC_FIXTURE: EditorFixture = {
    folder: 'examples/spec',
    file: 'spec.choke',
    fileLens: ['Expected:'],
    lenses: [
        // One flow into JapanIndustry, from ChinaExporters in China: 100% China, HHI 10,000 × 1².
        // The lens shows the scenario where it is most short (metrics-v2 §2): Curb, 11,644 t unmet.
        { line: 'consumer JapanIndustry in Japan', includes: ['China 100%', 'HHI 10,000', 'unmet 11,644 t'] },
        // 60 days × 1,478 t/month × 12/365 = 2,915.5 t.
        { line: 'reserve NationalStockpile in Japan', includes: ['2,916 t →', 'cover 60 days'] },
        // Only China supplies JapanIndustry in 2028-01 in either scenario (the curb ends in 2026-05).
        { line: 'target ChinaShare', includes: ['✗', '100%', '≤ 30%'] },
        { line: 'scenario Curb probability 15%', includes: ['15%', 'unmet'] }
    ],
    hover: { at: 'JapanIndustry in Japan', includes: ['consumer JapanIndustry', 'China 100%', 'unmet 11,644 t'] },
    completion: { after: 'serves ', expect: 'JapanIndustry' },
    definition: { at: 'China {', target: 'region China' },
    brokenEdit: { replace: 'serves JapanIndustry', with: 'serves ChinaExporters', message: 'supplier' },
    moreUnmetEdit: { replace: 'needs REE 1478 t/month', with: 'needs REE 2000 t/month' },
    scenarios: ['baseline', 'Curb'],
    // 2026-01 to 2028-12, monthly: 3 × 12 periods.
    periods: 36,
    lensClick: { line: 'scenario Curb probability 15%', text: '15%', scenario: 'Curb' },
    scenario: 'Curb',
    consumer: 'JapanIndustry',
    // 2 scenarios × 36 periods × (JapanIndustry·REE + NationalStockpile·REE).
    csvRows: 2 * 36 * 2,
    // Imported by spec.choke: its results are spec.choke's.
    closedFile: 'world.choke',
    // JapanIndustry's own stock 30 -> 45 days: its cover at the start, 90 -> 105 days.
    deltaEdit: { replace: 'stock REE 30 days', with: 'stock REE 45 days', line: 'consumer JapanIndustry in Japan', includes: ['cover 105 days (+15 vs HEAD)'] }
};

/** Japan's rare-earth model (examples/japan-2026): japan.choke, simulated through main.choke. */
export const JAPAN_FIXTURE: EditorFixture = {
    folder: 'examples/japan-2026',
    file: 'japan.choke',
    fileLens: [],
    lenses: [
        // First period arrivals into Automotive: China 570, Vietnam 110, France 40, Other 19, Malaysia 1 = 740 t.
        // China 570/740 = 77.03%; HHI = 10,000 × (570² + 110² + 40² + 19² + 1²)/740² = 6,189.96.
        // Shown for its most short scenario, gradual escalation: 182 t unmet.
        { line: 'consumer Automotive', includes: ['China 77%', 'HHI 6,190', 'unmet 182 t'] },
        // Defence: China 97/148 = 65.54%; HHI = 10,000 × (97² + 26² + 9² + 16²)/148² = 4,758.0;
        { line: 'consumer Defence', includes: ['China 65.5%', 'HHI 4,758'] },
        // 180 days × 148 t/month × 12/365 = 875.8 t.
        { line: 'reserve HighRiskStockpile', includes: ['876 t →', 'cover 180 days'] },
        // 60 days × (740 + 370 + 220 + 148 = 1,478 t/month) × 12/365 = 2,915.5 t.
        { line: 'reserve NationalStockpile', includes: ['2,916 t →', 'cover 60 days'] }
    ],
    hover: { at: 'Automotive "Automotive and EV"', includes: ['consumer Automotive', 'China 77%', 'unmet 182 t'] },
    completion: { after: 'serves Defence, ', expect: 'Automotive' },
    definition: { at: 'Japan {', target: 'region Japan' },
    brokenEdit: { replace: 'serves Defence', with: 'serves ChinaExporters', message: 'supplier' },
    moreUnmetEdit: { replace: 'needs REE 740 t/month', with: 'needs REE 1400 t/month' },
    scenarios: ['baseline', 'ManagedDetente', 'GradualEscalation', 'ShockEmbargo', 'DualSystem', 'CurbOnly'],
    // 2026-01 to 2030-12, monthly: 5 × 12 periods.
    periods: 60,
    lensClick: { line: 'consumer Automotive', text: 'China 77%', focus: 'Automotive' },
    scenario: 'ShockEmbargo',
    consumer: 'Automotive',
    // 6 scenarios × 60 periods × (4 consumers + 2 reserves, one material each).
    csvRows: 6 * 60 * 6,
    closedFile: 'main.choke',
    // Automotive's own stock 30 -> 45 days (its first `stock` line): cover 90 -> 105 days.
    deltaEdit: { replace: 'stock REE 30 days', with: 'stock REE 45 days', line: 'consumer Automotive', includes: ['cover 105 days (+15 vs HEAD)'] }
};
