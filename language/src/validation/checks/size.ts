import type { ValidationAcceptor } from 'langium';
import type { Horizon, Model } from '../../generated/ast.js';
import { isConsumer, isFlow, isPlant, isReserve, isScenario, isSupplier } from '../../generated/ast.js';
import { MAX_PERIODS, PeriodClock } from '../../lowering/calendar.js';
import { dayNumberOf } from '../../values/dates.js';
import { formatNumber } from '../../values/quantities.js';
import { isNotUtf8, MAX_DECLARATIONS, MAX_FILE_BYTES, MAX_SIMULATED_CELLS, oversizedSize } from '../../loading/size-limits.js';
import { Code } from '../codes.js';
import type { ChokepointValidator } from '../chokepoint-validator.js';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A file above the size limit (left unparsed) or with too many declarations: one error at its start. */
export function checkFileSize(model: Model, accept: ValidationAcceptor): void {
    if (isNotUtf8(model)) {
        accept('error', 'This file is not valid UTF-8 text, so it was not read; save it as UTF-8.', { node: model, range: FILE_START, code: Code.NotUtf8 });
        return;
    }
    const size = oversizedSize(model);
    if (size !== undefined) {
        accept(
            'error',
            `This file is ${megabytes(size)}; the largest file Chokepoint reads is ${megabytes(MAX_FILE_BYTES)} ` +
                `(${formatNumber(MAX_FILE_BYTES, 0)} bytes), so it was not read: split it into files that import each other.`,
            { node: model, range: FILE_START, code: Code.FileTooLarge }
        );
        return;
    }
    const count = model.declarations?.length ?? 0;
    if (count > MAX_DECLARATIONS) {
        accept(
            'error',
            `This file holds ${formatNumber(count, 0)} declarations; a file holds at most ${formatNumber(MAX_DECLARATIONS, 0)}: ` +
                'split it into files that import each other.',
            { node: model, range: FILE_START, code: Code.FileTooLarge }
        );
    }
}

/**
 * Periods × entities × runs within MAX_SIMULATED_CELLS: what a simulation computes and keeps
 * grows with it (the time and memory of one run).
 */
export function checkModelSize(v: ChokepointValidator) {
    return (horizon: Horizon, accept: ValidationAcceptor): void => {
        const start = dayNumberOf(horizon.start);
        const end = dayNumberOf(horizon.end);
        if (start === undefined || end === undefined || end < start) return;
        const { models, steps } = v.closureFacts(horizon);
        const unit = steps[0]?.unit;
        const step = unit === 'week' || unit === 'day' ? unit : 'month';
        const periods = new PeriodClock(step, start).containing(end) + 1;
        // A horizon over the period limit is reported by horizon-too-long.
        if (periods > MAX_PERIODS) return;
        let entities = 0,
            runs = 1;
        for (const model of models) {
            for (const d of model.declarations ?? []) {
                if (isSupplier(d) || isPlant(d) || isConsumer(d) || isReserve(d) || isFlow(d)) entities++;
                else if (isScenario(d)) runs++;
            }
        }
        const cells = periods * entities * runs;
        if (cells <= MAX_SIMULATED_CELLS) return;
        accept(
            'error',
            `This model would simulate ${formatNumber(periods, 0)} periods × ${formatNumber(entities, 0)} suppliers, plants, consumers, reserves and flows ` +
                `× ${formatNumber(runs, 0)} runs = ${formatNumber(cells, 0)} cells; the most supported is ${formatNumber(MAX_SIMULATED_CELLS, 0)}: ` +
                'shorten the horizon, use a longer `step`, or split the model.',
            { node: horizon, keyword: 'horizon', code: Code.ModelTooLarge }
        );
    };
}

function megabytes(bytes: number): string {
    return `${formatNumber(bytes / 1e6, 1)} MB`;
}
