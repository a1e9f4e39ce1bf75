import {
  ACTIVE_HOLDING_STATUSES,
  addDays,
  CLOSED_OFFER_STATUSES,
  CLOSED_TASK_STATUSES,
  DEFAULT_SETTINGS,
  FINAL_BUSINESS_STATUSES,
  firstDayOf,
  lastDayOf,
  lastMonths,
} from "@account360/core";
import { PROFITABILITY_INDICATORS } from "@account360/seed";

/** The dates every widget call of a run uses: "today" (UTC) and the windows around it. */
export interface ReadDates {
  today: string;
  yearAgo: string;
  /** The first day of the month eleven months back: twelve calendar months up to today. */
  twelveMonthsStart: string;
  profitFrom: string;
  profitTo: string;
}

export function readDatesOf(now: Date): ReadDates {
  const today = now.toISOString().slice(0, 10);
  const months = lastMonths(now, 12);
  return {
    today,
    yearAgo: addDays(today, -365),
    twelveMonthsStart: firstDayOf(months[0]!),
    profitFrom: firstDayOf(months[0]!),
    profitTo: lastDayOf(months.at(-1)!),
  };
}

/** One widget: its callAction, and the hand-written query that reads the same facts straight through the driver. */
export interface Widget {
  action: string;
  /** The short name in the table. */
  name: string;
  data(customerId: string, d: ReadDates): Record<string, unknown>;
  floor: { sql: string; params(customerId: string, d: ReadDates): unknown[] };
  /** What the floor reads, where it differs in form from the widget's own query. */
  note?: string;
}

const INDICATOR = PROFITABILITY_INDICATORS[0];

/** The core's constant vocabularies as SQL literals: fixed at build time, so written into the query text. */
const list = (values: readonly string[]) =>
  `(${values.map((v) => `'${v.toLowerCase().replaceAll("'", "''")}'`).join(", ")})`;

const FINAL = list(FINAL_BUSINESS_STATUSES);
const ACTIVE = `lower(trim(k.status)) in ${list(ACTIVE_HOLDING_STATUSES)} and k.activation_date <= $2::date
  and (k.close_date is null or k.close_date >= $2::date)`;
const CONSENT = `lower(trim(g.agreement_type)) in ${list(DEFAULT_SETTINGS.consentTypes)}`;
const ACTIVE_AGREEMENT = `g.start_date <= $2::date and (g.end_date is null or g.end_date >= $2::date)`;

// Customer columns and scalar facts shared by profile, flags and header ($1 customer, $2 today).
const PROFILE = `c.first_name, c.last_name, c.unique_id, c.email, c.mobile_phone, c.email_address_type, c.phone_number_type,
  (select count(*) from addresses a where a.customer_id = c.id) as address_count,
  exists (select 1 from pictures p where p.customer_id = c.id) as has_picture,
  exists (select 1 from agreements g where g.customer_id = c.id and ${ACTIVE_AGREEMENT}) as has_active_agreement`;

const FLAGS = `${PROFILE},
  (select json_agg(json_build_object('code', f.code, 'since', f.since, 'reference', f.external_id, 'note', f.details))
    from compliance_flags f where f.customer_id = c.id and (f.cleared_on is null or f.cleared_on > $2::date)) as compliance,
  (select json_agg(o) from (
    select i.currency, count(*) as n, min(i.due_date) as oldest, sum(i.amount)::text as total
    from instalments i where i.customer_id = c.id and not i.paid and i.due_date < $2::date group by i.currency) o) as overdue,
  (select json_agg(json_build_object('authority', s.authority, 'amount', s.amount::text, 'currency', s.currency, 'since', s.since))
    from garnishments s where s.customer_id = c.id and (s.released_on is null or s.released_on > $2::date)) as garnishments,
  exists (select 1 from agreements g where g.customer_id = c.id and ${CONSENT} and ${ACTIVE_AGREEMENT}) as consent_active,
  (select max(g.end_date) from agreements g where g.customer_id = c.id and ${CONSENT} and g.end_date < $2::date)
    as consent_last_ended,
  c.created_at, (select min(k.activation_date) from contracts k where k.customer_id = c.id) as first_contract`;

const byCustomer = (customerId: string) => ({ customerInternalId: customerId });
const customerAndToday = (customerId: string, d: ReadDates) => [customerId, d.today];

