/** Day arithmetic on `YYYY-MM-DD` dates in UTC, for the widgets' windows (90, 180, 30 days). */

const MS_PER_DAY = 86_400_000;

const epochDay = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

/** The date `days` days after (or, negative, before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
