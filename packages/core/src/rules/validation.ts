import { z } from "zod";
import { AppError, type FieldError } from "../errors/app-error";

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known field an unknown name most likely meant (case-insensitive edit distance), or null when none is close. */
export function closestField(name: string, known: readonly string[]): string | null {
  const wanted = name.toLowerCase();
  let best: { field: string; distance: number } | null = null;
  for (const field of known) {
    const candidate = field.toLowerCase();
    const distance =
      candidate.includes(wanted) || wanted.includes(candidate) ? 1 : editDistance(wanted, candidate);
    if (!best || distance < best.distance) best = { field, distance };
  }
  if (!best || best.distance > Math.max(2, Math.floor(best.field.length / 3))) return null;
  return best.field;
}

const unknownFieldMessage = (key: string, known: readonly string[]) => {
  const suggestion = closestField(key, known);
  return suggestion ? `Unknown field "${key}" (did you mean "${suggestion}"?)` : `Unknown field "${key}"`;
};

/**
 * A strict object of named fields: an unknown field is refused and named with the closest known
 * one. `label` names the object itself when it is missing or not an object.
 */
export function fields<S extends z.ZodRawShape>(label: string, shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((key) => unknownFieldMessage(key, known)).join("; ");
      if (issue.code === "invalid_type") {
        return issue.input === undefined || issue.input === null
          ? `${label} is required`
          : `${label} must be an object`;
      }
      return undefined;
    },
  });
}

/**
 * Every problem of a failed parse as `{ field, message }`, the field a dotted path
 * (`CustomerInfo.email`); an unknown field is reported at its own path. `root` names the whole input.
 */
export function toFieldErrors(error: z.ZodError, root = "Data"): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys.length > 1) {
      const messages = issue.message.split("; ");
      return issue.keys.map((key, i) => ({
        field: path ? `${path}.${key}` : key,
        message: messages[i] ?? `Unknown field "${key}"`,
      }));
    }
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) {
      return [{ field: path ? `${path}.${issue.keys[0]}` : issue.keys[0], message: issue.message }];
    }
    return [{ field: path || root, message: issue.message }];
  });
}

/** One sentence for a 400 that lists what is wrong, the fields themselves going in `fieldErrors`. */
export function validationError(fieldErrors: FieldError[]): AppError {
  const first = fieldErrors[0];
  const message =
    fieldErrors.length === 1 && first
      ? first.message.replace(/[^.?!]$/, "$&.")
      : `${fieldErrors.length} fields are invalid: ${fieldErrors.map((e) => e.field).join(", ")}.`;
  return new AppError("BAD_REQUEST", message, fieldErrors);
}

/** Parses with the schema, or throws a 400 AppError listing every invalid field at once. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = "Data"): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(toFieldErrors(parsed.error, root));
}
