import {
  type AccountPendingActivitiesSource,
  CLOSED_TASK_STATUSES,
  FINAL_BUSINESS_STATUSES,
  type PendingFacts,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { literalList } from "../schema/columns";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { jsonOf } from "./widget-sql";

interface PendingRow {
  applications: unknown;
  tasks: unknown;
  agreements: unknown;
  instalments: unknown;
}

type PendingParams = { customerId: string; today: string; agreementsEndingBy: string };

const pendingFacts = readStatement<PendingParams>(
  "pending activities",
  ({ customerId, today, agreementsEndingBy }) => sql`select
            coalesce((
              select json_agg(json_build_object(
                'id', a.id, 'name', a.name, 'bankingProduct', a.banking_product,
                'businessStatus', a.business_status, 'externalId', a.external_id))
              from applications a
              where a.customer_id = c.id and lower(trim(a.business_status)) not in ${literalList(FINAL_BUSINESS_STATUSES)}
            ), '[]'::json) as applications,
            coalesce((
              select json_agg(json_build_object(
                'id', t.id, 'title', t.title, 'dueDate', to_char(t.due_date, 'YYYY-MM-DD'),
                'status', t.status, 'externalId', t.external_id))
              from tasks t
              where t.customer_id = c.id and lower(trim(t.status)) not in ${literalList(CLOSED_TASK_STATUSES)}
            ), '[]'::json) as tasks,
            coalesce((
              select json_agg(json_build_object(
                'id', g.id, 'agreementType', g.agreement_type, 'endDate', to_char(g.end_date, 'YYYY-MM-DD'),
                'externalId', g.external_id))
              from agreements g
              where g.customer_id = c.id and g.start_date <= ${today}::text::date
                and g.end_date >= ${today}::text::date and g.end_date <= ${agreementsEndingBy}::text::date
            ), '[]'::json) as agreements,
            coalesce((
              select json_agg(json_build_object(
                'id', i.id, 'contractNo', i.contract_no, 'dueDate', to_char(i.due_date, 'YYYY-MM-DD'),
                'amount', i.amount::text, 'currency', i.currency, 'externalId', i.external_id))
              from instalments i
              where i.customer_id = c.id and not i.paid and i.due_date < ${today}::text::date
            ), '[]'::json) as instalments
          from customers c where c.id = ${customerId}::text::uuid`,
);

/** FTOS_ACC_AccountPendingActivities: the four kinds of pending record, filtered in SQL, in one round trip. */
export function accountPendingActivitiesSource(db: Db): AccountPendingActivitiesSource {
  return {
    async pendingFacts(query) {
      const row = (await db.run<PendingRow, PendingParams>(pendingFacts, query))[0];
      if (!row) return null;
      return {
        applications: jsonOf<PendingFacts["applications"]>(row.applications),
        tasks: jsonOf<PendingFacts["tasks"]>(row.tasks),
        agreements: jsonOf<PendingFacts["agreements"]>(row.agreements),
        instalments: jsonOf<PendingFacts["instalments"]>(row.instalments),
      };
    },
  };
}
