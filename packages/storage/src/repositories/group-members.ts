import type { GroupMembership, GroupMembersSource } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { customerName, isActiveMembership } from "../widgets/membership-sql";
import { customerFound, jsonOf, oneRow } from "../widgets/widget-sql";

type Params = { customerId: string; today: string };

const memberships = (side: "group_id" | "customer_id", p: { customerId: Param; today: Param }): SQL => sql`
  coalesce((
    select json_agg(json_build_object(
      'groupMemberIdentifier', m.id, 'groupInternalId', m.group_id, 'groupName', g.name,
      'customerInternalId', m.customer_id, 'name', ${customerName("c")}, 'role', m.role,
      'startDate', to_char(m.start_date, 'YYYY-MM-DD'), 'endDate', to_char(m.end_date, 'YYYY-MM-DD'),
      'active', ${isActiveMembership("m", p.today)}) order by g.name, ${customerName("c")}, m.id)
    from group_members m join customers g on g.id = m.group_id join customers c on c.id = m.customer_id
    where m.${sql.raw(side)} = ${p.customerId}::text::uuid
  ), '[]'::json)`;

/** groups.members: both directions of the customer's memberships in one round trip. */
const membershipsStatement = readStatement<Params>(
  "group members",
  (p) => sql`select ${customerFound(p.customerId)} as found,
    ${memberships("group_id", p)} as members,
    ${memberships("customer_id", p)} as groups`,
);

export function groupMembersSource(db: Db): GroupMembersSource {
  return {
    async membershipsOf(params) {
      const row = await oneRow<{ found: boolean; members: unknown; groups: unknown }, Params>(
        db,
        membershipsStatement,
        params,
      );
      if (!row.found) return null;
      return {
        members: jsonOf<GroupMembership[]>(row.members),
        groups: jsonOf<GroupMembership[]>(row.groups),
      };
    },
  };
}
