import type { ValidationAcceptor } from 'langium';
import type { Amount, LossClause, Money } from '../../generated/ast.js';
import { isFlowVolume } from '../../generated/ast.js';
import { amountText, unitKind } from '../../values/quantities.js';
import { Code } from '../codes.js';
import { code, describe, ownerOf, refName } from '../describe.js';
import { EXPECTED_TEXT, actualText, fits, placeOf } from '../places.js';

/**
 * Every number carries the kind of unit its place needs: a rate for capacities, needs,
 * flow volumes and release caps; a quantity or a duration for stock and holdings; a
 * duration for lead, for, ramp, after and delay; a plain number for plant coefficients;
 * a percentage for cuts, shares, demand changes and probabilities.
 */
export function checkAmountUnits(amount: Amount, accept: ValidationAcceptor): void {
    const place = placeOf(amount);
    if (!place || amount.low === undefined || fits(amount, place.expect)) return;
    const owner = describe(ownerOf(amount));
    accept(
        'error',
        `${placeLabel(amount, place.keyword)} in ${owner} must be ${EXPECTED_TEXT[place.expect]} such as ${code(place.example)}, ` +
            `not ${code(amountText(amount))} (${actualText(amount)}).`,
        { node: amount, code: Code.UnitKind }
    );
}

/** `the REE volume`, `` `needs REE` ``, `` `cut` ``. */
export function placeLabel(amount: Amount, keyword: string): string {
    const container = amount.$container;
    const material = container && 'material' in container ? refName(container.material) : undefined;
    if (isFlowVolume(container)) return amount.$containerProperty === 'lead' ? `the ${material} \`lead\`` : `the ${material} volume`;
    return code(material ? `${keyword} ${material}` : keyword);
}

/** `loss 195 million JPY per t`: money needs a currency; the `per` unit is a mass. */
export function checkLossMoney(loss: LossClause, accept: ValidationAcceptor): void {
    const owner = describe(loss.$container);
    if (!loss.money?.currency) {
        accept('error', `\`loss\` in ${owner} needs a currency: write e.g. ${code('loss 195 million JPY per t')}.`, {
            node: loss,
            property: loss.money ? 'money' : 'value',
            code: Code.MoneyCurrency
        });
    } else {
        checkCurrencyCode(loss.money, accept);
    }
    if (loss.per !== undefined && unitKind(loss.per) !== 'mass') {
        accept('error', `\`loss ... per\` in ${owner} must be a mass (t or kt): the loss is money per tonne of unmet need, not per ${code(loss.per)}.`, {
            node: loss,
            property: 'per',
            code: Code.UnitKind
        });
    }
}

/** `195M JPY` lexes as 195, currency `M`: say how scales are written. */
const SCALE_ABBREVIATIONS: Record<string, string> = {
    k: 'thousand',
    K: 'thousand',
    M: 'million',
    m: 'million',
    mn: 'million',
    mio: 'million',
    B: 'billion',
    b: 'billion',
    bn: 'billion',
    T: 'trillion',
    tn: 'trillion'
};

/** Codes of the currencies a rare-earth model is likely to use, to suggest `JPY` for `jpy`. */
const COMMON_CODES = new Set([
    'JPY',
    'USD',
    'EUR',
    'CNY',
    'KRW',
    'GBP',
    'AUD',
    'CAD',
    'CHF',
    'INR',
    'BRL',
    'ZAR',
    'RUB',
    'VND',
    'MYR',
    'THB',
    'IDR',
    'PHP',
    'SGD',
    'TWD',
    'HKD',
    'MXN',
    'ARS',
    'SAR',
    'TRY',
    'KZT',
    'NOK',
    'SEK',
    'DKK',
    'PLN',
    'NZD',
    'AED',
    'CLP',
    'PEN',
    'MGA',
    'TZS',
    'NAD',
    'MMK',
    'LAK'
]);

/** Currency names people write instead of codes. */
const CURRENCY_NAMES: Record<string, string> = {
    yen: 'JPY',
    dollar: 'USD',
    dollars: 'USD',
    euro: 'EUR',
    euros: 'EUR',
    yuan: 'CNY',
    rmb: 'CNY',
    renminbi: 'CNY',
    won: 'KRW',
    pound: 'GBP',
    pounds: 'GBP',
    rupee: 'INR',
    rupees: 'INR',
    ringgit: 'MYR',
    dong: 'VND'
};

/** ISO 4217 style: three capital letters. */
export function checkCurrencyCode(money: Money, accept: ValidationAcceptor): void {
    const currency = money.currency;
    if (currency === undefined || /^[A-Z]{3}$/.test(currency)) return;
    const scale = SCALE_ABBREVIATIONS[currency];
    if (scale) {
        accept('error', `'${currency}' is not a currency code: write the scale as a word and then the currency, e.g. ${code(`195 ${scale} JPY`)}.`, {
            node: money,
            property: 'currency',
            code: Code.CurrencyCode
        });
        return;
    }
    const upper = currency.toUpperCase();
    const known = CURRENCY_NAMES[currency.toLowerCase()] ?? (COMMON_CODES.has(upper) ? upper : undefined);
    const advice = known ? `write ${code(known)}` : 'use a code such as JPY, USD or EUR';
    accept('error', `'${currency}' is not a currency code: currency codes are three capital letters; ${advice}.`, {
        node: money,
        property: 'currency',
        code: Code.CurrencyCode
    });
}
