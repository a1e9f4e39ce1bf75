import { z } from "zod";
import { defineAction } from "../actions/action";
import type { AuditEntry, AuditPosition, WriteStore } from "../ports/write-store";
import { decodeCursor, encodeCursor } from "../rules/cursor";
import { customerInternalIdField } from "../rules/ids";
import { notFound } from "./record-changes";

const MAX_AUDIT_PAGE = 200;
const CURSOR_MESSAGE = "cursor must be the nextCursor of a previous page";
const POSITION = /^([1-9]\d{0,15})\|([1-9]\d{0,18})$/;

const encodeAuditCursor = ({ sequence, id }: AuditPosition) => encodeCursor(`${sequence}|${id}`);

function decodeAuditCursor(cursor: string): AuditPosition | null {
  const match = decodeCursor(cursor, POSITION);
  return match?.[1] && match[2] ? { sequence: Number(match[1]), id: match[2] } : null;
}

export const customerAuditInput = z.strictObject({
  customerInternalId: customerInternalIdField,
  limit: z
    .number({ error: "limit must be a whole number from 1 to 200" })
    .int({ error: "limit must be a whole number from 1 to 200" })
    .min(1, { error: "limit must be a whole number from 1 to 200" })
    .max(MAX_AUDIT_PAGE, { error: "limit must be a whole number from 1 to 200" })
    .default(50),
  cursor: z
    .string({ error: CURSOR_MESSAGE })
    .nullish()
    .transform((cursor, ctx): AuditPosition | null | undefined => {
      if (cursor === undefined || cursor === null || cursor === "")
        return cursor === undefined ? undefined : null;
      const position = decodeAuditCursor(cursor);
      if (position) return position;
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }),
});
export type CustomerAuditInput = z.input<typeof customerAuditInput>;

const changeSchema = z.object({ old: z.unknown(), new: z.unknown() });
export const auditEntrySchema = z.object({
  id: z.string(),
  sequence: z.number().int(),
  at: z.string(),
  userName: z.string(),
  action: z.string(),
  entity: z.string(),
  recordId: z.string(),
  customerId: z.string(),
  operation: z.enum(["created", "updated", "erased"]),
  changes: z.record(z.string(), changeSchema),
});
export const customerAuditResult = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type CustomerAuditResult = { items: AuditEntry[]; nextCursor: string | null };

/**
 * audit.forCustomer: every change to the customer and its addresses, representatives,
 * applications and agreements, newest first, `limit` at a time; `nextCursor` (null on the last
 * page) asks for the page after.
 */
export async function listCustomerAudit(
  store: WriteStore,
  input: z.output<typeof customerAuditInput>,
): Promise<CustomerAuditResult> {
  const { customerInternalId, limit, cursor } = input;
  if (!(await store.customerExists(customerInternalId))) {
    throw notFound("customerInternalId", `No customer has customerInternalId ${customerInternalId}.`);
  }
  const rows = await store.auditForCustomer(customerInternalId, {
    limit: limit + 1,
    before: cursor ?? null,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
}

export const customerAuditTrail = defineAction({
  name: "FTOS_ACC_CustomerAuditTrail",
  procedure: "audit.forCustomer",
  kind: "query",
  access: "read",
  tag: "Audit",
  title: "Audit trail",
  summary:
    "Every change to the customer and its addresses, representatives, applications and agreements: who, when, which action, each field's old and new value.",
  input: customerAuditInput,
  output: customerAuditResult,
  run: ({ sources }, input) => listCustomerAudit(sources.writes, input),
});
