import * as currencyCodes from "currency-codes";
import { z } from "zod";
import { hasUnsafeCharacters, unsafeCharactersMessage } from "../rules/text";
import { normalizeDecimal } from "../widgets/decimal";
import { daysInMonth } from "../widgets/months";

/**
 * Field rules for ingested rows, as strict as the write actions. Every rule's output is also a
 * valid input that parses to itself, so a batch validated by the router can be validated again
 * by the store without changing a value.
 */

const requiredOr = (label: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `${label} is required` : otherwise;

/** Free text: trimmed, 1–max characters, no control or invisible characters (the rule of rules/text). */
export const textField = (label: string, max: number) =>
  z.string({ error: requiredOr(label, `${label} must be a string`) }).transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") ctx.addIssue({ code: "custom", message: `${label} must not be empty` });
    else if (Array.from(value).length > max) {
      ctx.addIssue({ code: "custom", message: `${label} must be at most ${max} characters` });
    } else if (hasUnsafeCharacters(value)) {
      ctx.addIssue({ code: "custom", message: unsafeCharactersMessage(label) });
    } else return value;
    return z.NEVER;
  });

/** The id the source system gives the record; ingestion is idempotent on it. Case-sensitive. */
export const externalIdField = textField("externalId", 100);

/**
 * An optional field: absent, null or a blank string (what integrators send for "no value") is
 * stored as null.
 */
export const orNull = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? null : value),
      schema.nullish(),
    )
    .transform((value) => (value ?? null) as z.output<T> | null);

export const optionalText = (label: string, max: number) => orNull(textField(label, max));

/**
 * One value of a fixed set, matched ignoring case and the difference between spaces, `_` and
 * `-` ("In progress" is `in_progress`); answered in its canonical spelling. Aliases map other
 * words a source system uses to a canonical value.
 */
export const optionValue = <const T extends readonly [string, ...string[]]>(
  label: string,
  options: T,
  aliases: Readonly<Record<string, T[number]>> = {},
) => {
  const key = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, " ");
  const lookup = new Map<string, T[number]>(options.map((option) => [key(option), option]));
  for (const [alias, option] of Object.entries(aliases)) lookup.set(key(alias), option);
  const expected = `${label} must be one of ${options.join(", ")}`;
  return z.string({ error: requiredOr(label, expected) }).transform((raw, ctx): T[number] => {
    const found = lookup.get(key(raw));
    if (found !== undefined) return found;
    ctx.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  });
};

const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;

interface DecimalRule {
  /** Fractional digits the column keeps; more (other than trailing zeros) would be rounded, so they are refused. */
  scale: number;
  /** Integer digits the column keeps. */
  integerDigits: number;
  sign: "positive" | "any";
}

/**
 * An exact decimal, sent as a string ("1250.00") or a JSON number (1250): never rounded, never
 * through a float sum; answered as a normalised string with at least two fractional digits.
 */
