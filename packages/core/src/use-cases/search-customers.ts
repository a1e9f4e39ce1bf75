import { type CountryCode, getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import { defineAction } from "../actions/action";
import {
  CUSTOMER_VIEW_KINDS,
  customerNameAndContact,
  fullNameOf,
  initialsOf,
  initialsOfName,
  kindOfView,
  maskUniqueId,
} from "../widgets/header";

/**
 * customers.search: find a customer by name, UniqueID, e-mail or phone, a legal entity also by
 * registration number, a page at a time.
 */

const SEARCH_DEFAULT_LIMIT = 20;
const SEARCH_MAX_LIMIT = 50;
/**
 * How many matches of each kind (name, UniqueID, e-mail, phone) a search looks at, at most: a
 * broad prefix ("an", "RO-") then costs a bounded walk of an index, not a sort of the table,
 * and the answer says `truncated` so the user types more.
 */
const SEARCH_CANDIDATES = 1000;
/** A phone prefix shorter than this matches too many customers to help anyone. */
const MIN_PHONE_DIGITS = 4;

const QUERY_MESSAGE = "query must be from 2 to 100 characters";
const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}`;
const CURSOR_MESSAGE = "cursor must be the nextCursor of a previous page";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a page ends, in the result order (last name, first name, id). */
export interface CustomerSearchPosition {
  lastName: string;
  firstName: string;
  id: string;
}

const toBase64Url = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

const fromBase64Url = (text: string) => {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** Opaque to callers (base64url of the position) so nobody comes to depend on its shape. */
export function encodeSearchCursor(position: CustomerSearchPosition): string {
  return toBase64Url(JSON.stringify([position.lastName, position.firstName, position.id]));
}

export function decodeSearchCursor(cursor: string): CustomerSearchPosition | null {
  if (!/^[A-Za-z0-9_-]{1,1200}$/.test(cursor)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [lastName, firstName, id] = parsed as unknown[];
    if (typeof lastName !== "string" || typeof firstName !== "string" || typeof id !== "string") return null;
    return UUID.test(id) ? { lastName, firstName, id } : null;
  } catch {
    return null;
  }
}

export const customerSearchInput = z.strictObject({
  query: z
    .string({ error: (i) => (i.input == null ? "query is required" : "query must be a string") })
    .trim()
    .min(2, QUERY_MESSAGE)
    .max(100, QUERY_MESSAGE)
    .refine((q) => !/\p{Cc}/u.test(q), "query must not contain control characters"),
  limit: z
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(SEARCH_MAX_LIMIT, LIMIT_MESSAGE)
    .default(SEARCH_DEFAULT_LIMIT),
  cursor: z
    .string({ error: CURSOR_MESSAGE })
    .nullish()
    .transform((raw, ctx): CustomerSearchPosition | null => {
      const cursor = raw?.trim();
      if (!cursor) return null;
      const position = decodeSearchCursor(cursor);
      if (position) return position;
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }),
});
export type CustomerSearchInput = z.output<typeof customerSearchInput>;

const SEARCH_MATCHES = ["name", "uniqueId", "registrationNumber", "email", "phone"] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export const customerSearchOutput = z.object({
  items: z.array(
    z.object({
      customerInternalId: z.string(),
      ...customerNameAndContact,
      kind: z.enum(CUSTOMER_VIEW_KINDS),
      /** A legal entity's; null for an individual. */
      registrationNumber: z.string().nullable(),
      /** What the query matched, the first of name, uniqueId, registrationNumber, email, phone. */
      matchedOn: z.enum(SEARCH_MATCHES),
    }),
  ),
  /** null on the last page. */
  nextCursor: z.string().nullable(),
  /**
   * true when more than SEARCH_CANDIDATES customers match one kind of criterion: the pages then
   * hold only the first ones of that kind (in its own order), and a longer query narrows it down.
   */
  truncated: z.boolean(),
});
export type CustomerSearchOutput = z.infer<typeof customerSearchOutput>;

/**
 * What to look for. Prefixes are literal text (no wildcards); the store lower-cases `text`
 * in the database, next to the columns, so both databases agree on what a letter's case is.
 */
export interface CustomerSearchTerms {
  /** Matched at the start of "first last", "last first" and the e-mail address. */
  text: string;
  /** Matched at the start of the (upper-case) UniqueID; null when the query cannot be one. */
  uniqueIdPrefix: string | null;
  /** An E.164 prefix (`+40712`) matched at the start of the mobile phone; null when the query is no number. */
  phonePrefix: string | null;
}

/**
 * One match. `lastName` and `firstName` are the sort keys: a legal entity sorts by its name
 * (as `lastName`, with `firstName` empty), among the individuals' last names.
 */
export interface CustomerSearchRow {
  id: string;
  firstName: string;
  lastName: string;
  /** Present for a legal entity. */
  legalEntity: { name: string; registrationNumber: string | null; accountType: string } | null;
  uniqueId: string;
  email: string;
  mobilePhone: string;
  segment: string | null;
  matchedOn: SearchMatch;
}

export interface CustomerSearchSource {
  /**
   * Up to `limit` customers, after `after` in (last name, first name, id) order, among the first
   * `candidates` matches of each term (each in its own index order); `truncated` when a term
   * has more matches than that.
   */
  search(
    terms: CustomerSearchTerms,
    page: { after: CustomerSearchPosition | null; limit: number; candidates: number },
  ): Promise<{ rows: CustomerSearchRow[]; truncated: boolean }>;
}

/**
 * The E.164 prefix a typed phone number stands for: `+40 712`, `0040712` and `40712` are
 * international; `0712…` is national, in DEFAULT_PHONE_REGION.
 */
export function phonePrefixOf(query: string, region: string): string | null {
  const compact = query.replace(/[\s().-]/g, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  const digits = compact.replace("+", "");
  if (digits.length < MIN_PHONE_DIGITS) return null;
  if (compact.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  if (digits.startsWith("0") && isSupportedCountry(region)) {
    return `+${getCountryCallingCode(region as CountryCode)}${digits.slice(1)}`;
  }
  return `+${digits}`;
}

/** The terms a query stands for (exported for tests). */
export function searchTermsOf(query: string, phoneRegion: string): CustomerSearchTerms {
  const text = query.trim().replace(/\s+/g, " ");
  const upper = text.toUpperCase();
  return {
    text,
    uniqueIdPrefix: /^[A-Z0-9./-]+$/.test(upper) ? upper : null,
    phonePrefix: phonePrefixOf(text, phoneRegion),
  };
}

export async function findCustomers(
  source: CustomerSearchSource,
  input: CustomerSearchInput,
  ctx: { settings: { phoneRegion: string } },
): Promise<CustomerSearchOutput> {
  const { query, limit, cursor } = input;
  const { rows, truncated } = await source.search(searchTermsOf(query, ctx.settings.phoneRegion), {
    after: cursor,
    limit: limit + 1,
    candidates: SEARCH_CANDIDATES,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      customerInternalId: row.id,
      fullName: row.legalEntity ? row.legalEntity.name.trim() : fullNameOf(row.firstName, row.lastName),
      initials: row.legalEntity
        ? initialsOfName(row.legalEntity.name)
        : initialsOf(row.firstName, row.lastName),
      uniqueIdMasked: maskUniqueId(row.uniqueId),
      email: row.email,
      mobilePhone: row.mobilePhone,
      segment: row.segment,
      kind: kindOfView(row.legalEntity),
      registrationNumber: row.legalEntity?.registrationNumber ?? null,
      matchedOn: row.matchedOn,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeSearchCursor({ lastName: last.lastName, firstName: last.firstName, id: last.id })
        : null,
    truncated,
  };
}

export const searchCustomers = defineAction({
  name: "FTOS_ACC_SearchCustomers",
  procedure: "customers.search",
  kind: "query",
  access: "read",
  tag: "Customers",
  title: "Customer search",
  summary: "Finds customers by the start of their name, UniqueID, e-mail or phone number, a page at a time.",
  input: customerSearchInput,
  output: customerSearchOutput,
  message: (output) => `${output.items.length} customer${output.items.length === 1 ? "" : "s"} found`,
  run: ({ sources, settings }, input) => findCustomers(sources.search, input, { settings }),
});
