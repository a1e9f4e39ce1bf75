import { type Check, optional, optionalNumeric } from "../rules/field";

/**
 * What ingestion adds to the core's field rules (`rules/`): a row is a whole record, the source
 * system's current state of it, so an optional field that is absent means "no value" and is
 * stored as null, like `null` and a blank string. A write action's absent field instead keeps
 * the stored value, which is why these wrap `optional` rather than change it.
 */
export const orNull = <T>(label: string, check: Check<T>) =>
  optional(label, check).transform((value): T | null => value ?? null);

/** `orNull` for a field that may also arrive as a JSON number (amounts, rates). */
export const orNullNumeric = <T>(label: string, check: Check<T, string | number>) =>
  optionalNumeric(label, check).transform((value): T | null => value ?? null);
