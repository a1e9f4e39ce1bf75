import {
  type AccountPendingActivitiesSource,
  CLOSED_TASK_STATUSES,
  FINAL_BUSINESS_STATUSES,
  type PendingFacts,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { agreements, applications, instalments, tasks } from "../schema";
import { literalList } from "../schema/columns";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { isoDate, jsonObjects, jsonOf } from "./widget-sql";

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
          ${jsonObjects(
            {
              id: applications.id,
              name: applications.name,
              bankingProduct: applications.bankingProduct,
              businessStatus: applications.businessStatus,
              externalId: applications.externalId,
            },
            sql`from ${applications} where ${applications.customerId} = c.id
              and lower(trim(${applications.businessStatus})) not in ${literalList(FINAL_BUSINESS_STATUSES)}`,
          )} as applications,
          ${jsonObjects(
            {
              id: tasks.id,
              title: tasks.title,
              dueDate: isoDate(tasks.dueDate),
              status: tasks.status,
              externalId: tasks.externalId,
            },
            sql`from ${tasks} where ${tasks.customerId} = c.id
              and lower(trim(${tasks.status})) not in ${literalList(CLOSED_TASK_STATUSES)}`,
          )} as tasks,
          ${jsonObjects(
            {
              id: agreements.id,
              agreementType: agreements.agreementType,
              endDate: isoDate(agreements.endDate),
              externalId: agreements.externalId,
            },
            sql`from ${agreements} where ${agreements.customerId} = c.id
              and ${agreements.startDate} <= ${today}::text::date and ${agreements.endDate} >= ${today}::text::date
              and ${agreements.endDate} <= ${agreementsEndingBy}::text::date`,
          )} as agreements,
          ${jsonObjects(
            {
              id: instalments.id,
              contractNo: instalments.contractNo,
              dueDate: isoDate(instalments.dueDate),
              amount: sql`${instalments.amount}::text`,
              currency: instalments.currency,
              externalId: instalments.externalId,
            },
            sql`from ${instalments} where ${instalments.customerId} = c.id
              and not ${instalments.paid} and ${instalments.dueDate} < ${today}::text::date`,
          )} as instalments
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
