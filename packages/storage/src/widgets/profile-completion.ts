import type { ProfileCompleteSource, ProfileFacts } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";

/**
 * The profile facts as columns over `customers c`: the customer's own fields plus three scalar
 * subqueries on indexed customer columns. Shared by the flags and header queries.
 */
export const profileFactColumns = (today: Param): SQL => sql`
  c.first_name, c.last_name, c.unique_id, c.email, c.mobile_phone, c.email_address_type, c.phone_number_type,
  c.kind, c.name, c.registration_number, c.industry, c.account_type,
  (select count(*)::int from addresses a where a.customer_id = c.id) as address_count,
  (select count(*)::int from representatives r where r.customer_id = c.id) as representative_count,
  exists (select 1 from pictures p where p.customer_id = c.id) as has_picture,
  exists (
    select 1 from agreements g
    where g.customer_id = c.id and g.start_date <= ${today}::text::date and (g.end_date is null or g.end_date >= ${today}::text::date)
  ) as has_active_agreement`;

export interface ProfileFactRow {
  first_name: string | null;
  last_name: string | null;
  unique_id: string | null;
  email: string | null;
  mobile_phone: string | null;
  email_address_type: string | null;
  phone_number_type: string | null;
  kind: string;
  name: string | null;
  registration_number: string | null;
  industry: string | null;
  account_type: string | null;
  address_count: number;
  representative_count: number;
  has_picture: boolean;
  has_active_agreement: boolean;
}

export const profileFactsOf = (row: ProfileFactRow): ProfileFacts => ({
  firstName: row.first_name,
  lastName: row.last_name,
  uniqueId: row.unique_id,
  email: row.email,
  mobilePhone: row.mobile_phone,
  emailAddressType: row.email_address_type,
  phoneNumberType: row.phone_number_type,
  addressCount: Number(row.address_count),
  hasPicture: Boolean(row.has_picture),
  hasActiveAgreement: Boolean(row.has_active_agreement),
  legalEntity:
    row.kind === "legalEntity"
      ? {
          name: row.name,
          registrationNumber: row.registration_number,
          industry: row.industry,
          representativeCount: Number(row.representative_count),
        }
      : null,
});

const profileFacts = readStatement<{ customerId: string; today: string }>(
  "profile completion",
  (p) => sql`select ${profileFactColumns(p.today)} from customers c where c.id = ${p.customerId}::text::uuid`,
);

/** FTOS_ACC_ProfileComplete: one round trip; no row means no such customer. */
export function profileCompleteSource(db: Db): ProfileCompleteSource {
  return {
    async profileFacts(query) {
      const row = (await db.run<ProfileFactRow, typeof query>(profileFacts, query))[0];
      return row ? profileFactsOf(row) : null;
    },
  };
}
