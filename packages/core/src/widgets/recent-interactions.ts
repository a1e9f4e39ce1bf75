import { z } from "zod";
import { defineWidget } from "../actions/action";
import { isoDate } from "../rules/dates";
import { required } from "../rules/field";
import { customerInternalIdField } from "../rules/ids";
import { asOfOf, inclusiveRange, listField, unknownCustomer } from "./widget-input";

const INTERACTIONS_DEFAULT_LIMIT = 50;
const INTERACTIONS_MAX_LIMIT = 200;

/** Where a page ends: the exact stored time (microseconds, UTC) and id of its last item. */
export interface InteractionPosition {
  occurredAt: string;
  id: string;
}

const POSITION_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque cursor: base64url of the position, so callers cannot come to depend on its shape. */
export function encodeInteractionCursor(position: InteractionPosition): string {
  return btoa(JSON.stringify({ t: position.occurredAt, i: position.id }))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

export function decodeInteractionCursor(cursor: string): InteractionPosition | null {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.trim().replaceAll("-", "+").replaceAll("_", "/")));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { t, i } = parsed as { t?: unknown; i?: unknown };
    if (typeof t !== "string" || typeof i !== "string" || !POSITION_TIME.test(t) || !UUID.test(i))
      return null;
    return Number.isNaN(Date.parse(t)) ? null : { occurredAt: t, id: i };
  } catch {
    return null;
  }
}

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${INTERACTIONS_MAX_LIMIT}`;

/** A number or a numeric string; blank (as integrators send for "no value") means the default. */
const limitField = z
  .union([z.number(), z.string().trim().regex(/^\d*$/)], { error: LIMIT_MESSAGE })
  .transform((limit) => (limit === "" ? null : Number(limit)))
  .pipe(
    z.number().int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(INTERACTIONS_MAX_LIMIT, LIMIT_MESSAGE).nullable(),
  );

/** A nextCursor from an earlier answer; blank means the first page. */
const cursorField = z.string({ error: "cursor must be a string" }).transform((raw, ctx) => {
  const cursor = raw.trim();
  if (cursor === "" || decodeInteractionCursor(cursor) !== null) return cursor || null;
  ctx.addIssue({ code: "custom", message: "cursor is not a nextCursor this widget returned" });
  return z.NEVER;
});

/** FTOS_ACC_AccountRecentInteractions, plus `limit` and `cursor` for paging. */
export const recentInteractionsInput = z
  .strictObject({
    customerInternalId: customerInternalIdField,
    fromDate: required("fromDate", isoDate),
    toDate: required("toDate", isoDate),
    channels: listField("channels").nullish(),
    limit: limitField.nullish(),
    cursor: cursorField.nullish(),
  })
  .superRefine(inclusiveRange("fromDate", "toDate"));
export type RecentInteractionsInput = z.output<typeof recentInteractionsInput>;

const interaction = z.object({
  id: z.string(),
  /** ISO 8601 UTC timestamp. */
  occurredAt: z.string(),
  channel: z.string(),
  type: z.string(),
  direction: z.string(),
  subject: z.string(),
});
export type InteractionItem = z.infer<typeof interaction>;

export const recentInteractionsOutput = z.object({
  customerInternalId: z.string(),
  items: z.array(interaction),
  /** Per stored channel spelling, over the whole date range with the channel filter applied. */
  countsByChannel: z.record(z.string(), z.number().int()),
  /** How many interactions all the pages hold together (the sum of countsByChannel). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  asOf: z.string(),
});
export type RecentInteractionsOutput = z.infer<typeof recentInteractionsOutput>;

export interface InteractionRow extends InteractionItem {
  /** The exact stored time, for the cursor: `occurredAt` may round it to milliseconds. */
  position: string;
}

export interface RecentInteractionsSource {
  /**
   * Up to `take` interactions between the dates (inclusive, UTC days), newest first by
   * (occurredAt, id), strictly after `after` in that order; only the `channels` given
   * (case-insensitive) when the list is not empty. With them, the counts per channel over the
   * whole range and filter. Null when no customer has this id.
   */
  pageOf(query: {
    customerId: string;
    fromDate: string;
    toDate: string;
    channels: readonly string[];
    take: number;
    after: InteractionPosition | null;
  }): Promise<{ rows: InteractionRow[]; countsByChannel: Record<string, number> } | null>;
}

/** The first `limit` rows of a page fetched one longer, and the cursor when more follow. */
export function pageFrom(
  rows: readonly InteractionRow[],
  limit: number,
): { items: InteractionItem[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ position: _position, ...item }) => item),
    nextCursor:
      rows.length > limit && last
        ? encodeInteractionCursor({ occurredAt: last.position, id: last.id })
        : null,
  };
}

export async function readRecentInteractions(
  source: RecentInteractionsSource,
  input: RecentInteractionsInput,
  ctx: { now: Date },
): Promise<RecentInteractionsOutput> {
  const parsed = input;
  const limit = parsed.limit ?? INTERACTIONS_DEFAULT_LIMIT;
  const found = await source.pageOf({
    customerId: parsed.customerInternalId,
    fromDate: parsed.fromDate,
    toDate: parsed.toDate,
    channels: parsed.channels ?? [],
    take: limit + 1,
    after: parsed.cursor ? decodeInteractionCursor(parsed.cursor) : null,
  });
  if (found === null) throw unknownCustomer("customerInternalId", parsed.customerInternalId);
  const countsByChannel = Object.fromEntries(
    Object.entries(found.countsByChannel).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    customerInternalId: parsed.customerInternalId,
    ...pageFrom(found.rows, limit),
    countsByChannel,
    total: Object.values(countsByChannel).reduce((sum, n) => sum + n, 0),
    asOf: asOfOf(ctx.now),
  };
}

export const accountRecentInteractions = defineWidget({
  name: "FTOS_ACC_AccountRecentInteractions",
  procedure: "widgets.recentInteractions",
  title: "Recent interactions",
  summary:
    "The customer's interactions between two dates, newest first, a page at a time, with counts per channel.",
  input: recentInteractionsInput,
  output: recentInteractionsOutput,
  run: ({ sources, now }, input) => readRecentInteractions(sources.recentInteractions, input, { now }),
});
