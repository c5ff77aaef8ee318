/**
 * The language package's second entry, for code that shows results and must not load Langium
 * (the chart webview runs in a browser): the results contract and how numbers read for people.
 * `index.ts` re-exports all of it; the client imports from here.
 */
export type * from './engine/results.js';
export type { RunJson } from './review/metric-keys.js';
export type { ReportChart, ReportChartData } from './report/report-data.js';
export {
    COMPARISON_TEXT,
    daysText,
    displayNumber,
    hhiText,
    lossText,
    metricText,
    moneyText,
    plainQuantityNumber,
    plural,
    quantityNumber,
    shareText,
    shortMoneyText,
    signedMoneyText,
    signedTonnesText,
    tonnesText
} from './values/display.js';
