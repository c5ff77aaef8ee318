/**
 * Gradual escalation worked by hand, month by month (period t: 0 = January 2026), shared by
 * the escalation test and the expected values. Every line is arithmetic on the example's
 * figures; nothing here runs the engine.
 */
import { HIGH_RISK, NATIONAL, OWN_STOCK, sum } from './figures.js';

// Recycling: 15% of need, phased in over 36 months from January 2026: in period t (0 =
// January 2026) a share 0.15 x (t+1)/36, full from t = 35.
export const recycledAuto = (t: number) => 740 * 0.15 * Math.min(1, (t + 1) / 36); // 3.083333 x (t+1)
export const recycledElec = (t: number) => 370 * 0.15 * Math.min(1, (t + 1) / 36); // 1.541667 x (t+1)

// Arrivals after October's 20% cut (shipped from October with the two-month lead, so from
// December, t >= 11): automotive 740 - 0.2 x 570 = 626; heavy electrical 370 - 290 x
// (1 - 0.75 x 0.8) = 254 (cuts multiply); precision 220 - 0.2 x 170 = 186.
export const autoShort = (t: number) => 740 - recycledAuto(t) - 626; // 114 - 3.083333 (t+1)
export const elecShort = (t: number) => 370 - recycledElec(t) - 254; // 116 - 1.541667 (t+1)
export const precShort = 220 - 186; // 34

// The standard tier, month by month (the 500 t cap never binds here).
// Heavy electrical: March-June short 72.5 - 1.541667 (t+1), from own stock (262.25 t);
// July: 370 - 10.791667 - 80 = 279.208333, own stock's last 102.681507, the rest released.
const elecOwnMarchJune = sum(2, 5, t => 72.5 - recycledElec(t)); // 262.25
const elecJuly = 370 - recycledElec(6) - 80 - (OWN_STOCK.Electrical - elecOwnMarchJune); // 176.526027
const elecAugNov = sum(7, 10, t => 72.5 - recycledElec(t)); // 231.416667
const elecFromDec = (to: number) => sum(11, to, elecShort);
// Precision: July 170 from own stock; December 34; January 2027 the last 12.986301, then 34 a month.
const precLeftJan = OWN_STOCK.Precision - 170 - 34; // 12.986301
// Automotive: July 548.416667 from own stock, refilled by the recycled surplus Aug-Nov,
// then drawn again from December until it runs out in April 2027.
const autoStockApril = OWN_STOCK.Automotive - (740 - recycledAuto(6) - 170) + sum(7, 10, recycledAuto) - sum(11, 14, autoShort); // 9.113014
const releasedThroughMarch2028 =
    elecJuly +
    elecAugNov +
    elecFromDec(26) +
    (precShort - precLeftJan) +
    precShort * 14 + // January 2027 .. March 2028
    (autoShort(15) - autoStockApril) +
    sum(16, 26, autoShort); // April 2027 .. March 2028
export const leftApril2028 = NATIONAL - releasedThroughMarch2028; // 72.162671 t

// What is left unmet once the standard tier is dry.
// April 2028: automotive (high) is served in full, electrical gets the rest, precision nothing.
export const elecApril = elecShort(27) - (leftApril2028 - autoShort(27)); // 28.337
export const autoUnmet = sum(28, 59, autoShort); // 107.333 + 25 x 3 = 182.333
export const elecUnmet = elecApril + sum(28, 59, elecShort); // 28.337 + 466.667 + 1,512.5
export const precUnmet = precShort * (59 - 27 + 1); // 34 x 33 = 1,122
// Defence: 17 t/month short after dual sourcing, from the high-risk tier until it is
// dry (21 April 2030, as in the shock embargo), then unmet: the standard tier is gone.
export const defenceUnmet = 17 * 9 - (HIGH_RISK - (97 - (OWN_STOCK.Defence - 97)) - 48 * 17); // 141.191781
export const totalUnmet = autoUnmet + elecUnmet + precUnmet + defenceUnmet; // 3,453.029109 t
