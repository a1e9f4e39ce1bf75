import type { CustomerRepresentativesSource, RepresentativeLink } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { customerName } from "../widgets/membership-sql";
import { customerFound, jsonOf, oneRow } from "../widgets/widget-sql";

/** The links on one side of the customer, each naming the customer on the other side. */
const links = (own: "customer_id" | "representative_id", customerId: Param): SQL => {
  const other = own === "customer_id" ? "representative_id" : "customer_id";
  return sql`coalesce((
    select json_agg(json_build_object(
      'customerRepresentativeIdentifier', r.id, 'customerInternalId', o.id, 'name', ${customerName("o")},
      'accountRelationType', r.relation_type) order by r.relation_type, ${customerName("o")}, r.id)
    from representatives r join customers o on o.id = r.${sql.raw(other)}
    where r.${sql.raw(own)} = ${customerId}::text::uuid
  ), '[]'::json)`;
};

const representativeLinks = readStatement<{ customerId: string }>(
  "representative links",
  (p) => sql`select ${customerFound(p.customerId)} as found,
    ${links("customer_id", p.customerId)} as representatives,
    ${links("representative_id", p.customerId)} as represents`,
);

export function representativeLinksSource(db: Db): CustomerRepresentativesSource {
  return {
    async linksOf(customerId) {
      const row = await oneRow<
        { found: boolean; representatives: unknown; represents: unknown },
        { customerId: string }
      >(db, representativeLinks, { customerId });
      if (!row.found) return null;
      return {
        representatives: jsonOf<RepresentativeLink[]>(row.representatives),
        represents: jsonOf<RepresentativeLink[]>(row.represents),
      };
    },
  };
}
