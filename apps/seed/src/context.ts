import {
  addMonths,
  DateTable,
  dayOf,
  firstDayOfMonth,
  isIsoDate,
  monthOfDay,
  monthsBefore,
  todayOf,
} from "./dates";
import { NamePools } from "./names";

export interface SeedOptions {
  /** How many customers this run adds. */
  customers: number;
  /** 0 to 4294967295; the same seed and anchor give the same data, ids included. */
  seed: number;
  /** The day the data is "as of" (`YYYY-MM-DD`); default today (UTC) of `now`. */
  anchor?: string | undefined;
  /** Transactions of each customer that holds or held an account; default 200. */
  transactionsPerCustomer?: number | undefined;
  /** Months of transactions and interactions before the anchor; default 24. */
  months?: number | undefined;
  /** Only to default the anchor; default the current time. */
  now?: Date | undefined;
}

export const DEFAULT_TRANSACTIONS_PER_CUSTOMER = 200;
export const DEFAULT_MONTHS = 24;
/** How many customers of each run are made rich enough for every widget, and named in sampleCustomerIds. */
export const SAMPLE_CUSTOMERS = 5;
export const MAX_SEED = 0xffff_ffff;
const MAX_CUSTOMERS = 9_999_999;
const MAX_TRANSACTIONS_PER_CUSTOMER = 99_999;

/** Everything the generators share for one run. */
export interface RunContext {
  seed: number;
  customers: number;
  /** The seed in base 36: the part of every business key (UniqueID, contract number, external id) that keeps runs apart. */
  tag: string;
  anchor: string;
  anchorDay: number;
  months: number;
  /** The first day of the transaction span. */
  spanStartDay: number;
  transactionsPerCustomer: number;
  dates: DateTable;
  /** The anchor's month and the ones before it: `monthsBack[m]` is m months back. */
  monthsBack: readonly MonthInfo[];
  names: NamePools;
}

interface MonthInfo {
  /** `YYYY-MM` */
  month: string;
  /** `YYYYMM`, for external ids. */
  compact: string;
  firstDay: number;
}

/** How many months back monthsBack reaches. */
const MONTHS_BACK = 16;

/** Checks the options and derives the run's context; throws an Error whose message says what is wrong. */
export function runContext(options: SeedOptions): RunContext {
  const problems: string[] = [];
  const wholeIn = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be a whole number from ${min} to ${max}`);
  };
  const transactionsPerCustomer = options.transactionsPerCustomer ?? DEFAULT_TRANSACTIONS_PER_CUSTOMER;
  const months = options.months ?? DEFAULT_MONTHS;
  wholeIn("customers", options.customers, 1, MAX_CUSTOMERS);
  wholeIn("seed", options.seed, 0, MAX_SEED);
  wholeIn("transactionsPerCustomer", transactionsPerCustomer, 0, MAX_TRANSACTIONS_PER_CUSTOMER);
  wholeIn("months", months, 1, 240);
  const anchor = options.anchor ?? todayOf(options.now ?? new Date());
  if (!isIsoDate(anchor)) problems.push(`anchor must be a date (YYYY-MM-DD), not "${anchor}"`);
  if (problems.length > 0) throw new Error(`Invalid seed options: ${problems.join("; ")}.`);

  const anchorDay = dayOf(anchor);
  const spanStartDay = monthsBefore(anchorDay, months) + 1;
  return {
    seed: options.seed,
    customers: options.customers,
    tag: options.seed.toString(36).toUpperCase(),
    anchor,
    anchorDay,
    months,
    spanStartDay,
    transactionsPerCustomer,
    // Customers reach back 15 years; offers, instalments and agreements up to a few years ahead.
    dates: new DateTable(anchorDay - 366 * 16, anchorDay + 366 * 31),
    monthsBack: Array.from({ length: MONTHS_BACK }, (_, m) => {
      const month = addMonths(monthOfDay(anchorDay), -m);
      return { month, compact: month.replace("-", ""), firstDay: firstDayOfMonth(month) };
    }),
    names: new NamePools(options.seed),
  };
}

/** The customer's index, zero-padded: business keys sort in generation order. */
export const indexText = (index: number): string => String(index).padStart(7, "0");
