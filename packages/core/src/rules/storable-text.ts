import type { FieldError } from "../errors/app-error";
import { validationError } from "./validation";

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_LISTED = 20;

/** Why PostgreSQL could not hold this string, or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  if (UNPAIRED_SURROGATE.test(text)) return "must be valid Unicode text (it holds half a surrogate pair)";
  return null;
}

/**
 * Only what JSON parsing makes: a tRPC input may also be a stream or a form, whose internals
 * (cyclic, and nothing a caller typed) are not walked.
 */
function isJsonContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * JSON may escape a NUL (`"\u0000"`) or half a UTF-16 surrogate pair (`"\ud800"`), neither of which
 * PostgreSQL stores or compares (text refuses NUL, jsonb the half pair), so they are the caller's
 * 400 here rather than a 500 from whichever query meets them first. Walked without recursion,
 * since Data may nest thousands of levels deep.
 */
export function assertStorableText<T>(data: T, root = "Request.Data"): T {
  const problems: FieldError[] = [];
  // Each node keeps its parent's index and its key; a path is spelled out only for a problem.
  const parents: number[] = [-1];
  const keys: string[] = [""];
  const pathOf = (node: number) => {
    const parts: string[] = [];
    for (let at = node; at > 0; at = parents[at] ?? 0) parts.push(keys[at] ?? "");
    return parts.reverse().join(".");
  };
  const pending: [unknown, number][] = [[data, 0]];
  while (pending.length > 0 && problems.length < MAX_LISTED) {
    const [value, node] = pending.pop() as [unknown, number];
    if (typeof value === "string") {
      const why = unstorable(value);
      const path = why ? pathOf(node) || root : "";
      if (why) problems.push({ field: path, message: `${path} ${why}` });
    } else if (isJsonContainer(value)) {
      for (const key of Object.keys(value)) {
        const child = parents.push(node) - 1;
        keys.push(key);
        const why = unstorable(key);
        if (why) problems.push({ field: pathOf(child), message: `a field name ${why}` });
        pending.push([(value as Record<string, unknown>)[key], child]);
      }
    }
  }
  if (problems.length > 0) throw validationError(problems);
  return data;
}
