import { type Check, invalid, valid } from "./field";

/**
 * Control characters, and the invisible ones that change how a name reads without showing:
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, the
 * "Trojan Source" characters), zero-width space, non-joiner and joiner (U+200B–U+200D), the word
 * joiner (U+2060) and the byte-order mark (U+FEFF). A name holding U+202E stored fine and came
 * back reversed in `initials`.
 */
const UNSAFE = /[\p{Cc}\u200B-\u200D\u2060\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** The one rule for text a caller may store: true when it holds a character `text` refuses. */
export const hasUnsafeCharacters = (value: string): boolean => UNSAFE.test(value);

/** The one wording of that refusal. */
export const unsafeCharactersMessage = (label: string) =>
  `${label} must not contain control or invisible characters`;

/** Characters as a reader counts them (code points), not UTF-16 units. */
const lengthOf = (value: string) => [...value].length;

/**
 * Free text of 1..max characters without control or invisible characters, NFC-normalised so that the same
 * name typed on two systems compares equal.
 */
export const text =
  (max: number): Check<string> =>
  (value, label) => {
    const normalised = value.normalize("NFC");
    if (hasUnsafeCharacters(normalised)) return invalid(unsafeCharactersMessage(label));
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
