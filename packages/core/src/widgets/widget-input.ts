import { z } from "zod";
import { AppError } from "../errors/app-error";

/**
 * A list sent as a JSON array, a JSON array inside a string, or a comma-separated string;
 * items trimmed, empties and repeats (case-insensitively) dropped. An empty list filters nothing.
 */
export const listField = (label: string) =>
  z
    .union([z.array(z.string()), z.string()], {
      error: `${label} must be an array of strings or a comma-separated string`,
    })
    .transform((raw, ctx) => {
      let items: unknown = raw;
      if (typeof raw === "string") {
        const text = raw.trim();
        if (text.startsWith("[")) {
          try {
            items = JSON.parse(text);
          } catch {
            items = null;
          }
        } else {
          items = text.split(",");
        }
      }
      if (!Array.isArray(items) || !items.every((item) => typeof item === "string")) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must be an array of strings or a comma-separated string`,
        });
        return z.NEVER;
      }
      const unique = new Map<string, string>();
      for (const item of items.map((i) => i.trim())) {
        if (item !== "" && !unique.has(item.toLowerCase())) unique.set(item.toLowerCase(), item);
      }
      return [...unique.values()];
    });

/** Adds the "from after to" error (400) to a schema holding an inclusive date range. */
export const inclusiveRange =
  <K extends string>(fromKey: K, toKey: K) =>
  (value: Record<K, string>, ctx: z.RefinementCtx) => {
    if (value[fromKey] > value[toKey]) {
      ctx.addIssue({ code: "custom", path: [fromKey], message: `${fromKey} must not be after ${toKey}` });
    }
  };

/** The `asOf` every widget answer carries. */
export const asOfOf = (now: Date): string => now.toISOString();

/** The 404 every widget answers for a customer id that names no customer. */
export function unknownCustomer(field: string, id: string): AppError {
  return new AppError("NOT_FOUND", `No customer has ${field} ${id}.`, [
    { field, message: `No customer has ${field} ${id}` },
  ]);
}
