import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

/**
 * A customer's membership of a group (a legal entity of accountType Group), active on the days
 * between its dates, either end open. One membership per (group, customer); a customer may belong
 * to several groups.
 */
export const groupMembers = pgTable(
  "group_members",
  {
    ...ownedKeyAndTimestamps,
    /**
     * The group is another customer, on another shard once distributed (CONTRACT §11), so no
     * foreign key: the membership's insert checks the group exists and is a group, share-locking
     * it, and a membership never moves to another group.
     */
    groupId: uuid().notNull(),
    /**
     * The group's name, kept on the membership so that the member's header reads its groups from
     * its own rows (one shard once distributed): written from the group's row by the membership's
     * insert and by the group's rename, both under the group's row lock.
     */
    groupName: text().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    role: text().notNull(),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("group_members_group_customer_key").on(t.groupId, t.customerId),
    index("group_members_customer_idx").on(t.customerId),
    check("group_members_not_self", sql`${t.groupId} <> ${t.customerId}`),
    check(
      "group_members_dates",
      sql`${t.startDate} is null or ${t.endDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
  ],
);
