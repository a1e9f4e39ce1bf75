import type { z } from "zod";
import type { AuditStamp, GroupMemberFields, WriteStore, WriteTransaction } from "../ports/write-store";
import { isoDate } from "../rules/dates";
import { optional } from "../rules/field";
import { groupMemberRole } from "../rules/option-sets";
import { optionalId } from "../rules/system-id";
import { fields } from "../rules/validation";
import { accountKindLabel, isGroup } from "../use-cases/customer-accounts";
import { namedRecord, requireEndAfterStart } from "../use-cases/named-record";
import {
  badRequest,
  conflict,
  createOrUpdateExisting,
  fieldsOf,
  merge,
  notFound,
  type Patch,
  saveChanges,
  withinSection,
} from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateGroupMemberAction = "FTOS_ACC_CB_AddUpdateGroupMember";

export const groupMemberInput = fields("Data", {
  GroupMemberInfo: fields("GroupMemberInfo", {
    groupMemberIdentifier: optionalId("groupMemberIdentifier"),
    groupInternalId: optionalId("groupInternalId"),
    customerInternalId: optionalId("customerInternalId"),
    role: optional("role", groupMemberRole),
    startDate: optional("startDate", isoDate),
    endDate: optional("endDate", isoDate),
  }),
});
export type GroupMemberInput = z.output<typeof groupMemberInput>;

export const groupMemberResult = writeResult("groupMemberIdentifier");
export type GroupMemberResult = z.output<typeof groupMemberResult>;

const groupMember = namedRecord("groupMember", "group member", "groupMemberIdentifier");

/** The group must be an account of accountType Group; the member any customer that is not a group. */
async function requireGroupAndMember(tx: WriteTransaction, fields: GroupMemberFields): Promise<void> {
  const { groupInternalId, customerInternalId } = fields;
  const group = await tx.accountOf(groupInternalId);
  if (!group) throw notFound("groupInternalId", `No customer has customerInternalId ${groupInternalId}.`);
  if (!isGroup(group)) {
    throw badRequest(
      "groupInternalId",
      `Customer ${groupInternalId} is ${accountKindLabel(group)}, not a group (a legal entity of accountType Group).`,
      "groupInternalId must name a customer of accountType Group",
    );
  }
  const member = await tx.accountOf(customerInternalId);
  if (!member)
    throw notFound("customerInternalId", `No customer has customerInternalId ${customerInternalId}.`);
  if (isGroup(member)) {
    throw badRequest(
      "customerInternalId",
      `Customer ${customerInternalId} is a group; a group cannot be a member of another.`,
      "customerInternalId must name an individual or a legal entity that is not a group",
    );
  }
}

/**
 * FTOS_ACC_CB_AddUpdateGroupMember (Account360's own; FintechOS publishes none): the membership
 * named by groupMemberIdentifier (404 when unknown, 409 when the group or customer sent is not
 * its own), else the one of the (group, customer) pair, else a new one. Absent dates keep their
 * value, null opens that end.
 */
export async function upsertGroupMember(
  store: WriteStore,
  actor: Actor,
  input: GroupMemberInput,
): Promise<GroupMemberResult> {
  const { groupMemberIdentifier, groupInternalId, customerInternalId, ...sent } = input.GroupMemberInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateGroupMemberAction };
  return withinSection("GroupMemberInfo", async () => {
    const { role } = sent;
    // role may be left out of an update, never cleared.
    if (role === null) throw badRequest("role", "role must not be empty");
    const patch: Patch<GroupMemberFields> = { ...sent, role };
    const update = (tx: WriteTransaction, stored: GroupMemberFields & { id: string }) => {
      const next = merge(fieldsOf(stored), patch);
      requireEndAfterStart(next);
      return saveChanges(tx, "groupMember", stored, next, stamp);
    };

    if (groupMemberIdentifier) {
      return store.transaction(async (tx) => {
        // Its customerInternalId is the member's, so both ends are compared below.
        const stored = await groupMember.lock(tx, groupMemberIdentifier);
        for (const [field, value] of [
          ["groupInternalId", groupInternalId],
          ["customerInternalId", customerInternalId],
        ] as const) {
          if (value && value !== stored[field]) {
            throw conflict(
              field,
              `Group member ${groupMemberIdentifier} has another ${field} than ${value}.`,
              `${field} is not the membership's own`,
            );
          }
        }
        return { groupMemberIdentifier, operation: await update(tx, stored) };
      });
    }
    if (!groupInternalId) throw groupMember.requiredToAdd("groupInternalId");
    if (!customerInternalId) throw groupMember.requiredToAdd("customerInternalId");
    if (!role) throw groupMember.requiredToAdd("role");
    const fields: GroupMemberFields = {
      groupInternalId,
      customerInternalId,
      role,
      startDate: sent.startDate ?? null,
      endDate: sent.endDate ?? null,
    };
    requireEndAfterStart(fields);
    // The insert itself checks that the group is a group and the member is not (the store's
    // create); when it stores nothing and no membership holds the pair, `absent` says why.
    return createOrUpdateExisting<"groupMember", GroupMemberResult>(store, "groupMember", fields, stamp, {
      created: (id) => ({ groupMemberIdentifier: id, operation: "created" }),
      existing: async (tx, stored) => ({
        groupMemberIdentifier: stored.id,
        operation: await update(tx, stored),
      }),
      absent: (tx) => requireGroupAndMember(tx, fields),
    });
  });
}

export const addUpdateGroupMember = defineWriteAction({
  name: addUpdateGroupMemberAction,
  procedure: "groups.upsertMember",
  title: "Group member",
  summary:
    "Adds a customer to a group (a legal entity of accountType Group) with a role and validity dates, or updates the membership.",
  input: groupMemberInput,
  output: groupMemberResult,
  upsert: upsertGroupMember,
});
