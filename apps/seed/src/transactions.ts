import { indexText, type RunContext } from "./context";
import type { CopyWriter } from "./copy-writer";
import type { Holding } from "./holdings";
import { idsOf } from "./keys";
import { centsText } from "./money";
import type { CustomerPlan } from "./plan";
import type { IngestRecord } from "./records";
import { type Rng, uuidText } from "./rng";
import { KIND_SLOTS, TRANSACTION_CURRENCIES, TRANSACTION_KINDS } from "./transaction-kinds";

/**
 * The hot path: a million rows in a few seconds. Everything a row is made of comes from small
 * tables built once; per row there are a few sfc32 draws, one sort slot and string joins.
 */

/** One customer's transactions as numbers, drawn once and written either as rows or as COPY bytes. */
export interface TransactionDraw {
  plan: CustomerPlan;
  count: number;
  /** Sorted: the transactions run oldest first. */
  days: Int32Array;
  kinds: Uint8Array;
  currencies: Uint8Array;
  cents: Int32Array;
  /** Four words per transaction (IdSequence). */
  ids: Uint32Array;
}

/**
 * The customer's transactions, spread over its activity window; mostly RON, more EUR for
 * customers holding a EUR product, a little USD. Null for customers who never held an account.
 */
export function drawTransactions(
  ctx: RunContext,
  plan: CustomerPlan,
  holdings: readonly Holding[],
  rng: Rng,
): TransactionDraw | null {
  const count = ctx.transactionsPerCustomer;
  if (!plan.activity || count === 0) return null;
  const { from, to } = plan.activity;
  const span = to - from + 1;
  const usd = 0.01;
  const eur = usd + (holdings.some((h) => h.currency === "EUR") ? 0.2 : 0.03);
  const salary = Math.round((3500 + 14_500 * rng.next() ** 2) * 100);
  const rent = Math.round((800 + 2700 * rng.next()) * 100);

  const days = new Int32Array(count);
  for (let n = 0; n < count; n++) days[n] = from + Math.floor(rng.next() * span);
  days.sort();

  const kinds = new Uint8Array(count);
  const currencies = new Uint8Array(count);
  const cents = new Int32Array(count);
  const ids = new Uint32Array(count * 4);
  const idSequence = idsOf(ctx, "transactions", plan.index, rng);
  for (let n = 0; n < count; n++) {
    const k = KIND_SLOTS[rng.u32() >>> 22]!;
    const kind = TRANSACTION_KINDS[k]!;
    const c = rng.next();
    const currency = c < usd ? 2 : c < eur ? 1 : 0;
    const scale = currency === 0 ? 1 : 5;
    let amount: number;
    if (kind.fixed) {
      // A salary or rent varies a little from month to month.
      const base = kind.fixed === "salary" ? salary : rent;
      amount = Math.round((base * (0.95 + 0.1 * rng.next())) / scale);
    } else {
      amount = Math.round(((kind.min + (kind.max - kind.min) * rng.next() ** kind.power) * 100) / scale);
      if (kind.step > 1) amount = Math.max(kind.step, Math.round(amount / kind.step) * kind.step);
    }
    kinds[n] = k;
    currencies[n] = currency;
    cents[n] = Math.max(amount, 1);
    idSequence.nextWords(ids, n * 4);
  }
  return { plan, count, days, kinds, currencies, cents, ids };
}

const SEQUENCE: string[] = [];
/** The transaction's number within its customer, five digits: external ids sort in booking order. */
const sequenceText = (n: number): string => {
  while (SEQUENCE.length <= n) SEQUENCE.push(String(SEQUENCE.length).padStart(5, "0"));
  return SEQUENCE[n]!;
};

const externalPrefix = (ctx: RunContext, plan: CustomerPlan) => `TX-${ctx.tag}-${indexText(plan.index)}-`;

/** The draw as rows, oldest first. */
export function transactionRowsOf(
  ctx: RunContext,
  draw: TransactionDraw | null,
): IngestRecord<"transactions">[] {
  if (!draw) return [];
  const prefix = externalPrefix(ctx, draw.plan);
  const rows: IngestRecord<"transactions">[] = new Array(draw.count);
  for (let n = 0; n < draw.count; n++) {
    const kind = TRANSACTION_KINDS[draw.kinds[n]!]!;
    const w = n * 4;
    rows[n] = {
      id: uuidText(draw.ids[w]!, draw.ids[w + 1]!, draw.ids[w + 2]!, draw.ids[w + 3]!),
      externalId: prefix + sequenceText(n),
      customerInternalId: draw.plan.id,
      bookingDate: ctx.dates.text(draw.days[n]!),
      indicator: kind.indicator,
      direction: kind.direction,
      interIntra: kind.interIntra,
      currency: TRANSACTION_CURRENCIES[draw.currencies[n]!]!,
      amount: centsText(draw.cents[n]!),
    };
  }
  return rows;
}

const ascii = (text: string) => Buffer.from(text, "latin1");
/** "Card payment\tOutgoing\tInter\t" per kind, "RON\t" per currency: written as prepared bytes. */
const KIND_BYTES = TRANSACTION_KINDS.map((k) => ascii(`${k.indicator}\t${k.direction}\t${k.interIntra}\t`));
const CURRENCY_BYTES = TRANSACTION_CURRENCIES.map((c) => ascii(`${c}\t`));
/** Longest line: uuid 36 + customer 36 + external id ~30 + date 10 + kind ~35 + currency 4 + amount ~12 + stamps ~50 + tabs. */
const MAX_LINE_BYTES = 256;

/**
 * The draw as COPY text lines (the transactions' column order of copy-format.ts, the schema's:
 * id, the two stamps, then the row's fields), byte for byte what copyText writes for
 * transactionRowsOf(draw). `stamps` is the created_at and updated_at text, each after a tab.
 */
export function writeTransactionsCopy(
  ctx: RunContext,
  draw: TransactionDraw,
  writer: CopyWriter,
  stamps: Uint8Array,
): void {
  const prefix = externalPrefix(ctx, draw.plan);
  const customer = ascii(`\t${draw.plan.id}\t${prefix}`);
  const ids = draw.ids;
  for (let n = 0; n < draw.count; n++) {
    writer.reserve(MAX_LINE_BYTES);
    const w = n * 4;
    writer.uuid(ids[w]!, ids[w + 1]!, ids[w + 2]!, ids[w + 3]!);
    writer.bytes(stamps);
    writer.bytes(customer);
    writer.ascii(sequenceText(n));
    writer.tab();
    writer.ascii(ctx.dates.text(draw.days[n]!));
    writer.tab();
    writer.bytes(KIND_BYTES[draw.kinds[n]!]!);
    writer.bytes(CURRENCY_BYTES[draw.currencies[n]!]!);
    writer.cents(draw.cents[n]!);
    writer.newline();
  }
}
