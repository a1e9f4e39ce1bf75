import type { RetentionRecords } from "@account360/core";
import { sql } from "drizzle-orm";
import {
  agreements,
  applications,
  contracts,
  customers,
  garnishments,
  revenues,
  transactions,
} from "../schema";
import type { Db } from "../sql/db";

/** The dates and statuses the retention policy decides on, for one customer; null when it does not exist. */
export async function retentionRecords(db: Db, customerId: string): Promise<RetentionRecords | null> {
  const id = sql`${customerId}::uuid`;
  const rows = await db.execute<{ records: string | null }>(
    sql`select json_build_object(
      'kind', ${customers.kind},
      'customerSince', ${customers.createdAt}::date::text,
      'contracts', (select coalesce(json_agg(json_build_object('contractNo', ${contracts.contractNo},
          'status', ${contracts.status}, 'closeDate', ${contracts.closeDate}::text) order by ${contracts.id}), '[]')
        from ${contracts} where ${contracts.customerId} = ${id}),
      'applications', (select coalesce(json_agg(json_build_object('applicationId', ${applications.id}::text,
          'businessStatus', ${applications.businessStatus}, 'updatedOn', ${applications.updatedAt}::date::text)
          order by ${applications.id}), '[]')
        from ${applications} where ${applications.customerId} = ${id}),
      'garnishments', (select coalesce(json_agg(json_build_object('externalId', ${garnishments.externalId},
          'releasedOn', ${garnishments.releasedOn}::text) order by ${garnishments.id}), '[]')
        from ${garnishments} where ${garnishments.customerId} = ${id}),
      'agreements', (select coalesce(json_agg(json_build_object('endDate', ${agreements.endDate}::text)
          order by ${agreements.id}), '[]')
        from ${agreements} where ${agreements.customerId} = ${id}),
      'lastFinancialActivityOn', greatest(
        (select max(${transactions.bookingDate}) from ${transactions} where ${transactions.customerId} = ${id}),
        (select max(${revenues.revenueDate}) from ${revenues} where ${revenues.customerId} = ${id}))::text
    )::text as records from ${customers} where ${customers.id} = ${id}`,
    "privacy retention records",
  );
  const text = rows[0]?.records;
  return text ? (JSON.parse(text) as RetentionRecords) : null;
}
