import type { ValidationAcceptor } from 'langium';
import { isDependencyMetric, type Condition, type Subject } from '../../generated/ast.js';
import { amountText, parseNumber, unitKind } from '../../values/quantities.js';
import { Code } from '../codes.js';
import { code, describe } from '../describe.js';
import { SUBJECT_EXPECTATIONS, kindWord, kindsPhrase, withArticle } from '../kinds.js';
import { actualText } from '../places.js';
import { checkCurrencyCode } from './units.js';

/** Each metric form accepts its own subjects: `cover of` a reserve, consumer or region; blocs and `*` for every other metric. */
export function checkMetricSubject(subject: Subject, accept: ValidationAcceptor): void {
    const metric = subject.$container;
    const expected = metric && SUBJECT_EXPECTATIONS[metric.$type];
    if (!expected) return;
    const form = isDependencyMetric(metric) && metric.embedded ? 'embedded dependency of' : expected.form;
    if (subject.everyone) {
        if (expected.anywhere) return;
        accept(
            'error',
            `\`${form} *\` is not a metric: \`${form}\` needs ${kindsPhrase(expected.kinds)} (\`*\`, every consumer together, works for every metric but cover).`,
            { node: subject, code: Code.MetricSubject }
        );
        return;
    }
    const target = subject.entity?.ref;
    if (!target || expected.kinds.includes(target.$type)) return;
    accept(
        'error',
        `'${subject.entity?.$refText}' is ${withArticle(kindWord(target.$type) ?? target.$type)}; \`${form}\` needs ${kindsPhrase(expected.kinds)}.`,
        { node: subject, property: 'entity', code: Code.MetricSubject }
    );
}

interface ThresholdRule {
    unit: string;
    example: string;
    fits: (c: Condition) => boolean;
    max?: number;
}

const PERCENT: ThresholdRule = { unit: 'a percentage', example: '30%', fits: c => c.threshold.percent && !c.money, max: 100 };

const THRESHOLDS: Record<string, ThresholdRule> = {
    DependencyMetric: PERCENT,
    FillMetric: { ...PERCENT, example: '95%' },
    HhiMetric: { unit: 'a plain number from 0 to 10,000', example: '2500', fits: c => !c.threshold.percent && !c.threshold.unit && !c.money, max: 10_000 },
    CoverMetric: {
        unit: 'days',
        example: '90 days',
        fits: c => !c.threshold.percent && (c.threshold.unit === 'days' || c.threshold.unit === 'day') && !c.money
    },
    UnmetMetric: { unit: 'tonnes (t or kt)', example: '0 t', fits: c => !c.threshold.percent && unitKind(c.threshold.unit) === 'mass' && !c.money },
    LossMetric: { unit: 'money with a currency', example: '660 billion JPY', fits: c => !c.threshold.percent && !c.threshold.unit && !!c.money?.currency }
};

const METRIC_WORD: Record<string, string> = {
    DependencyMetric: 'dependency',
    FillMetric: 'fill',
    HhiMetric: 'hhi',
    CoverMetric: 'cover',
    UnmetMetric: 'unmet',
    LossMetric: 'loss'
};

/**
 * A threshold is in its metric's unit: a percentage for dependency and fill, a plain number
 * for hhi, days for cover, t or kt for unmet, money with a currency for loss.
 */
export function checkConditionThreshold(condition: Condition, accept: ValidationAcceptor): void {
    const type = condition.metric?.$type;
    const rule = type && THRESHOLDS[type];
    const threshold = condition.threshold;
    if (!rule || !threshold || threshold.low === undefined) return;
    const owner = describe(condition.$container);
    if (!rule.fits(condition)) {
        const written = textOfThreshold(condition);
        const actual = condition.money
            ? condition.money.currency
                ? 'money'
                : 'money without a currency'
            : type === 'CoverMetric' && unitKind(threshold.unit) === 'duration'
              ? 'a duration not in days'
              : actualText(threshold);
        accept(
            'error',
            `The threshold of \`${METRIC_WORD[type]}\` in ${owner} must be ${rule.unit} such as ${code(rule.example)}, not ${code(written)} (${actual}).`,
            { node: condition, property: 'threshold', code: Code.ThresholdUnit }
        );
        return;
    }
    if (condition.money) checkCurrencyCode(condition.money, accept);
    const high = parseNumber(threshold.high ?? threshold.low);
    if (rule.max !== undefined && high > rule.max && parseNumber(threshold.low) >= 0) {
        accept(
            'error',
            `The threshold of \`${METRIC_WORD[type]}\` in ${owner} is ${code(amountText(threshold))}; it cannot exceed ${rule.max === 100 ? '100%' : '10,000'}.`,
            { node: condition, property: 'threshold', code: Code.OutOfRange }
        );
    }
}

function textOfThreshold(condition: Condition): string {
    const money = condition.money ? ` ${[condition.money.scale, condition.money.currency].filter(Boolean).join(' ')}` : '';
    return `${amountText(condition.threshold)}${money}`;
}
