/**
 * The figures of the Japan 2026 example, as the .choke files state them, and the unit
 * arithmetic every hand computation in these tests starts from.
 */

/** A month is 365/12 days (spec §1). */
export const DAYS_PER_MONTH = 365 / 12;

/** January 2026 imports by origin, t/month (facts sheet). */
export const CHINA = 1127,
    VIETNAM = 221,
    FRANCE = 79,
    MALAYSIA = 1,
    OTHERS = 50;
export const TOTAL = CHINA + VIETNAM + FRANCE + MALAYSIA + OTHERS; // 1,478

/** Needs by sector, t/month, and their flows from each origin (japan.choke). */
export const NEED = { Automotive: 740, Electrical: 370, Precision: 220, Defence: 148 } as const;
export const FROM_CHINA = { Automotive: 570, Electrical: 290, Precision: 170, Defence: 97 } as const;

/** Tonnes in `days` of a need of `perMonth` t/month. */
export const daysOf = (days: number, perMonth: number) => (days * perMonth) / DAYS_PER_MONTH;

/** Own stock: 30 days of each sector's need. */
export const OWN_STOCK = {
    Automotive: daysOf(30, NEED.Automotive), // 729.863014
    Electrical: daysOf(30, NEED.Electrical), // 364.931507
    Precision: daysOf(30, NEED.Precision), // 216.986301
    Defence: daysOf(30, NEED.Defence) // 145.972603
};

/** The stockpile's standard tier: 60 days of all four sectors; the high-risk tier: 180 days of defence. */
export const NATIONAL = daysOf(60, TOTAL); // 2,915.506849 t
export const HIGH_RISK = daysOf(180, NEED.Defence); // 875.835616 t

/** Loss per tonne: NRI's JPY 660 billion over 3 x 1,127 t is about JPY 195 million. */
export const LOSS_PER_T = 195e6;

/** Spare capacity for switches, t/month: capacity minus contracted flows (world.choke). */
export const SPARE = { Vietnam: 250 - 221, France: 100 - 79, Others: 80 - 50 }; // 29 + 21 + 30 = 80

/** Σ f(k) for k = from..to (inclusive): the arithmetic series of ramped measures. */
export function sum(from: number, to: number, f: (k: number) => number): number {
    let total = 0;
    for (let k = from; k <= to; k++) total += f(k);
    return total;
}

/** Day of a period's month at which a stock covering fraction f of the gap runs out. */
export function dayIn(monthStart: string, f: number, daysInMonth: number): string {
    const day = 1 + Math.floor(f * daysInMonth);
    return `${monthStart.slice(0, 8)}${String(day).padStart(2, '0')}`;
}
