import {
  type AccountClientLifecycleSource,
  FINAL_BUSINESS_STATUSES,
  LIFECYCLE_STAGES,
  type LifecycleEventFacts,
  type LifecycleStage,
  type LifecycleWindows,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { literalList } from "../schema/columns";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { isActiveContract } from "./header";
import { jsonOf } from "./widget-sql";

/** UTC midnight starting `date`, as a timestamptz, so interactions are compared on UTC days. */
const utcMidnight = (date: SQL): SQL => sql`((${date})::timestamp at time zone 'UTC')`;

const hasPendingApplication = sql`exists (
  select 1 from applications a
  where a.customer_id = c.id and lower(trim(a.business_status)) not in ${literalList(FINAL_BUSINESS_STATUSES)})`;

type Windows = { [K in keyof LifecycleWindows]: Param };

/** Any transaction or interaction from activeSince to today: probes of the (customer, date) indexes. */
const hadRecentActivity = (w: Windows): SQL => sql`(
  exists (
    select 1 from transactions t
    where t.customer_id = c.id and t.booking_date between ${w.activeSince}::text::date and ${w.today}::text::date)
  or exists (
    select 1 from interactions i
    where i.customer_id = c.id
      and i.occurred_at >= ${utcMidnight(sql`${w.activeSince}::text::date`)}
      and i.occurred_at < ${utcMidnight(sql`${w.today}::text::date + 1`)}))`;

const stageCounts = readStatement<LifecycleWindows>(
  "lifecycle stage counts",
  (w) => sql`
    with k as (
      select customer_id,
        bool_or(${isActiveContract("contracts", w.today)}) as has_active,
        min(activation_date) as first_activation
      from contracts where activation_date <= ${w.today}::text::date
      group by customer_id
    )
    select stage, count(*)::int as customers from (
      select case
        when k.has_active then
          case
            when k.first_activation >= ${w.newSince}::text::date then 'New'
            when ${hadRecentActivity(w)} then 'Active'
            else 'Dormant'
          end
        when ${hasPendingApplication} then 'Applicant'
        when k.customer_id is not null then 'Closed'
        else 'Prospect'
      end as stage
      from customers c left join k on k.customer_id = c.id
    ) staged
    group by stage`,
);

interface CustomerLifecycleRow {
  has_active_contract: boolean;
  first_activation: string | null;
  has_pending_application: boolean;
  last_transaction: string | null;
  last_interaction: string | null;
  events: unknown;
}

const customerLifecycle = readStatement<{ customerId: string; today: string }>(
  "customer lifecycle",
  (p) => sql`select
      exists (select 1 from contracts k where k.customer_id = c.id and ${isActiveContract("k", p.today)})
        as has_active_contract,
      (select to_char(min(k.activation_date), 'YYYY-MM-DD') from contracts k
        where k.customer_id = c.id and k.activation_date <= ${p.today}::text::date) as first_activation,
      ${hasPendingApplication} as has_pending_application,
      (select to_char(max(t.booking_date), 'YYYY-MM-DD') from transactions t
        where t.customer_id = c.id and t.booking_date <= ${p.today}::text::date) as last_transaction,
      (select to_char(max(i.occurred_at) at time zone 'UTC', 'YYYY-MM-DD') from interactions i
        where i.customer_id = c.id and i.occurred_at < ${utcMidnight(sql`${p.today}::text::date + 1`)}) as last_interaction,
      coalesce((select json_agg(e) from (
        select to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, 'application' as kind,
          a.name as name, a.banking_product as product, a.business_status as status, a.external_id as reference
        from applications a where a.customer_id = c.id
        union all
        select to_char(k.activation_date, 'YYYY-MM-DD'), 'contractOpened', null, k.banking_product, null, k.contract_no
        from contracts k where k.customer_id = c.id and k.activation_date <= ${p.today}::text::date
        union all
        select to_char(k.close_date, 'YYYY-MM-DD'), 'contractClosed', null, k.banking_product, null, k.contract_no
        from contracts k where k.customer_id = c.id and k.close_date <= ${p.today}::text::date
      ) e), '[]'::json) as events
    from customers c where c.id = ${p.customerId}::text::uuid`,
);

/**
 * FTOS_ACC_AccountClientLifecycle. The counts classify every customer in one statement whose
 * CASE mirrors lifecycleStageOf (the storage tests hold the two to the same answers); the
 * per-customer form reads the rule's facts and the events in one round trip.
 */
export function accountClientLifecycleSource(db: Db): AccountClientLifecycleSource {
  return {
    async stageCounts(windows) {
      const rows = await db.run<{ stage: LifecycleStage; customers: number }, LifecycleWindows>(
        stageCounts,
        windows,
      );
      const counts = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as Record<
        LifecycleStage,
        number
      >;
      for (const row of rows) counts[row.stage] = Number(row.customers);
      return counts;
    },

    async customerLifecycle({ customerId, today }) {
      const rows = await db.run<CustomerLifecycleRow, { customerId: string; today: string }>(
        customerLifecycle,
        { customerId, today },
      );
      const row = rows[0];
      if (!row) return null;
      const activity = [row.last_transaction, row.last_interaction]
        .filter((d): d is string => d !== null)
        .sort();
      return {
        facts: {
          hasActiveContract: Boolean(row.has_active_contract),
          firstActivationDate: row.first_activation,
          everHadContract: row.first_activation !== null,
          hasPendingApplication: Boolean(row.has_pending_application),
          lastActivityDate: activity.at(-1) ?? null,
        },
        events: jsonOf<LifecycleEventFacts[]>(row.events),
      };
    },
  };
}
