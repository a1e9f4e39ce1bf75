import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionKeyViolations } from "./distribution-keys";
import { openTestDatabase } from "./testing";

/**
 * The breaches of CONTRACT §11's key rule the schema still has. This list may only shrink: a new
 * table or index that breaks the rule fails the test by name, and so does an entry here once fixed.
 */
const KNOWN_VIOLATIONS: string[] = [
  "applications: unique index applications_source_external_id_key lacks customer_id",
  "campaign_offers: unique index campaign_offers_external_id_key lacks customer_id",
  "compliance_flags: unique index compliance_flags_external_id_key lacks customer_id",
  "contracts: unique index contracts_external_id_key lacks customer_id",
  "customers: unique index customers_unique_id_key lacks id",
  "garnishments: unique index garnishments_external_id_key lacks customer_id",
  "group_members: foreign key group_members_group_id_customers_id_fk to customers does not pair customer_id with customers.id",
  "instalments: unique index instalments_external_id_key lacks customer_id",
  "interactions: unique index interactions_external_id_key lacks customer_id",
  "profitability_values: unique index profitability_values_external_id_key lacks customer_id",
  "representatives: foreign key representatives_representative_id_customers_id_fk to customers does not pair customer_id with customers.id",
  "revenues: unique index revenues_external_id_key lacks customer_id",
  "tasks: unique index tasks_external_id_key lacks customer_id",
  "transactions: unique index transactions_external_id_key lacks customer_id",
];

describe("the schema, as the catalog shows it, is ready to distribute by customer", () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("has customer_id in each customer-owned table's primary key, unique indexes and foreign keys", async () => {
    expect(await distributionKeyViolations(handle.db)).toEqual(KNOWN_VIOLATIONS);
  });
});
