import { closestField, type FieldError } from "@account360/core";
import type { z } from "zod";

type AnySchema = z.core.$ZodType;

/**
 * A 1 MiB body can hold ~100,000 made-up keys; listing each (with its closest known name) took
 * seconds of the event loop and answered ~10 MB, so past this many the rest are only counted.
 */
export const MAX_LISTED_UNKNOWN_FIELDS = 50;

/** The object schema behind optional/nullable/default/pipe wrappers, or null for a leaf. */
function objectShape(schema: AnySchema): Record<string, AnySchema> | null {
  let current: AnySchema | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as {
      type: string;
      innerType?: AnySchema;
      in?: AnySchema;
      shape?: Record<string, AnySchema>;
    };
    if (def.type === "object") return def.shape ?? null;
    current = def.type === "pipe" ? def.in : def.innerType;
  }
  return null;
}

export interface CanonicalResult {
  value: unknown;
  /** Canonical dotted path → the path as the caller spelled it, for error messages. */
  sentPaths: Map<string, string>;
  unknownFields: FieldError[];
}

/**
 * Renames `Data`'s keys to the schema's spelling, matching them case-insensitively, and lists
 * every key the schema does not know together with the closest known name.
 */
export function canonicalizeKeys(schema: AnySchema, data: unknown): CanonicalResult {
  const sentPaths = new Map<string, string>();
  const unknownFields: FieldError[] = [];
  let unlisted = 0;

  const walk = (node: AnySchema, value: unknown, canonicalPath: string, sentPath: string): unknown => {
    const shape = objectShape(node);
    if (!shape || value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const known = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
    const out: Record<string, unknown> = {};
    for (const [sentKey, child] of Object.entries(value)) {
      const key = known.get(sentKey.toLowerCase());
      const sentChildPath = sentPath ? `${sentPath}.${sentKey}` : sentKey;
      if (!key) {
        if (unknownFields.length >= MAX_LISTED_UNKNOWN_FIELDS) unlisted++;
        else
          unknownFields.push({
            field: sentChildPath,
            message: unknownFieldMessage(sentKey, [...known.values()]),
          });
        continue;
      }
      if (Object.hasOwn(out, key)) {
        unknownFields.push({ field: sentChildPath, message: `${sentKey} is given twice (as ${key}).` });
        continue;
      }
      const childPath = canonicalPath ? `${canonicalPath}.${key}` : key;
      sentPaths.set(childPath, sentChildPath);
      out[key] = walk(shape[key] as AnySchema, child, childPath, sentChildPath);
    }
    return out;
  };

  const value = walk(schema, data, "", "");
  if (unlisted > 0) {
    unknownFields.push({
      field: "Request.Data",
      message: `${unlisted} more unknown field${unlisted === 1 ? " is" : "s are"} not listed.`,
    });
  }
  return { value, sentPaths, unknownFields };
}

function unknownFieldMessage(sentKey: string, knownKeys: string[]): string {
  if (knownKeys.length === 0) return `Unknown field ${sentKey}: this action takes no fields.`;
  const near = closestField(sentKey, knownKeys);
  return near
    ? `Unknown field ${sentKey}; did you mean ${near}?`
    : `Unknown field ${sentKey}; the known fields are ${knownKeys.join(", ")}.`;
}

/** Rewrites error paths from the canonical spelling back to the caller's. */
export function toSentPaths(errors: FieldError[], sentPaths: Map<string, string>): FieldError[] {
  return errors.map((error) => {
    const parts = error.field.split(".");
    for (let cut = parts.length; cut > 0; cut--) {
      const prefix = parts.slice(0, cut).join(".");
      const sent = sentPaths.get(prefix);
      if (sent) return { ...error, field: [sent, ...parts.slice(cut)].join(".") };
    }
    return error;
  });
}
