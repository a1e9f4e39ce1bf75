-- The indexes issue 11's history sweep asks for, as packages/storage/src/schema/*.ts declares
-- them, to try with `pnpm bench -- --only sweep --setup-sql bench/sql/history-indexes.sql`
-- until their migration is generated (then this file is a no-op, and can go).
create index if not exists instalments_customer_unpaid_idx on instalments (customer_id, due_date) where not paid;
create index if not exists profitability_values_customer_lower_indicator_idx
  on profitability_values (customer_id, lower(indicator), month);
create index if not exists applications_customer_pending_idx on applications (customer_id)
  where lower(trim(business_status)) not in ('approved', 'rejected', 'cancelled', 'closed', 'completed');
create index if not exists tasks_customer_open_idx on tasks (customer_id)
  where lower(trim(status)) not in ('completed', 'cancelled', 'canceled', 'done', 'closed');
create index if not exists campaign_offers_customer_open_idx on campaign_offers (customer_id)
  where dismissed_at is null and lower(trim(status)) not in
    ('accepted', 'declined', 'rejected', 'dismissed', 'expired', 'closed', 'cancelled', 'canceled', 'withdrawn', 'converted');
create index if not exists agreements_customer_end_idx on agreements (customer_id, end_date);
create index if not exists contracts_customer_active_idx on contracts (customer_id)
  where lower(trim(status)) in ('active', 'open');
