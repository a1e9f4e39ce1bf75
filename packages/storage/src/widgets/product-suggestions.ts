import { CLOSED_OFFER_STATUSES, type ProductSuggestionsSource, type SuggestionFacts } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

const ISO_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * FTOS_ACC_GetProductSuggestions: holdings, agreements and the offers still open today in one
 * round trip; dismissal as one statement that also writes the audit entry.
 */
export function productSuggestionsSource(db: Executor): ProductSuggestionsSource {
  return {
    async factsOf(customerId, today) {
      const row = await oneRow<{ found: boolean; holdings: unknown; offers: unknown; agreements: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(json_build_object(
              'category', category,
              'status', status,
              'activationDate', to_char(activation_date, 'YYYY-MM-DD'),
              'closeDate', to_char(close_date, 'YYYY-MM-DD')))
            from contracts where customer_id = ${customerId}::uuid
          ), '[]'::json) as holdings,
          coalesce((
            select json_agg(json_build_object(
              'id', id,
              'product', product,
              'campaign', campaign,
              'score', score,
              'availableUntil', to_char(available_until, 'YYYY-MM-DD')))
            from campaign_offers
            where customer_id = ${customerId}::uuid
              and dismissed_at is null
              and (available_until is null or available_until >= ${today}::date)
              and lower(trim(status)) not in ${[...CLOSED_OFFER_STATUSES]}
          ), '[]'::json) as offers,
          coalesce((
            select json_agg(json_build_object(
              'agreementType', agreement_type,
              'startDate', to_char(start_date, 'YYYY-MM-DD'),
              'endDate', to_char(end_date, 'YYYY-MM-DD')))
            from agreements where customer_id = ${customerId}::uuid
          ), '[]'::json) as agreements`,
      );
      if (!row.found) return null;
      return {
        holdings: jsonOf<SuggestionFacts["holdings"]>(row.holdings),
        openOffers: jsonOf<SuggestionFacts["openOffers"]>(row.offers),
        agreements: jsonOf<SuggestionFacts["agreements"]>(row.agreements),
      };
    },

    async dismissOffer({ customerId, offerId, at, userName }) {
      // `where dismissed_at is null` makes a repeated (or concurrent) dismissal keep the first
      // time and write no second audit entry.
      const row = await oneRow<{ offer: string | null; dismissed_at: string | null; changed: boolean }>(
        db,
        sql`with target as (
            select id, dismissed_at from campaign_offers
            where id = ${offerId}::uuid and customer_id = ${customerId}::uuid
          ), dismissed as (
            update campaign_offers set dismissed_at = ${at.toISOString()}::timestamptz, updated_at = now()
            where id = (select id from target) and dismissed_at is null
            returning id, dismissed_at
          ), audited as (
            insert into audit_log (user_name, action, entity, record_id, customer_id, operation, changes)
            select ${userName}, 'dismissSuggestion', 'campaignOffer', id, ${customerId}::uuid, 'updated',
              jsonb_build_object('dismissedAt', jsonb_build_object(
                'old', null, 'new', to_char(dismissed_at at time zone 'UTC', ${sql.raw(ISO_TIMESTAMP)})))
            from dismissed
          )
          select (select id::text from target) as offer,
            to_char(coalesce((select dismissed_at from dismissed), (select dismissed_at from target))
              at time zone 'UTC', ${sql.raw(ISO_TIMESTAMP)}) as dismissed_at,
            exists (select 1 from dismissed) as changed`,
      );
      if (row.offer === null) return null;
      // Null only when a concurrent dismissal committed after this statement's snapshot: the
      // row keeps that one's time, within moments of `at`.
      return { dismissedAt: row.dismissed_at ?? at.toISOString(), changed: row.changed };
    },

    async customerExists(customerId) {
      return (await oneRow<{ found: boolean }>(db, sql`select ${customerFound(customerId)} as found`)).found;
    },
  };
}
