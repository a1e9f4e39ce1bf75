import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import type { WidgetContext } from "../settings";
import { fullNameOf, initialsOf, initialsOfName } from "./header";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountPicture: the stored picture, or an avatar drawn from the initials. */

export const accountPictureInput = customerInput;

export const accountPictureOutput = z.object({
  customerInternalId: z.string(),
  hasPicture: z.boolean(),
  contentType: z.string(),
  dataBase64: z.string(),
  asOf: z.string(),
});
export type AccountPictureOutput = z.infer<typeof accountPictureOutput>;

interface PictureFacts {
  firstName: string;
  lastName: string;
  /** A legal entity's name (its avatar shows the initials of the first two words); null for an individual. */
  legalEntityName?: string | null;
  picture: { contentType: string; dataBase64: string } | null;
}

export interface AccountPictureSource {
  /** null when no customer has this id. */
  pictureFacts(query: { customerId: string }): Promise<PictureFacts | null>;
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Text safe inside an XML element or a quoted attribute. Characters XML 1.0 forbids (most C0
 * controls, lone surrogates) are dropped, since no escape makes them legal.
 */
export function escapeXml(text: string): string {
  let out = "";
  // for…of walks code points, so a lone surrogate arrives alone and a valid pair arrives whole.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowed =
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) out += XML_ESCAPES[char] ?? char;
  }
  return out;
}

/** Backgrounds dark enough for white initials (WCAG AA for large text). */
const AVATAR_COLOURS = [
  "#1f5f8b",
  "#2e7d32",
  "#6a1b9a",
  "#ad1457",
  "#00695c",
  "#4e342e",
  "#283593",
  "#bf360c",
];

/** Same customer, same colour, on every call and every server (FNV-1a of the seed). */
function colourOf(seed: string): string {
  let hash = 0x811c9dc5;
  for (const char of seed) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length] ?? "#1f5f8b";
}

/** A 128×128 round avatar with the initials; everything from the customer's data is escaped. */
export function initialsAvatarSvg(avatar: { initials: string; name: string; seed: string }): string {
  const initials = escapeXml(avatar.initials || "?");
  const name = escapeXml(avatar.name);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${name}">` +
    `<title>${name}</title>` +
    `<circle cx="64" cy="64" r="64" fill="${colourOf(avatar.seed)}"/>` +
    `<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="52" font-weight="600" fill="#ffffff">${initials}</text>` +
    "</svg>"
  );
}

/** Base64 of the UTF-8 bytes (btoa alone only takes Latin-1). */
export function base64OfText(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function readAccountPicture(
  source: AccountPictureSource,
  input: CustomerInput,
  ctx: WidgetContext,
): Promise<AccountPictureOutput> {
  const { customerInternalId } = input;
  const facts = await source.pictureFacts({ customerId: customerInternalId });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  const asOf = asOfOf(ctx.now);
  if (facts.picture) return { customerInternalId, hasPicture: true, ...facts.picture, asOf };
  const { legalEntityName } = facts;
  const svg = initialsAvatarSvg({
    initials: legalEntityName ? initialsOfName(legalEntityName) : initialsOf(facts.firstName, facts.lastName),
    name: legalEntityName ? legalEntityName.trim() : fullNameOf(facts.firstName, facts.lastName),
    seed: customerInternalId,
  });
  return {
    customerInternalId,
    hasPicture: false,
    contentType: "image/svg+xml",
    dataBase64: base64OfText(svg),
    asOf,
  };
}

export const accountPicture = defineWidget({
  name: "FTOS_ACC_AccountPicture",
  procedure: "widgets.picture",
  title: "Account picture",
  summary: "The customer's picture, or an initials avatar when there is none.",
  input: accountPictureInput,
  output: accountPictureOutput,
  run: ({ sources, now, settings }, input) => readAccountPicture(sources.picture, input, { now, settings }),
});
