import { type Check, invalid, valid } from "./field";

const CONTROL = /\p{Cc}/u;

/** Characters as a reader counts them (code points), not UTF-16 units. */
const lengthOf = (value: string) => [...value].length;

/**
 * Free text of 1..max characters without control characters, NFC-normalised so that the same
 * name typed on two systems compares equal.
 */
export const text =
  (max: number): Check<string> =>
  (value, label) => {
    const normalised = value.normalize("NFC");
    if (CONTROL.test(normalised)) return invalid(`${label} must not contain control characters`);
    if (lengthOf(normalised) > max) return invalid(`${label} must be at most ${max} characters`);
    return valid(normalised);
  };

/** firstName, lastName and other names: 1–100 characters after trimming. */
export const personName: Check<string> = text(100);

const UNIQUE_ID = /^[A-Za-z0-9./-]+$/;

/** The customer's national or document id: stored upper-case so that it matches case-insensitively. */
export const uniqueId: Check<string> = (value, label) => {
  if (value.length > 64) return invalid(`${label} must be at most 64 characters`);
  if (!UNIQUE_ID.test(value)) {
    return invalid(`${label} may contain only letters, digits, "-", "/" and "."`);
  }
  return valid(value.toUpperCase());
};