export const decimalField = (label: string, rule: DecimalRule) =>
  z
    .union([z.string(), z.number()], { error: requiredOr(label, `${label} must be a decimal number`) })
    .transform((raw, ctx) => {
      const text = typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : "") : raw.trim();
      const match = DECIMAL.exec(text);
      if (!match) {
        ctx.addIssue({ code: "custom", message: `${label} must be a decimal number like 1250.00` });
        return z.NEVER;
      }
      const whole = (match[1] ?? "").replace(/^0+(?=\d)/, "");
      const fraction = (match[2] ?? "").replace(/0+$/, "");
      const negative = text.startsWith("-") && /[1-9]/.test(whole + fraction);
      if (fraction.length > rule.scale) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must have at most ${rule.scale} fractional digits`,
        });
      } else if (whole.length > rule.integerDigits) {
        ctx.addIssue({ code: "custom", message: `${label} must be below 10^${rule.integerDigits}` });
      } else if (rule.sign === "positive" && (negative || !/[1-9]/.test(whole + fraction))) {
        ctx.addIssue({ code: "custom", message: `${label} must be greater than 0` });
      } else {
        return normalizeDecimal(text.replace(/^\+/, ""), 2);
      }
      return z.NEVER;
    });

/** Money: at most 2 fractional digits, below 10^13 (numeric(15,2)). */
export const moneyField = (label: string, sign: DecimalRule["sign"] = "positive") =>
  decimalField(label, { scale: 2, integerDigits: 13, sign });

export const optionalMoney = (label: string, sign: DecimalRule["sign"] = "positive") =>
  orNull(moneyField(label, sign));

/** Codes ISO 4217 reserves for tests and for "no currency": never a holding's currency. */
const NOT_A_CURRENCY = new Set(["XXX", "XTS"]);

/** An ISO 4217 code, any case, stored upper-case. */
export const currencyField = (label: string) =>
  z
    .string({ error: requiredOr(label, `${label} must be an ISO 4217 currency code`) })
    .transform((raw, ctx) => {
      const value = raw.trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(value) && !NOT_A_CURRENCY.has(value) && currencyCodes.code(value)) return value;
      ctx.addIssue({
        code: "custom",
        message: `${label} must be an ISO 4217 currency code such as EUR or RON`,
      });
      return z.NEVER;
    });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const realDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** `YYYY-MM-DD` that exists; a full ISO 8601 timestamp is accepted and its UTC date taken. */
export const dateField = (label: string) =>
  z.string({ error: requiredOr(label, `${label} must be a date (YYYY-MM-DD)`) }).transform((raw, ctx) => {
    const value = raw.trim();
    const date = DATE.exec(value);
    if (date && realDay(Number(date[1]), Number(date[2]), Number(date[3]))) return value;
    const stamp = TIMESTAMP.exec(value);
    if (
      stamp &&
      realDay(Number(stamp[1]), Number(stamp[2]), Number(stamp[3])) &&
      !Number.isNaN(Date.parse(value))
    ) {
      return new Date(value).toISOString().slice(0, 10);
    }
    ctx.addIssue({ code: "custom", message: `${label} must be a date (YYYY-MM-DD)` });
    return z.NEVER;
  });

export const optionalDate = (label: string) => orNull(dateField(label));

/** An instant: ISO 8601 with a time and a zone (Z or ±hh:mm), or a bare date meaning its UTC midnight. */
export const timestampField = (label: string) =>
  z
    .string({ error: requiredOr(label, `${label} must be an ISO 8601 timestamp with a zone`) })
    .transform((raw, ctx) => {
      const value = raw.trim();
      const date = DATE.exec(value);
      if (date && realDay(Number(date[1]), Number(date[2]), Number(date[3]))) return `${value}T00:00:00.000Z`;
      const stamp = TIMESTAMP.exec(value);
      const valid =
        stamp &&
        realDay(Number(stamp[1]), Number(stamp[2]), Number(stamp[3])) &&
        Number(stamp[4]) < 24 &&
        Number(stamp[5]) < 60 &&
        Number(stamp[6] ?? 0) < 60 &&
        !Number.isNaN(Date.parse(value));
      if (valid) return new Date(value).toISOString();
      ctx.addIssue({
        code: "custom",
        message: `${label} must be an ISO 8601 timestamp with a zone, like 2025-01-31T09:30:00Z`,
      });
      return z.NEVER;
    });

export const optionalTimestamp = (label: string) => orNull(timestampField(label));

/** `YYYY-MM`. */
export const monthField = (label: string) =>
  z.string({ error: requiredOr(label, `${label} must be a month (YYYY-MM)`) }).transform((raw, ctx) => {
    const value = raw.trim();
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return value;
    ctx.addIssue({ code: "custom", message: `${label} must be a month (YYYY-MM)` });
    return z.NEVER;
  });

export const booleanField = (label: string) =>
  z.boolean({ error: requiredOr(label, `${label} must be true or false`) });

/** A refinement: `later` (when set) is not before `earlier`. */
export const notBefore =
  <K extends string>(later: K, earlier: K) =>
  (row: Record<K, string | null>, ctx: z.RefinementCtx) => {
    const end = row[later];
    const start = row[earlier];
    if (end !== null && start !== null && end < start) {
      ctx.addIssue({ code: "custom", path: [later], message: `${later} must not be before ${earlier}` });
    }
  };
