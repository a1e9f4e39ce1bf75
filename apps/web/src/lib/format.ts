/** Locale-aware formatting. Amounts arrive as exact decimal strings and are formatted as strings. */

const locale = (): string => (typeof navigator === "undefined" ? "en-GB" : navigator.language || "en-GB");

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** "1250.50" in RON → "RON 1,250.50" (per locale); the string goes to Intl whole, so no float rounding. */
export function money(amount: string, currency: string, options: { compact?: boolean } = {}): string {
  const key = `money|${locale()}|${currency}|${options.compact ? "c" : ""}`;
  try {
    const format = cached(
      key,
      () =>
        new Intl.NumberFormat(locale(), {
          style: "currency",
          currency,
          ...(options.compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
        }),
    );
    return format.format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function decimal(value: string, maximumFractionDigits = 2): string {
  const format = cached(
    `decimal|${locale()}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale(), { maximumFractionDigits }),
  );
  return format.format(value as Intl.StringNumericLiteral);
}

/** Axis labels: 12,500 → "12.5K". */
export const compactNumber = (value: number): string =>
  cached(
    `compact|${locale()}`,
    () => new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 }),
  ).format(value);

export const count = (n: number): string =>
  cached(`count|${locale()}`, () => new Intl.NumberFormat(locale())).format(n);

/** A calendar date (`YYYY-MM-DD`), shown as that day whatever the viewer's time zone. */
export function date(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const parsed = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return isoDate;
  return cached(
    `date|${locale()}`,
    () => new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }),
  ).format(parsed);
}

/** A moment (ISO timestamp) in the viewer's time zone. */
export function dateTime(iso: string): string {
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return cached(
    `datetime|${locale()}`,
    () => new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }),
  ).format(parsed);
}

/** `YYYY-MM` → "Mar 25" (axes) or "March 2025" per locale. */
export function month(yearMonth: string, style: "short" | "long" = "short"): string {
  const parsed = new Date(`${yearMonth}-01T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return yearMonth;
  return cached(
    `month|${locale()}|${style}`,
    () =>
      new Intl.DateTimeFormat(locale(), {
        month: style,
        year: style === "short" ? "2-digit" : "numeric",
        timeZone: "UTC",
      }),
  ).format(parsed);
}

/** Today and n days before as `YYYY-MM-DD`, in UTC as the server counts days. */
export function isoDay(offsetDays = 0, now = new Date()): string {
  const day = new Date(now.getTime() + offsetDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** The first day of the month n months before this one, `YYYY-MM-DD` (UTC). */
export function monthStart(monthsBack: number, now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
  return day.toISOString().slice(0, 10);
}
