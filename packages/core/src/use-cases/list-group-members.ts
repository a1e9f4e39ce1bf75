import { z } from "zod";
import { defineAction } from "../actions/action";
import { customerInput } from "../rules/ids";
import { todayOf } from "../widgets/months";
import { unknownCustomer } from "../widgets/widget-input";

/**
 * groups.members: a group's memberships (every one, active or not, with its dates), or, asked
 * of a member, the groups it belongs to — the links between a member and its groups.
 */

const membership = z.object({
  groupMemberIdentifier: z.string(),
  groupInternalId: z.string(),
  groupName: z.string(),
  customerInternalId: z.string(),
  name: z.string(),
  role: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Active today: today falls between its dates (inclusive, open ends allowed). */
  active: z.boolean(),
});
export type GroupMembership = z.infer<typeof membership>;

export const groupMembersOutput = z.object({
  customerInternalId: z.string(),
  /** When the customer is a group, its members; empty otherwise. */
  members: z.array(membership),
  /** The groups the customer is (or was) a member of. */
  groups: z.array(membership),
});
export type GroupMembersOutput = z.infer<typeof groupMembersOutput>;

export interface GroupMembersSource {
  /** null when no customer has this id. */
  membershipsOf(query: {
    customerId: string;
    today: string;
  }): Promise<Omit<GroupMembersOutput, "customerInternalId"> | null>;
}

export const listGroupMembers = defineAction({
  name: "FTOS_ACC_GroupMembers",
  procedure: "groups.members",
  kind: "query",
  access: "read",
  tag: "Customers",
  title: "Group members",
  summary: "A group's members with their roles and dates, and the groups a customer belongs to.",
  input: customerInput,
  output: groupMembersOutput,
  run: async ({ sources, now }, { customerInternalId }) => {
    const found = await sources.groupMembers.membershipsOf({
      customerId: customerInternalId,
      today: todayOf(now),
    });
    if (!found) throw unknownCustomer("customerInternalId", customerInternalId);
    return { customerInternalId, ...found };
  },
});
