import type { CustomerSearchRow, CustomerSearchSource, SearchMatch } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";

/** `abc` → a LIKE pattern matching text that starts with `abc` literally (`%`, `_` and `\` escaped). */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, "\\$&")}%`;

interface SearchRow {
  truncated: boolean;
  id: string | null;
  first_name: string;
  last_name: string;
  unique_id: string;
  email: string | null;
  mobile_phone: string | null;
  segment: string | null;
  kind: string;
  name: string | null;
  registration_number: string | null;
  account_type: string | null;
  matched_on: SearchMatch;
}

/** One way a customer can match: an indexed expression (schema/customers.ts) and the prefix it must start with. */
interface Arm {
  expression: SQL;
  pattern: SQL;
  matchedOn: SearchMatch;
}

/**
 * customers.search in one round trip, in two steps:
 * 1. candidates: for each arm, the first `candidates + 1` matches in its own index order
 *    (`ORDER BY <expression> USING ~<~, id` is the order of its text_pattern_ops index, so this
 *    is an index range scan that stops at the limit, never a read of the table);
 * 2. the page: those candidates after the cursor in (last name, first name, id) order, sorted
 *    in memory (at most 5 × (candidates + 1) rows).
 * A broad prefix ("an", "RO-", "+40") thus costs a bounded number of index entries instead of a
 * sort of most of the table; `truncated` says an arm had more matches than it looked at.
 * The query text is lower-cased by the database, as the indexed expressions are, and folds into
 * a constant before planning, so the index bounds come from it: which is why this statement is
 * not prepared (a generic plan would know no bounds).
 */
export function customerSearchSource(db: Db): CustomerSearchSource {
  return {
    async search(terms, { after, limit, candidates }) {
      const text = sql`lower(${likePrefix(terms.text)}::text)`;
      const arms: Arm[] = [
        { expression: sql`lower(first_name || ' ' || last_name)`, pattern: text, matchedOn: "name" },
        { expression: sql`lower(last_name || ' ' || first_name)`, pattern: text, matchedOn: "name" },
        { expression: sql`lower(name)`, pattern: text, matchedOn: "name" },
      ];
      if (terms.uniqueIdPrefix !== null) {
        const pattern = sql`${likePrefix(terms.uniqueIdPrefix)}::text`;
        arms.push({ expression: sql`unique_id`, pattern, matchedOn: "uniqueId" });
        arms.push({ expression: sql`upper(registration_number)`, pattern, matchedOn: "registrationNumber" });
      }
      arms.push({ expression: sql`lower(email)`, pattern: text, matchedOn: "email" });
      if (terms.phonePrefix !== null) {
        const pattern = sql`${likePrefix(terms.phonePrefix)}::text`;
        arms.push({ expression: sql`mobile_phone`, pattern, matchedOn: "phone" });
      }
      // A walk reads the rows it finds anyway, so it carries their columns: no join back to customers.
      // A legal entity sorts by its name, as last_name with an empty first_name.
      const walks = arms.map(
        (
          arm,
          i,
        ) => sql`(select id, coalesce(first_name, '') as first_name, coalesce(last_name, name) as last_name,
            unique_id, email, mobile_phone, segment, kind, name, registration_number, account_type,
            ${i}::int as arm, ${arm.matchedOn}::text as matched_on
          from customers where ${arm.expression} like ${arm.pattern}
          order by ${arm.expression} using ~<~, id limit ${candidates + 1})`,
      );
      const keyset = after
        ? sql`where (last_name, first_name, id) > (${after.lastName}, ${after.firstName}, ${after.id}::uuid)`
        : sql``;
      const rows = await db.execute<SearchRow>(
        sql`with candidates as materialized (${sql.join(walks, sql` union all `)}),
          flag as (
            select coalesce(max(n), 0) > ${candidates} as truncated
            from (select count(*) as n from candidates group by arm) per_arm
          ),
          -- A customer found by several arms comes once, named by the first of them (name before UniqueID …).
          page as (
            select distinct on (last_name, first_name, id)
              id, first_name, last_name, unique_id, email, mobile_phone, segment,
              kind, name, registration_number, account_type, matched_on
            from candidates ${keyset}
            order by last_name, first_name, id, arm
            limit ${limit}
          )
          select flag.truncated, page.* from flag left join page on true`,
        "customer search",
      );
      return {
        truncated: rows[0]?.truncated === true,
        rows: rows.flatMap((row): CustomerSearchRow[] =>
          row.id === null
            ? []
            : [
                {
                  id: row.id,
                  firstName: row.first_name,
                  lastName: row.last_name,
                  uniqueId: row.unique_id,
                  email: row.email ?? "",
                  mobilePhone: row.mobile_phone ?? "",
                  segment: row.segment,
                  legalEntity:
                    row.kind === "legalEntity"
                      ? {
                          name: row.name ?? "",
                          registrationNumber: row.registration_number,
                          accountType: row.account_type ?? "",
                        }
                      : null,
                  matchedOn: row.matched_on,
                },
              ],
        ),
      };
    },
  };
}
