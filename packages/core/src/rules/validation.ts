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

/**
 * A strict object of named fields (an unknown field is refused, see unknownFieldMessage); `label`
 * names the object itself when it is missing or not an object.
 */
export function fields<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "invalid_type") {
        return issue.input === undefined || issue.input === null
          ? `${label} is required`
          : `${label} must be an object`;
      }
      return undefined;
    },
  });
}

/** One sentence for a 400 that lists what is wrong, the fields themselves going in `fieldErrors`. */
export function validationError(fieldErrors: FieldError[]): AppError {
  const first = fieldErrors[0];
  if (fieldErrors.length === 1 && first) {
    return new AppError("BAD_REQUEST", first.message.replace(/[^.?!]$/, "$&."), fieldErrors);
  }
  const named = fieldErrors.map((e) => e.field).filter((field) => field !== "");
  const listed = named.slice(0, LISTED_IN_MESSAGE).join(", ");
  const more = named.length > LISTED_IN_MESSAGE ? ` and ${named.length - LISTED_IN_MESSAGE} more` : "";
  return new AppError(
    "BAD_REQUEST",
    `${fieldErrors.length} fields are invalid: ${listed}${more}.`,
    fieldErrors,
  );
}

/** The sentence names this many fields at most; every one is in fieldErrors. */
const LISTED_IN_MESSAGE = 10;
