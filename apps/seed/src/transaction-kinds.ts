/** What a transaction can be: indicator, direction, inter/intra, and how its amount is drawn. */

export interface TransactionKind {
  indicator: string;
  direction: "Incoming" | "Outgoing";
  interIntra: "Inter" | "Intra";
  /** Per thousand transactions. */
  weight: number;
  /** Major units (RON); EUR and USD amounts are a fifth. */
  min: number;
  max: number;
  /** Skew: higher means more small amounts. */
  power: number;
  /** Amounts are multiples of this many minor units (cash comes in notes). */
  step: number;
  /** Amount fixed per customer (salary, rent) rather than per transaction. */
  fixed?: "salary" | "rent";
}

export const TRANSACTION_KINDS: readonly TransactionKind[] = [
  {
    indicator: "Card payment",
    direction: "Outgoing",
    interIntra: "Inter",
    weight: 340,
    min: 5,
    max: 1200,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Card payment",
    direction: "Outgoing",
    interIntra: "Intra",
    weight: 60,
    min: 5,
    max: 1200,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Transfer",
    direction: "Outgoing",
    interIntra: "Inter",
    weight: 75,
    min: 50,
    max: 8000,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Transfer",
    direction: "Outgoing",
    interIntra: "Intra",
    weight: 35,
    min: 50,
    max: 8000,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Transfer",
    direction: "Incoming",
    interIntra: "Inter",
    weight: 45,
    min: 50,
    max: 8000,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Transfer",
    direction: "Incoming",
    interIntra: "Intra",
    weight: 25,
    min: 50,
    max: 8000,
    power: 2.5,
    step: 1,
  },
  {
    indicator: "Cash withdrawal",
    direction: "Outgoing",
    interIntra: "Intra",
    weight: 60,
    min: 50,
    max: 2000,
    power: 2,
    step: 5000,
  },
  {
    indicator: "Cash withdrawal",
    direction: "Outgoing",
    interIntra: "Inter",
    weight: 25,
    min: 50,
    max: 1000,
    power: 2,
    step: 5000,
  },
  {
    indicator: "Salary",
    direction: "Incoming",
    interIntra: "Inter",
    weight: 70,
    min: 0,
    max: 0,
    power: 1,
    step: 1,
    fixed: "salary",
  },
  {
    indicator: "Salary",
    direction: "Incoming",
    interIntra: "Intra",
    weight: 10,
    min: 0,
    max: 0,
    power: 1,
    step: 1,
    fixed: "salary",
  },
  {
    indicator: "Direct debit",
    direction: "Outgoing",
    interIntra: "Inter",
    weight: 95,
    min: 40,
    max: 900,
    power: 1.5,
    step: 1,
  },
  {
    indicator: "Cash deposit",
    direction: "Incoming",
    interIntra: "Intra",
    weight: 40,
    min: 100,
    max: 5000,
    power: 2,
    step: 1000,
  },
  {
    indicator: "Standing order",
    direction: "Outgoing",
    interIntra: "Intra",
    weight: 20,
    min: 0,
    max: 0,
    power: 1,
    step: 1,
    fixed: "rent",
  },
  {
    indicator: "Standing order",
    direction: "Outgoing",
    interIntra: "Inter",
    weight: 30,
    min: 0,
    max: 0,
    power: 1,
    step: 1,
    fixed: "rent",
  },
  {
    indicator: "Interest",
    direction: "Incoming",
    interIntra: "Intra",
    weight: 20,
    min: 0.01,
    max: 40,
    power: 2,
    step: 1,
  },
  {
    indicator: "Bank fee",
    direction: "Outgoing",
    interIntra: "Intra",
    weight: 50,
    min: 1,
    max: 30,
    power: 1.5,
    step: 1,
  },
];

/** 1024 slots, each a kind index in proportion to its weight: one draw picks a kind. */
export const KIND_SLOTS = (() => {
  const total = TRANSACTION_KINDS.reduce((sum, k) => sum + k.weight, 0);
  const slots = new Uint8Array(1024);
  let slot = 0;
  let cumulative = 0;
  TRANSACTION_KINDS.forEach((kind, i) => {
    cumulative += kind.weight;
    const end = Math.round((cumulative / total) * 1024);
    for (; slot < end; slot++) slots[slot] = i;
  });
  return slots;
})();

export const TRANSACTION_CURRENCIES = ["RON", "EUR", "USD"] as const;
