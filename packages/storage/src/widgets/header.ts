import {
  ACTIVE_HOLDING_STATUSES,
  type AccountHeaderSource,
  type AddressFacts,
  type HeaderGroup,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { literalList } from "../schema/columns";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { consentTypesParam, type FlagFactRow, type FlagParams, flagFactColumns, flagFactsOf } from "./flags";
import { isActiveMembership } from "./membership-sql";
import { jsonOf } from "./widget-sql";

/** A contract active today, by the portfolio's rule (isActiveHolding in the core). */
export const isActiveContract = (alias: string, today: Param): SQL => {
  const k = sql.raw(alias);
  return sql`lower(trim(${k}.status)) in ${literalList(ACTIVE_HOLDING_STATUSES)}
    and ${k}.activation_date <= ${today}::text::date
    and (${k}.close_date is null or ${k}.close_date >= ${today}::text::date)`;
};

interface HeaderRow extends FlagFactRow {
  segment: string | null;
  groups: unknown;
  addresses: unknown;
  active_products: number;
}

const headerFacts = readStatement<FlagParams>(
  "account header",
  (p) => sql`select
            c.segment,
            coalesce((
              select json_agg(json_build_object(
                'addressIdentifier', a.id, 'addressType', a.address_type, 'country', a.country,
                'district', a.district, 'city', a.city, 'streetName', a.street_name, 'streetNo', a.street_no,
                'buildingNo', a.building_no, 'floorNo', a.floor_no, 'apartmentNo', a.apartment_no,
                'postalCode', a.postal_code) order by a.created_at, a.id)
              from addresses a where a.customer_id = c.id
            ), '[]'::json) as addresses,
            (select count(*)::int from contracts k where k.customer_id = c.id and ${isActiveContract("k", p.today)})
              as active_products,
            coalesce((
              select json_agg(json_build_object('customerInternalId', m.group_id, 'name', m.group_name, 'role', m.role)
                order by m.group_name, m.group_id)
              from group_members m
              where m.customer_id = c.id and ${isActiveMembership("m", p.today)}
            ), '[]'::json) as groups,
            ${flagFactColumns(p.today, p.consentTypes)}
          from customers c where c.id = ${p.customerId}::text::uuid`,
);

/** FTOS_ACC_AccountHeader: the customer, its addresses, active products and every flag fact in one round trip. */
export function accountHeaderSource(db: Db): AccountHeaderSource {
  return {
    async headerFacts({ customerId, today, consentTypes }) {
      const params = { customerId, today, consentTypes: consentTypesParam(consentTypes) };
      const row = (await db.run<HeaderRow, FlagParams>(headerFacts, params))[0];
      if (!row) return null;
      return {
        ...flagFactsOf(row),
        firstName: row.first_name ?? "",
        lastName: row.last_name ?? "",
        uniqueId: row.unique_id ?? "",
        email: row.email ?? "",
        mobilePhone: row.mobile_phone ?? "",
        segment: row.segment,
        addresses: jsonOf<AddressFacts[]>(row.addresses),
        activeProducts: Number(row.active_products),
        legalEntity:
          row.kind === "legalEntity"
            ? {
                name: row.name ?? "",
                registrationNumber: row.registration_number,
                industry: row.industry,
                accountType: row.account_type ?? "",
              }
            : null,
        groups: jsonOf<HeaderGroup[]>(row.groups),
      };
    },
  };
}
