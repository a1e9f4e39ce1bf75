import { z } from "zod";
import { defineAction } from "../actions/action";
import type { Sources } from "../ports/sources";
import { decodeCursor, encodeCursor } from "../rules/cursor";
import { systemId } from "../rules/ids";
import { notFound } from "../use-cases/record-changes";

/** CONTRACT §9: what a change event holds, in the feed, the webhooks and NATS alike. */
export const changeEventSchema = z.object({
  eventId: z.string(),
  customerId: z.string(),
  /** 1, 2, 3 … per customer, in the order its changes were committed, with no gap. */
  sequence: z.number().int(),
  /** `<entity>.created|updated|erased`, or `ingest.<kind>` for one batch's changes to one customer. */
  type: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  action: z.string(),
  /** The changed record; null for an ingest batch, whose `changes` are keyed by record id. */
  recordId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/** Where the feed stands: the writing transaction's id, then the event's position within it. */
export interface FeedPosition {
  txid: string;
  position: string;
}

interface ChangeEventPage {
  limit: number;
  /** Only events after this position; null from the start of what is retained. */
  after: FeedPosition | null;
  customerId?: string | undefined;
}

/** The events port: storage answers a page of the feed, oldest first, each with its position. */
export interface ChangeEventSource {
  list(page: ChangeEventPage): Promise<Array<{ event: ChangeEvent; at: FeedPosition }>>;
}

const MAX_EVENT_PAGE = 1000;
const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${MAX_EVENT_PAGE}`;
const CURSOR_MESSAGE = "after must be the nextCursor of a previous page";
const POSITION = /^(0|[1-9]\d{0,18})\.(0|[1-9]\d{0,18})$/;
const START: FeedPosition = { txid: "0", position: "0" };

const encodeFeedCursor = ({ txid, position }: FeedPosition) => encodeCursor(`${txid}.${position}`);

export const changeEventsInput = z
  .strictObject({
    after: z
      .string({ error: CURSOR_MESSAGE })
      .nullish()
      .transform((cursor, ctx): FeedPosition | null => {
        if (cursor === undefined || cursor === null || cursor === "") return null;
        const match = decodeCursor(cursor, POSITION);
        if (match?.[1] && match[2]) return { txid: match[1], position: match[2] };
        ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
        return z.NEVER;
      }),
    limit: z
      .number({ error: LIMIT_MESSAGE })
      .int({ error: LIMIT_MESSAGE })
      .min(1, { error: LIMIT_MESSAGE })
      .max(MAX_EVENT_PAGE, { error: LIMIT_MESSAGE })
      .default(100),
    customerId: systemId("customerId").optional(),
  })
  .nullish()
  .transform((input) => input ?? { after: null, limit: 100, customerId: undefined });

export const changeEventsResult = z.object({
  items: z.array(changeEventSchema),
  /** Where to poll from next: the last item's position, or the one asked for when nothing is newer. */
  nextCursor: z.string(),
});
export type ChangeEventsResult = z.infer<typeof changeEventsResult>;

/**
 * events.list: the events after a cursor, oldest first; replay from any cursor still retained.
 * An empty page for one customer checks that the customer exists (404 otherwise), as every
 * action of one customer does.
 */
export async function listChangeEvents(
  sources: Pick<Sources, "events" | "writes">,
  input: z.output<typeof changeEventsInput>,
): Promise<ChangeEventsResult> {
  const { limit, after, customerId } = input;
  const rows = await sources.events.list({ limit, after, customerId });
  if (rows.length === 0 && customerId && !(await sources.writes.customerExists(customerId))) {
    throw notFound("customerId", `No customer has customerId ${customerId}.`);
  }
  const last = rows[rows.length - 1];
  return {
    items: rows.map((row) => row.event),
    nextCursor: encodeFeedCursor(last?.at ?? input.after ?? START),
  };
}

export const changeEventFeed = defineAction({
  name: "FTOS_ACC_ListChangeEvents",
  procedure: "events.list",
  kind: "query",
  access: "read",
  tag: "Events",
  title: "Change events",
  summary:
    "The change events of CONTRACT §9 after a cursor, oldest first (every customer, or one): what changed, old and new values, under each customer's sequence number.",
  input: changeEventsInput,
  output: changeEventsResult,
  message: (output) => `${output.items.length} change events`,
  run: ({ sources }, input) => listChangeEvents(sources, input),
});
