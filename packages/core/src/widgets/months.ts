/** Calendar helpers on `YYYY-MM-DD` dates and `YYYY-MM` months, all in UTC. */

/** Today's UTC date for an injected clock. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The `YYYY-MM` month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `count` months after (or, negative, before) `month`. */
export function addMonths(month: string, count: number): string {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + (Number(month.slice(5, 7)) - 1) + count;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included, oldest first; empty when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The last `count` months ending with the current (UTC) month, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const current = monthOf(todayOf(now));
  return monthRange(addMonths(current, 1 - count), current);
}

/** The first day of a month, `YYYY-MM-01`. */
export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** How many days a month (1–12) of a year has, Gregorian leap years included. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The last day of a month (28–31). */
export function lastDayOf(month: string): string {
  return `${month}-${daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))}`;
}

/**
 * One entry per month of the range, oldest first: the value found for that month, or the
 * empty value, so a chart never misses a month.
 */
export function fillMonths<T>(
  months: readonly string[],
  found: ReadonlyMap<string, T>,
  empty: () => T,
): { month: string; value: T }[] {
  return months.map((month) => ({ month, value: found.get(month) ?? empty() }));
}
