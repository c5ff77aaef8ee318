import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import { InlayHintKind } from 'vscode-languageserver';
import type { Amount } from '../../../language/src/index.js';
import {
    isAmount,
    isConsumer,
    isHolds,
    isMakes,
    isNeeds,
    isProduces,
    isFlowVolume,
    isReleaseCap,
    isRelease,
    isReserve,
    isStock
} from '../../../language/src/index.js';
import { amountRange, DAYS_PER_MONTH, days, parseNumber, tonnesPerDay, unitKind } from '../../../language/src/index.js';
import { quantityNumber } from '../../../language/src/index.js';
import { limitProblem } from '../../../language/src/index.js';
import { placeOf } from '../../../language/src/index.js';
import type { ChokepointServices } from '../chokepoint-lsp-module.js';
import type { StepUnit } from '../../../language/src/index.js';
import { dailyNeed, servedDailyNeed, stepOf } from '../model/queries.js';
import type { ChokepointSettingsService } from '../settings.js';

const DAYS_PER_STEP: Record<StepUnit, number> = { month: DAYS_PER_MONTH, week: 7, day: 1 };
const RATE_UNIT_OF_STEP: Record<StepUnit, string[]> = { month: ['t/month'], week: ['t/week'], day: ['t/day'] };

/**
 * Hints after amounts, each kind switchable (`chokepoint.inlayHints.*`):
 * - quantities: a stock or holding in days shows its tonnes (`60 days` ≈ 2,916 t), from the
 *   need of the consumer (stock) or of the consumers served (holds);
 * - rates: a rate in another unit than the model's step shows it per step
 *   (`18000 t/yr` shows `1,500 t/month`).
 */
export class ChokepointInlayHintProvider implements InlayHintProvider {
    private readonly settings: ChokepointSettingsService;
    private readonly documents;

    constructor(services: ChokepointServices) {
        this.settings = services.shared.settings.Settings;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        const { inlayHints } = await this.settings.get();
        if (!inlayHints.quantities && !inlayHints.rates) return [];
        const step = stepOf(document, this.documents);
        const range = params.range;
        const hints: InlayHint[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (!isAmount(node) || !node.$cstNode) continue;
            const end = node.$cstNode.range.end;
            if (end.line < range.start.line || end.line > range.end.line) continue;
            const label = (inlayHints.quantities ? quantityHint(node) : undefined) ?? (inlayHints.rates ? rateHint(node, step) : undefined);
            if (label) hints.push(hint(end, label));
        }
        return hints;
    }
}

function hint(position: Position, label: string): InlayHint {
    return { position, label, kind: InlayHintKind.Type, paddingLeft: true };
}

/** `≈ 2,916 t` for a stock or holding written as a duration. */
export function quantityHint(amount: Amount | undefined): string | undefined {
    // Half-typed text (`stock REE` without its amount yet) has no amount.
    if (!amount || outOfRange(amount)) return undefined;
    const container = amount.$container;
    if (!(isStock(container) || isHolds(container)) || container.amount !== amount) return undefined;
    const range = amountRange(amount);
    if (!range || !amount.unit || unitKind(amount.unit) !== 'duration') return undefined;
    const material = container.material?.$refText;
    if (!material) return undefined;
    const owner = container.$container;
    const perDay =
        isStock(container) && isConsumer(owner)
            ? dailyNeed(owner, material)
            : isHolds(container) && isReserve(owner)
              ? servedDailyNeed(owner, material)
              : undefined;
    if (perDay === undefined) return undefined;
    const tonnesText = (d: number) => quantityNumber(days(d, amount.unit!) * perDay);
    if (!Number.isFinite(days(range.high, amount.unit) * perDay)) return undefined;
    return range.isRange ? `≈ ${tonnesText(range.low)}..${tonnesText(range.high)} t` : `≈ ${tonnesText(range.mid)} t`;
}

/** `1,500 t/month` for a rate in another unit than the model's step. */
export function rateHint(amount: Amount | undefined, step: StepUnit): string | undefined {
    if (!amount || outOfRange(amount)) return undefined;
    const container = amount.$container;
    const isRatePlace =
        (isProduces(container) || isMakes(container) || isNeeds(container) || isFlowVolume(container) || isReleaseCap(container) || isRelease(container)) &&
        container.rate === amount;
    if (!isRatePlace || !amount.unit || unitKind(amount.unit) !== 'rate') return undefined;
    if (RATE_UNIT_OF_STEP[step].includes(amount.unit)) return undefined;
    const range = amountRange(amount);
    if (!range) return undefined;
    const perStep = (value: number) => perStepText(tonnesPerDay(value, amount.unit!) * DAYS_PER_STEP[step]);
    const text = range.isRange ? `${perStep(range.low)}..${perStep(range.high)}` : perStep(range.mid);
    return `${text} t/${step}`;
}

/** A number beyond its kind's limit (an `out-of-range` error) gets no hint: it has no meaning. */
function outOfRange(amount: Amount): boolean {
    const kind = placeOf(amount)?.expect;
    if (kind !== 'rate' && kind !== 'stock') return false;
    return [amount.low, amount.high].some(text => text !== undefined && limitProblem(kind, parseNumber(text), amount.unit) !== undefined);
}

const perStepText = quantityNumber;
