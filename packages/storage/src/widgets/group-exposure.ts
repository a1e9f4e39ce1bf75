import type { ExposureGroupRow, GroupExposureSource } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { isActiveContract } from "./header";
import { customerName, isActiveMembership } from "./membership-sql";
import { customerFound, jsonIfFound } from "./widget-sql";

type Params = { customerId: string; today: string };

/**
 * The groups asked about: the customer itself when it is a group, else every group it is an
 * active member of today, named from its own memberships (each arm reads one customer's rows).
 */
const groupsOf = (customerId: Param, today: Param): SQL => sql`
  select g.id, g.name from customers g
  where g.id = ${customerId}::text::uuid and g.kind = 'legalEntity' and g.account_type = 'Group'
  union
  select m.group_id, m.group_name from group_members m
  where m.customer_id = ${customerId}::text::uuid and ${isActiveMembership("m", today)}`;

/**
 * FTOS_ACC_GroupExposure in one statement: the groups, their members as of today and each
 * member's active holdings (the portfolio's rule) summed exactly by PostgreSQL per category and
 * currency, as decimal text. The core puts each category on its side.
 */
const exposure = readStatement<Params>(
  "group exposure",
  (p) => sql`with asked as (${groupsOf(p.customerId, p.today)}),
    members as (
      select m.group_id, m.customer_id, m.role, ${customerName("c")} as name
      from asked g join group_members m on m.group_id = g.id join customers c on c.id = m.customer_id
      where ${isActiveMembership("m", p.today)}
    ),
    balances as (
      select mb.group_id, mb.customer_id, k.category, k.currency, sum(k.balance) as amount
      from members mb join contracts k on k.customer_id = mb.customer_id
      where ${isActiveContract("k", p.today)}
      group by mb.group_id, mb.customer_id, k.category, k.currency
    )
    select ${customerFound(p.customerId)} as found,
      coalesce((
        select json_agg(json_build_object(
          'customerInternalId', g.id, 'name', g.name,
          'members', coalesce((
            select json_agg(json_build_object(
              'customerInternalId', mb.customer_id, 'name', mb.name, 'role', mb.role,
              'balances', coalesce((
                select json_agg(json_build_object('category', b.category, 'currency', b.currency, 'amount', b.amount::text)
                  order by b.currency, b.category)
                from balances b where b.group_id = mb.group_id and b.customer_id = mb.customer_id
              ), '[]'::json)) order by mb.name, mb.customer_id)
            from members mb where mb.group_id = g.id
          ), '[]'::json)) order by g.name, g.id)
        from asked g
      ), '[]'::json) as groups`,
);

export function groupExposureSource(db: Db): GroupExposureSource {
  return {
    async exposureOf(params) {
      return jsonIfFound<ExposureGroupRow[], Params>(db, exposure, params, "groups");
    },
  };
}