/** The twelve widgets of CONTRACT §5; the lifecycle in its per-customer form. */
export const WIDGETS: readonly Widget[] = [
  {
    action: "FTOS_ACC_AccountClientLifecycle",
    name: "lifecycle",
    data: byCustomer,
    floor: {
      sql: `select
        exists (select 1 from contracts k where k.customer_id = c.id and ${ACTIVE}) as has_active_contract,
        (select min(k.activation_date) from contracts k where k.customer_id = c.id and k.activation_date <= $2::date)
          as first_activation,
        exists (select 1 from applications a where a.customer_id = c.id
          and lower(trim(a.business_status)) not in ${FINAL}) as pending,
        (select max(t.booking_date) from transactions t where t.customer_id = c.id and t.booking_date <= $2::date)
          as last_transaction,
        (select max(i.occurred_at) from interactions i
          where i.customer_id = c.id and i.occurred_at < ($2::date + 1)::timestamp at time zone 'UTC') as last_interaction,
        (select json_agg(e) from (
          select a.created_at::date as date, 'application' as kind, a.name, a.banking_product as product,
            a.business_status as status, a.external_id as reference
          from applications a where a.customer_id = c.id
          union all
          select k.activation_date, 'contractOpened', null, k.banking_product, null, k.contract_no
          from contracts k where k.customer_id = c.id and k.activation_date <= $2::date
          union all
          select k.close_date, 'contractClosed', null, k.banking_product, null, k.contract_no
          from contracts k where k.customer_id = c.id and k.close_date <= $2::date) e) as events
        from customers c where c.id = $1::uuid`,
      params: customerAndToday,
    },
  },
  {
    action: "FTOS_ACC_AccountFlags",
    name: "flags",
    data: byCustomer,
    floor: { sql: `select ${FLAGS} from customers c where c.id = $1::uuid`, params: customerAndToday },
    note: "overdue instalments summed per currency in SQL; garnishments read as rows",
  },
  {
    action: "FTOS_ACC_AccountHeader",
    name: "header",
    data: byCustomer,
    floor: {
      sql: `select c.segment, ${FLAGS},
        (select json_agg(a order by a.created_at, a.id) from addresses a where a.customer_id = c.id) as addresses,
        (select count(*) from contracts k where k.customer_id = c.id and ${ACTIVE}) as active_products
        from customers c where c.id = $1::uuid`,
      params: customerAndToday,
    },
  },
  {
    action: "FTOS_ACC_AccountPicture",
    name: "picture",
    data: byCustomer,
    floor: {
      sql: `select c.first_name, c.last_name, p.content_type, p.data
        from customers c left join pictures p on p.customer_id = c.id where c.id = $1::uuid`,
      params: (customerId) => [customerId],
    },
    note: "bytea read as bytes (the widget has PostgreSQL base64-encode it)",
  },
  {
    action: "FTOS_ACC_AccountPendingActivities",
    name: "pending",
    data: byCustomer,
    floor: {
      sql: `select
        (select json_agg(a) from applications a where a.customer_id = c.id
          and lower(trim(a.business_status)) not in ${FINAL}) as applications,
        (select json_agg(t) from tasks t where t.customer_id = c.id
          and lower(trim(t.status)) not in ${list(CLOSED_TASK_STATUSES)}) as tasks,
        (select json_agg(g) from agreements g where g.customer_id = c.id and g.start_date <= $2::date
          and g.end_date >= $2::date and g.end_date <= $3::date) as agreements,
        (select json_agg(i) from instalments i where i.customer_id = c.id and not i.paid and i.due_date < $2::date)
          as instalments
        from customers c where c.id = $1::uuid`,
      params: (customerId, d) => [customerId, d.today, addDays(d.today, 30)],
    },
  },
  {
    action: "FTOS_ACC_ProductPortfolio",
    name: "portfolio",
    data: byCustomer,
    floor: {
      sql: `select c.id, k.contract_no, k.banking_product, k.category, k.amount::text, k.balance::text, k.currency,
        k.status, k.activation_date::text, k.close_date::text, k.interest_rate::text
        from customers c left join contracts k on k.customer_id = c.id where c.id = $1::uuid`,
      params: (customerId) => [customerId],
    },
    note: "contracts as rows (the widget has them as one JSON column)",
  },
  {
    action: "FTOS_ACC_GetProductSuggestions",
    name: "suggestions",
    data: (customerId) => ({ accountId: customerId }),
    floor: {
      sql: `select
        (select json_agg(json_build_object('category', k.category, 'status', k.status,
          'activationDate', k.activation_date, 'closeDate', k.close_date)) from contracts k where k.customer_id = c.id) as holdings,
        (select json_agg(o) from campaign_offers o where o.customer_id = c.id and o.dismissed_at is null
          and (o.available_until is null or o.available_until >= $2::date)
          and lower(trim(o.status)) not in ${list(CLOSED_OFFER_STATUSES)}) as offers,
        (select json_agg(json_build_object('agreementType', g.agreement_type, 'startDate', g.start_date,
          'endDate', g.end_date)) from agreements g where g.customer_id = c.id) as agreements
        from customers c where c.id = $1::uuid`,
      params: customerAndToday,
    },
  },
  {
    action: "FTOS_ACC_ProfileComplete",
    name: "profile",
    data: byCustomer,
    floor: { sql: `select ${PROFILE} from customers c where c.id = $1::uuid`, params: customerAndToday },
  },
  {
    action: "FTOS_ACC_AccountProfitabilityPI",
    name: "profitability",
    data: (customerId) => ({ customerInternalId: customerId, indicatorName: INDICATOR }),
    floor: {
      sql: `select c.id, v.indicator, v.month::text, v.value::text
        from customers c left join profitability_values v on v.customer_id = c.id
          and lower(v.indicator) = lower($2) and v.month between $3::date and $4::date
        where c.id = $1::uuid order by v.month`,
      params: (customerId, d) => [customerId, INDICATOR, d.profitFrom, d.profitTo],
    },
  },
  {
    action: "FTOS_ACC_AccountRecentInteractions",
    name: "interactions",
    data: (customerId, d) => ({ customerInternalId: customerId, fromDate: d.yearAgo, toDate: d.today }),
    floor: {
      sql: `select
        (select json_agg(p) from (
          select i.id, i.occurred_at, i.channel, i.type, i.direction, i.subject from interactions i
          where i.customer_id = c.id and i.occurred_at >= $2::date::timestamp at time zone 'UTC'
            and i.occurred_at < ($3::date + 1)::timestamp at time zone 'UTC'
          order by i.occurred_at desc, i.id desc limit 51) p) as items,
        (select json_object_agg(n.channel, n.count) from (
          select i.channel, count(*) from interactions i
          where i.customer_id = c.id and i.occurred_at >= $2::date::timestamp at time zone 'UTC'
            and i.occurred_at < ($3::date + 1)::timestamp at time zone 'UTC'
          group by i.channel) n) as counts
        from customers c where c.id = $1::uuid`,
      params: (customerId, d) => [customerId, d.yearAgo, d.today],
    },
  },
  {
    action: "FTOS_ACC_AccountRevenuesPI",
    name: "revenues",
    data: (customerId, d) => ({
      customerInternalId: customerId,
      startDate: d.twelveMonthsStart,
      endDate: d.today,
    }),
    floor: {
      sql: `select c.id, r.month, r.category, r.currency, r.total::text
        from customers c left join lateral (
          select to_char(revenue_date, 'YYYY-MM') as month, category, currency, sum(amount) as total
          from revenues where customer_id = c.id and revenue_date between $2::date and $3::date
          group by 1, 2, 3) r on true
        where c.id = $1::uuid`,
      params: (customerId, d) => [customerId, d.twelveMonthsStart, d.today],
    },
    note: "one group by (month, category, currency); the widget adds the per-month and per-currency sums (grouping sets)",
  },
  {
    action: "FTOS_ACC_GetCustomerTransactionValues",
    name: "transactions",
    data: (customerId, d) => ({ customerInternalId: customerId, startDate: d.yearAgo, endDate: d.today }),
    floor: {
      sql: `select c.id, t.indicator, t.direction, t.inter_intra, t.currency, t.n, t.total::text
        from customers c left join lateral (
          select indicator, direction, inter_intra, currency, count(*) as n, sum(amount) as total
          from transactions where customer_id = c.id and booking_date between $2::date and $3::date
          group by 1, 2, 3, 4) t on true
        where c.id = $1::uuid`,
      params: (customerId, d) => [customerId, d.yearAgo, d.today],
    },
    note: "one group by; the widget adds the per-currency-and-direction totals (grouping sets)",
  },
];
