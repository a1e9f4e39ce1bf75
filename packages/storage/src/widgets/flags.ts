import type { AccountFlagsSource, FlagFacts } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { type Param, readStatement } from "../sql/statement";
import { type ProfileFactRow, profileFactColumns, profileFactsOf } from "./profile-completion";
import { jsonOf, textArray } from "./widget-sql";

/**
 * Agreement types compared whole, trimmed and case-insensitively against the configured consent
 * types: a text[] parameter of lower-cased types (see textArray). A plain `= any(…)` keeps the
 * comparison a filter on the agreements' own index scan, where a join against the list did not.
 */
const isConsentType = (column: SQL, consentTypes: Param): SQL =>
  sql`lower(trim(${column})) = any(${consentTypes}::text::text[])`;

/**
 * The flag facts as columns over `customers c`. Amounts are summed per currency in SQL and read
 * as text; each fact is one aggregate on an indexed customer column, so the cost does not grow
 * with round trips whatever the customer's history.
 */
export const flagFactColumns = (today: Param, consentTypes: Param): SQL => sql`
  coalesce((
    select json_agg(json_build_object(
      'code', f.code, 'since', to_char(f.since, 'YYYY-MM-DD'), 'reference', f.external_id, 'note', f.details)
      order by f.since, f.external_id)
    from compliance_flags f
    where f.customer_id = c.id and (f.cleared_on is null or f.cleared_on > ${today}::text::date)
  ), '[]'::json) as compliance,
  (
    select json_build_object(
      'oldestDueDate', to_char(min(o.oldest), 'YYYY-MM-DD'),
      'count', sum(o.n)::int,
      'amounts', json_agg(json_build_object('currency', o.currency, 'amount', o.total::text) order by o.currency))
    from (
      select i.currency, min(i.due_date) as oldest, count(*) as n, sum(i.amount) as total
      from instalments i
      where i.customer_id = c.id and not i.paid and i.due_date < ${today}::text::date
      group by i.currency
    ) o
    having count(*) > 0
  ) as overdue,
  (
    select json_build_object(
      'since', to_char(min(g.since), 'YYYY-MM-DD'),
      'count', count(*)::int,
      'authorities', json_agg(distinct g.authority order by g.authority),
      'amounts', (
        select json_agg(json_build_object('currency', s.currency, 'amount', s.total::text) order by s.currency)
        from (
          select currency, sum(amount) as total from garnishments
          where customer_id = c.id and (released_on is null or released_on > ${today}::text::date)
          group by currency
        ) s))
    from garnishments g
    where g.customer_id = c.id and (g.released_on is null or g.released_on > ${today}::text::date)
    having count(*) > 0
  ) as garnishments,
  exists (
    select 1 from agreements a
    where a.customer_id = c.id and ${isConsentType(sql`a.agreement_type`, consentTypes)}
      and a.start_date <= ${today}::text::date and (a.end_date is null or a.end_date >= ${today}::text::date)
  ) as consent_active,
  (
    select to_char(max(a.end_date), 'YYYY-MM-DD') from agreements a
    where a.customer_id = c.id and ${isConsentType(sql`a.agreement_type`, consentTypes)}
      and a.end_date < ${today}::text::date
  ) as consent_last_ended,
  to_char(least(
    (c.created_at at time zone 'UTC')::date,
    (select min(k.activation_date) from contracts k where k.customer_id = c.id)
  ), 'YYYY-MM-DD') as customer_since,
  ${profileFactColumns(today)}`;

export interface FlagFactRow extends ProfileFactRow {
  compliance: unknown;
  overdue: unknown;
  garnishments: unknown;
  consent_active: boolean;
  consent_last_ended: string | null;
  customer_since: string;
}

export const flagFactsOf = (row: FlagFactRow): FlagFacts => ({
  compliance: jsonOf<FlagFacts["compliance"]>(row.compliance),
  overdue: row.overdue === null ? null : jsonOf<FlagFacts["overdue"]>(row.overdue),
  garnishments: row.garnishments === null ? null : jsonOf<FlagFacts["garnishments"]>(row.garnishments),
  consent: { hasActive: Boolean(row.consent_active), lastEndedOn: row.consent_last_ended },
  customerSince: row.customer_since,
  profile: profileFactsOf(row),
});

/** The parameters of every statement built on flagFactColumns; consentTypes is consentTypesParam's text. */
export interface FlagParams {
  customerId: string;
  today: string;
  consentTypes: string;
}

/** The consent types as isConsentType compares them. */
export const consentTypesParam = (types: readonly string[]): string =>
  textArray(types.map((type) => type.trim().toLowerCase()));

const flagFacts = readStatement<FlagParams>(
  "account flags",
  (p) =>
    sql`select ${flagFactColumns(p.today, p.consentTypes)} from customers c where c.id = ${p.customerId}::text::uuid`,
);

/** FTOS_ACC_AccountFlags: one round trip; no row means no such customer. */
export function accountFlagsSource(db: Db): AccountFlagsSource {
  return {
    async flagFacts({ customerId, today, consentTypes }) {
      const params = { customerId, today, consentTypes: consentTypesParam(consentTypes) };
      const row = (await db.run<FlagFactRow, FlagParams>(flagFacts, params))[0];
      return row ? flagFactsOf(row) : null;
    },
  };
}
