/** Dates as whole UTC days since 1970-01-01, turned into `YYYY-MM-DD` only when written. */

const DAY_MS = 86_400_000;

export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today (UTC) of an instant. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whether `text` is a real `YYYY-MM-DD` day. */
export function isIsoDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    dateOf(dayOf(text)) === text
  );
}

/** `YYYY-MM` of a day. */
export function monthOfDay(day: number): string {
  return dateOf(day).slice(0, 7);
}

/** `YYYY-MM` shifted by `count` months. */
export function addMonths(month: string, count: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(total / 12);
  return `${String(year).padStart(4, "0")}-${String(total - year * 12 + 1).padStart(2, "0")}`;
}

/** The day `months` calendar months before `day` (clamped to the month's end). */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / DAY_MS);
}

/** The first day of `YYYY-MM`. */
export function firstDayOfMonth(month: string): number {
  return dayOf(`${month}-01`);
}

/**
 * Day → `YYYY-MM-DD` through a table built once per run: the transaction loop formats a million
 * dates and `toISOString` would dominate it.
 */
export class DateTable {
  private readonly texts: string[] = [];

  constructor(
    private readonly first: number,
    last: number,
  ) {
    for (let day = first; day <= last; day++) this.texts.push(dateOf(day));
  }

  text(day: number): string {
    return this.texts[day - this.first] ?? dateOf(day);
  }
}

const TWO_DIGITS: string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

/** An instant on the day `date` (`YYYY-MM-DD`) at a UTC time, as ISO 8601 with milliseconds and `Z`. */
export function instantOf(date: string, minuteOfDay: number, second = 0): string {
  return `${date}T${TWO_DIGITS[Math.floor(minuteOfDay / 60)]}:${TWO_DIGITS[minuteOfDay % 60]}:${TWO_DIGITS[second]}.000Z`;
}
