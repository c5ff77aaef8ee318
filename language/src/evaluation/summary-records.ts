/**
 * Run summaries as fixed-size records of a shared Float64Array, for runs collected by a thread
 * that cannot take messages meanwhile (it is writing JSON): [unmet, ttsDays (NaN for none),
 * loss per currency of the model, unmet per consumer].
 */
import type { RunSummary } from '../decisions/summary.js';
import type { LoweredModel } from '../lowering/model.js';

export function recordLength(model: LoweredModel): number {
    return 2 + model.currencies.length + model.consumers.names.length;
}

export function writeRecord(model: LoweredModel, records: Float64Array, index: number, summary: RunSummary): void {
    const at = index * recordLength(model);
    records[at] = summary.unmet;
    records[at + 1] = summary.ttsDays ?? NaN;
    model.currencies.forEach((c, k) => {
        records[at + 2 + k] = summary.loss[c] ?? 0;
    });
    summary.consumerUnmet.forEach((u, k) => {
        records[at + 2 + model.currencies.length + k] = u;
    });
}

export function readRecord(model: LoweredModel, records: Float64Array, index: number): RunSummary {
    const at = index * recordLength(model);
    const loss: Record<string, number> = {};
    model.currencies.forEach((c, k) => {
        loss[c] = records[at + 2 + k];
    });
    const from = at + 2 + model.currencies.length;
    const tts = records[at + 1];
    return {
        unmet: records[at],
        loss,
        ttsDays: Number.isNaN(tts) ? null : tts,
        consumerUnmet: Array.from(records.subarray(from, from + model.consumers.names.length))
    };
}
