import type { HeldRows, PrivacySource } from "@account360/core";
import type { Db } from "../sql/db";
import { eraseCustomer } from "./erase-customer";
import { heldRowsQuery } from "./held-tables";
import { retentionRecords } from "./retention-records";

/** CONTRACT §10's port over one database. */
export function privacySource(db: Db): PrivacySource {
  return {
    async heldRows(customerId) {
      const [row] = await db.execute<{ held: string }>(heldRowsQuery(customerId), "privacy export");
      const held = JSON.parse(row?.held ?? "{}") as HeldRows;
      return (held.customers?.length ?? 0) > 0 ? held : null;
    },
    records: (customerId) => retentionRecords(db, customerId),
    erase: (customerId, erasure) => eraseCustomer(db, customerId, erasure),
  };
}
