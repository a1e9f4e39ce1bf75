import { type Check, invalid, valid } from "./field";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MIN_YEAR = 1900;

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

/**
 * A calendar date `YYYY-MM-DD` (years 1900–9999, so the usual 9999-12-31 "open end" fits). A full
 * ISO 8601 timestamp is accepted and its UTC date taken; one without an offset is read as UTC,
 * as every date in this system is.
 */
export const isoDate: Check<string> = (value, label) => {
  const shape = invalid(`${label} must be a date in the form YYYY-MM-DD`);
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
    if (year < MIN_YEAR || !isCalendarDate(year, month, day)) {
      return invalid(`${label} must be a real calendar date between 1900-01-01 and 9999-12-31`);
    }
    return valid(value);
  }
  const stamp = TIMESTAMP.exec(value);
  if (!stamp) return shape;
  const [year, month, day, hour, minute, second = 0] = stamp.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = offsetMinutes(stamp[8]);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || offset === null) {
    return invalid(`${label} must be a real date and time`);
  }
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
  const utcYear = utc.getUTCFullYear();
  if (utcYear < MIN_YEAR || utcYear > 9999) {
    return invalid(`${label} must be a real calendar date between 1900-01-01 and 9999-12-31`);
  }
  return valid(`${pad(utcYear, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`);
};
