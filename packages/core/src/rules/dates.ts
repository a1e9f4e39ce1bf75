import type { z } from "zod";
import { type Check, type Checked, invalid, valid } from "./field";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

const isCalendarDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const offsetMinutes = (zone: string | undefined): number | null => {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
};

const outOfRange = (label: string) =>
  invalid(`${label} must be a real calendar date between 1900-01-01 and 9999-12-31`);

/** A bare `YYYY-MM-DD` that exists within the years kept; null when the text has another shape. */
function calendarDate(value: string, label: string): Checked<string> | null {
  const date = DATE.exec(value);
  if (!date) return null;
  const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
  return year < MIN_YEAR || !isCalendarDate(year, month, day) ? outOfRange(label) : valid(value);
}

/**
 * The instant an ISO 8601 timestamp names, or null when the text has another shape. Without an
 * offset it is read as UTC; `requireZone` refuses that instead.
 */
function instant(value: string, label: string, requireZone: boolean): Checked<Date> | null {
  const stamp = TIMESTAMP.exec(value);
  if (!stamp || (requireZone && stamp[8] === undefined)) return null;
  const [year, month, day, hour, minute, second] = stamp.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const milliseconds = Number((stamp[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offset = offsetMinutes(stamp[8]);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || offset === null) {
    return invalid(`${label} must be a real date and time`);
  }
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000);
  // Outside these years the ISO form gains a sign and six digits, and would not read back.
  if (utc.getUTCFullYear() < MIN_YEAR || utc.getUTCFullYear() > MAX_YEAR) return outOfRange(label);
  return valid(utc);
}

const utcDateOf = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;

/**
 * A calendar date `YYYY-MM-DD` (years 1900–9999, so the usual 9999-12-31 "open end" fits). A full
 * ISO 8601 timestamp is accepted and its UTC date taken; one without an offset is read as UTC,
 * as every date in this system is.
 */
export const isoDate: Check<string> = (value, label) => {
  const date = calendarDate(value, label);
  if (date) return date;
  const stamp = instant(value, label, false);
  if (!stamp) return invalid(`${label} must be a date in the form YYYY-MM-DD`);
  return stamp.ok ? valid(utcDateOf(stamp.value)) : stamp;
};

/**
 * An instant, answered in UTC to the millisecond (`2025-01-31T07:30:00.000Z`): an ISO 8601
 * timestamp with its offset, or a bare date meaning its UTC midnight. Unlike a date, a time
 * without an offset is refused: reading a local clock as UTC would move the event by hours.
 */
export const isoTimestamp: Check<string> = (value, label) => {
  const date = calendarDate(value, label);
  if (date) return date.ok ? valid(`${date.value}T00:00:00.000Z`) : date;
  const stamp = instant(value, label, true);
  if (!stamp)
    return invalid(`${label} must be an ISO 8601 timestamp with an offset, such as 2025-01-31T09:30:00Z`);
  return stamp.ok ? valid(stamp.value.toISOString()) : stamp;
};

/** A calendar month `YYYY-MM`, in the years dates are kept. */
export const yearMonth: Check<string> = (value, label) => {
  const match = MONTH.exec(value);
  const [year, month] = [Number(match?.[1]), Number(match?.[2])];
  if (match && year >= MIN_YEAR && month >= 1 && month <= 12) return valid(value);
  return invalid(`${label} must be a month in the form YYYY-MM, between 1900-01 and 9999-12`);
};

/**
 * A refinement of an object with two dates: `later`, when both are set, is not before `earlier`.
 * `YYYY-MM-DD` strings order as the dates they name.
 */
export const notBefore =
  <K extends string>(later: K, earlier: K) =>
  (value: Record<K, string | null | undefined>, ctx: z.RefinementCtx) => {
    const end = value[later];
    const start = value[earlier];
    if (end && start && end < start) {
      ctx.addIssue({ code: "custom", path: [later], message: `${later} must not be before ${earlier}` });
    }
  };
