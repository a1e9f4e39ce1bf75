import { z } from "zod";

/** What a rule answers for one value: the canonical value to store, or why it is refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A field rule: takes the trimmed, non-empty value sent and the field's name (for the message),
 * and answers the canonical value or a sentence naming the field.
 */
export type Check<T, I = string> = (value: I, label: string) => Checked<T>;

export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
export const invalid = (message: string): Checked<never> => ({ ok: false, message });

const missingOrWrongType = (label: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `${label} is required` : `${label} must be ${expected}`;

function settle<T>(checked: Checked<T>, ctx: z.RefinementCtx): T {
  if (checked.ok) return checked.value;
  ctx.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
}

/** A mandatory string field: missing, null or blank is refused, otherwise the rule decides. */
export function required<T>(label: string, check: Check<T>) {
  return z.string({ error: missingOrWrongType(label, "a string") }).transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") return settle(invalid(`${label} must not be empty`), ctx);
    return settle(check(value, label), ctx);
  });
}

/**
 * An optional string field. Absent stays absent (an update keeps the stored value); `null` or a
 * blank string becomes `null` (an update clears it), since integrators send "" for "no value".
 */
export function optional<T>(label: string, check: Check<T>) {
  return z
    .string({ error: `${label} must be a string or null` })
    .nullish()
    .transform((raw, ctx): T | null | undefined => {
      if (raw === undefined) return undefined;
      const value = raw?.trim() ?? "";
      if (value === "") return null;
      return settle(check(value, label), ctx);
    });
}

/** A mandatory field that may arrive as a JSON string or a JSON number (amounts). */
export function requiredNumeric<T>(label: string, check: Check<T, string | number>) {
  return z
    .union([z.string(), z.number()], { error: missingOrWrongType(label, "a number or a numeric string") })
    .transform((raw, ctx) => {
      const value = typeof raw === "string" ? raw.trim() : raw;
      if (value === "") return settle(invalid(`${label} must not be empty`), ctx);
      return settle(check(value, label), ctx);
    });
}

/** The optional counterpart of `requiredNumeric`, with the same absent/null/blank rules as `optional`. */
export function optionalNumeric<T>(label: string, check: Check<T, string | number>) {
  return z
    .union([z.string(), z.number()], { error: `${label} must be a number, a numeric string or null` })
    .nullish()
    .transform((raw, ctx): T | null | undefined => {
      if (raw === undefined) return undefined;
      const value = typeof raw === "string" ? raw.trim() : raw;
      if (value === null || value === "") return null;
      return settle(check(value, label), ctx);
    });
}

/** A mandatory JSON boolean: not the strings "true" and "false", which JSON has no need of. */
export const requiredBoolean = (label: string) =>
  z.boolean({ error: missingOrWrongType(label, "true or false") });
