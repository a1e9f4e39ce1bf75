import { CLOSED_OFFER_STATUSES, type ProductSuggestionsSource, type SuggestionFacts } from "@account360/core";
import { sql } from "drizzle-orm";
import { literalList } from "../schema/columns";
import { auditedChanges, sequencedCustomers } from "../sql/audit";
import type { Db } from "../sql/db";
import { readStatement, writeStatement } from "../sql/statement";
import { isActiveContract } from "./header";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

const ISO_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const suggestionFacts = readStatement<{ customerId: string; today: string }>(
  "product suggestions",
  ({ customerId, today }) => sql`select ${customerFound(customerId)} as found,
    coalesce((
      select json_agg(json_build_object(
        'category', category,
        'status', status,
        'activationDate', to_char(activation_date, 'YYYY-MM-DD'),
        'closeDate', to_char(close_date, 'YYYY-MM-DD')))
      from contracts
      where customer_id = ${customerId}::text::uuid and ${isActiveContract("contracts", today)}
    ), '[]'::json) as holdings,
    coalesce((
      select json_agg(json_build_object(
        'id', id,
        'product', product,
        'campaign', campaign,
        'score', score,
        'availableUntil', to_char(available_until, 'YYYY-MM-DD')))
      from campaign_offers
      where customer_id = ${customerId}::text::uuid
        and dismissed_at is null
        and (available_until is null or available_until >= ${today}::text::date)
        and lower(trim(status)) not in ${literalList(CLOSED_OFFER_STATUSES)}
    ), '[]'::json) as offers,
    coalesce((
      select json_agg(json_build_object(
        'agreementType', agreement_type,
        'startDate', to_char(start_date, 'YYYY-MM-DD'),
        'endDate', to_char(end_date, 'YYYY-MM-DD')))
      from agreements
      where customer_id = ${customerId}::text::uuid
        and start_date <= ${today}::text::date and (end_date is null or end_date >= ${today}::text::date)
    ), '[]'::json) as agreements`,
);

type DismissParams = { customerId: string; offerId: string; at: string; userName: string; action: string };

/**
 * `where dismissed_at is null` makes a repeated (or concurrent) dismissal keep the first time and
 * write no second audit entry; the customer's sequence moves only when the offer changed.
 */
const dismissOffer = writeStatement<DismissParams>(
  "dismiss suggestion",
  (p) => sql`with target as (
      select id, dismissed_at from campaign_offers
      where id = ${p.offerId}::text::uuid and customer_id = ${p.customerId}::text::uuid
    ), dismissed as (
      update campaign_offers set dismissed_at = ${p.at}::text::timestamptz, updated_at = now()
      where id = (select id from target) and dismissed_at is null
      returning id, customer_id, dismissed_at
    ), sequenced as (${sequencedCustomers(sql`select customer_id from dismissed`)}), ${auditedChanges({
      from: sql`dismissed join sequenced using (customer_id)`,
      recordId: sql`dismissed.id`,
      userName: p.userName,
      action: p.action,
      entity: "campaignOffer",
      operation: "updated",
      changes: sql`jsonb_build_object('dismissedAt', jsonb_build_object(
          'old', null, 'new', to_char(dismissed.dismissed_at at time zone 'UTC', ${sql.raw(ISO_TIMESTAMP)})))`,
      changesAreJsonb: true,
    })}
    select (select id::text from target) as offer,
      to_char(coalesce((select dismissed_at from dismissed), (select dismissed_at from target))
        at time zone 'UTC', ${sql.raw(ISO_TIMESTAMP)}) as dismissed_at,
      exists (select 1 from dismissed) as changed`,
);

const customerExists = readStatement<{ customerId: string }>(
  "customer exists",
  ({ customerId }) => sql`select ${customerFound(customerId)} as found`,
);

/**
 * FTOS_ACC_GetProductSuggestions: the holdings and agreements running today and the offers still
 * open in one round trip (a long history of closed products is never read back); dismissal as one
 * statement that also writes the audit entry.
 */
/**
 * `reads` may be a standby (CONTRACT §11) and serves the widget only; the dismissal and the
 * existence check after it must see the caller's own writes, so they run on `db`, the primary.
 */
export function productSuggestionsSource(db: Db, reads: Db = db): ProductSuggestionsSource {
  return {
    async factsOf(customerId, today) {
      const row = await oneRow<
        { found: boolean; holdings: unknown; offers: unknown; agreements: unknown },
        { customerId: string; today: string }
      >(reads, suggestionFacts, { customerId, today });
      if (!row.found) return null;
      return {
        holdings: jsonOf<SuggestionFacts["holdings"]>(row.holdings),
        openOffers: jsonOf<SuggestionFacts["openOffers"]>(row.offers),
        agreements: jsonOf<SuggestionFacts["agreements"]>(row.agreements),
      };
    },

    async dismissOffer({ customerId, offerId, at, userName, action }) {
      const row = await oneRow<
        { offer: string | null; dismissed_at: string | null; changed: boolean },
        DismissParams
      >(db, dismissOffer, { customerId, offerId, at: at.toISOString(), userName, action });
      if (row.offer === null) return null;
      // Null only when a concurrent dismissal committed after this statement's snapshot: the
      // row keeps that one's time, within moments of `at`.
      return { dismissedAt: row.dismissed_at ?? at.toISOString(), changed: row.changed };
    },

    async customerExists(customerId) {
      return (await oneRow<{ found: boolean }, { customerId: string }>(db, customerExists, { customerId }))
        .found;
    },
  };
}
