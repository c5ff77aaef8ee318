/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so that date arithmetic is exact
 * integer arithmetic and results never depend on the machine's time zone.
 */

export interface ParsedDate {
    year: number;
    month: number;
    /** 1 when only a month was written (a month means its first day). */
    day: number;
    hasDay: boolean;
}

/** Parses `2026-02` or `2026-02-15`; undefined when the text is not a real date. */
export function parseDate(text: string | undefined): ParsedDate | undefined {
    const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text ?? '');
    if (!match) return undefined;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = match[3] !== undefined ? Number(match[3]) : 1;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { year, month, day, hasDay: match[3] !== undefined };
}

/** Why `text` is not a date, for diagnostics. */
export function dateProblem(text: string): string | undefined {
    const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
    if (!match) return `'${text}' is not a date; write YYYY-MM or YYYY-MM-DD`;
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return `month ${month} does not exist in '${text}' (months are 1-12)`;
    if (match[3] !== undefined) {
        const day = Number(match[3]);
        const last = daysInMonth(year, month);
        if (day < 1 || day > last) return `day ${day} does not exist in '${text}' (${year}-${pad(month)} has ${last} days)`;
    }
    return undefined;
}

export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toDayNumber(date: ParsedDate): number {
    return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

/** Day number of a date text, or undefined when it is not a date. */
export function dayNumberOf(text: string | undefined): number | undefined {
    const parsed = parseDate(text);
    return parsed ? toDayNumber(parsed) : undefined;
}

export function fromDayNumber(dayNumber: number): ParsedDate {
    const d = new Date(dayNumber * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hasDay: true };
}

/** `YYYY-MM-DD`, as the JSON output writes dates. */
export function isoDate(dayNumber: number): string {
    const d = fromDayNumber(dayNumber);
    return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** The same day `months` months later (clamped to the month's last day). */
export function addMonths(date: ParsedDate, months: number): ParsedDate {
    const index = date.year * 12 + (date.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return { year, month, day: Math.min(date.day, daysInMonth(year, month)), hasDay: true };
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
}
