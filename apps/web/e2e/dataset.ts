import type { AppRouter } from "@account360/api";
import { createTRPCClient, httpLink } from "@trpc/client";

/** The e2e customer's data, fed through tRPC as an integrator would: every widget has something to show. */

export function apiClient(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

const DAY = 86_400_000;
/** `YYYY-MM-DD`, `offset` days from today (UTC). */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** `YYYY-MM`, `offset` months from this one (UTC). */
function monthOf(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

/**
 * Builds active contract rows of `ingest.contracts` for one customer, opened `sinceDays` ago:
 * `owner` gives each contract number its externalId and customer; `extra` overrides fields.
 */
export const contractRows =
  (owner: (no: string) => { externalId: string; customerInternalId: string }, sinceDays: number) =>
  (
    no: string,
    category: string,
    bankingProduct: string,
    balance: string,
    currency: string,
    extra: Record<string, unknown> = {},
  ) => ({
    ...owner(no),
    contractNo: no,
    category,
    bankingProduct,
    amount: null,
    balance,
    currency,
    status: "active",
    activationDate: day(-sinceDays),
    closeDate: null,
    interestRate: null,
    ...extra,
  });

export const E2E_CUSTOMER = {
  firstName: "Elena",
  lastName: "Testescu",
  UniqueID: "2900101E2E001",
  email: "elena.testescu@example.ro",
  mobilePhone: "0722 555 001",
  emailAddressType: "Personal",
  phoneNumberType: "Mobile",
};

export const INTERACTION_CHANNELS = { Phone: 10, Email: 8, Branch: 7 } as const;
export const OFFERS = [
  { id: "OFF-CARD", product: "Gold credit card", campaign: "Autumn", score: 85 },
  { id: "OFF-INS", product: "Travel insurance", campaign: "Holidays", score: 60 },
] as const;

/** Creates the e2e customer (idempotent: upserts and external ids) and answers its customerInternalId. */
export async function createE2eCustomer(client: ReturnType<typeof apiClient>): Promise<string> {
  const { customerInternalId } = await client.customers.upsertIndividual.mutate({
    CustomerInfo: E2E_CUSTOMER,
  });
  const owner = (externalId: string) => ({ externalId: `E2E:${externalId}`, customerInternalId });
  await client.addresses.upsert.mutate({
    AddressInfo: {
      customerInternalId,
      addressType: "Home Address",
      country: "RO",
      district: "Cluj",
      city: "Cluj-Napoca",
      streetName: "Strada Memorandumului",
      streetNo: "21",
      postalCode: "400114",
    },
  });
  for (const agreementType of ["GDPR Consent", "Marketing Consent"]) {
    await client.agreements.upsert.mutate({
      customerInternalId,
      agreementType,
      startDate: day(-700),
      sourceId: "WEB",
      externalId: `E2E-${agreementType}`,
    });
  }
  await client.applications.upsert.mutate({
    customerInternalId,
    url: "https://loans.example.ro/a/e2e",
    name: "Mortgage request",
    bankingProduct: "Mortgage",
    source: "LOS",
    businessStatus: "In review",
    externalId: "E2E-APP-1",
    amount: "250000.00",
    currency: "RON",
  });
  const contract = contractRows(owner, 900);
  await client.ingest.contracts.mutate({
    rows: [
      contract("E2E-CUR", "current", "Current account", "4210.55", "RON"),
      contract("E2E-SAV", "savings", "Savings account", "12500.00", "EUR", { interestRate: "2.1" }),
      contract("E2E-LOAN", "loan", "Personal loan", "18250.00", "RON", {
        amount: "30000.00",
        interestRate: "8.25",
      }),
      contract("E2E-CARD", "card", "Visa Classic", "-640.20", "RON", { amount: "5000.00" }),
      contract("E2E-DEP", "deposit", "Term deposit 12M", "0.00", "EUR", {
        status: "closed",
        activationDate: day(-800),
        closeDate: day(-435),
        interestRate: "3.5",
      }),
    ],
  });
  await client.ingest.instalments.mutate({
    rows: [
      { ...owner("INST-1"), contractNo: "E2E-LOAN", dueDate: day(-12), amount: "710.00", currency: "RON" },
    ],
  });
  await client.ingest.complianceFlags.mutate({
    rows: [{ ...owner("PEP-1"), code: "PEP", since: day(-120), details: "Member of a county council" }],
  });
  const transactions = [];
  for (let m = 0; m < 6; m++) {
    transactions.push(
      {
        id: `TX-SAL-${m}`,
        offset: -5 - 30 * m,
        indicator: "Salary",
        direction: "Incoming",
        amount: "7800.00",
        currency: "RON",
      },
      {
        id: `TX-CARD-${m}`,
        offset: -8 - 30 * m,
        indicator: "Card payment",
        direction: "Outgoing",
        amount: `${1200 + m * 37}.40`,
        currency: "RON",
      },
      {
        id: `TX-FX-${m}`,
        offset: -11 - 30 * m,
        indicator: "Transfer",
        direction: m % 2 ? "Incoming" : "Outgoing",
        amount: `${300 + m * 10}.00`,
        currency: "EUR",
      },
    );
  }
  await client.ingest.transactions.mutate({
    rows: transactions.map((t) => ({
      ...owner(t.id),
      bookingDate: day(t.offset),
      indicator: t.indicator,
      direction: t.direction,
      interIntra: t.indicator === "Transfer" ? "Inter" : "Intra",
      currency: t.currency,
      amount: t.amount,
    })),
  });
  const interactions = Object.entries(INTERACTION_CHANNELS).flatMap(([channel, n]) =>
    Array.from({ length: n }, (_, i) => ({
      ...owner(`INT-${channel}-${i}`),
      occurredAt: `${day(-2 - i * 5 - channel.length)}T${String(8 + (i % 9)).padStart(2, "0")}:15:00Z`,
      channel,
      type: channel === "Branch" ? "Visit" : channel === "Phone" ? "Call" : "Message",
      direction: i % 3 === 0 ? "Outgoing" : "Incoming",
      subject: ["Card limit", "Mortgage documents", "Statement request", "Fee question", "Address change"][
        i % 5
      ]!,
    })),
  );
  await client.ingest.interactions.mutate({ rows: interactions });
  const revenues = [];
  for (let m = 0; m < 12; m++) {
    revenues.push(
      {
        id: `REV-FEE-${m}`,
        offset: -3 - 30 * m,
        category: "Fees",
        product: "Current account",
        amount: `${25 + (m % 4) * 5}.00`,
        currency: "RON",
      },
      {
        id: `REV-INT-${m}`,
        offset: -6 - 30 * m,
        category: "Interest",
        product: "Personal loan",
        amount: `${140 + m * 3}.75`,
        currency: "RON",
      },
    );
    if (m % 3 === 0) {
      revenues.push({
        id: `REV-EUR-${m}`,
        offset: -9 - 30 * m,
        category: "FX",
        product: "Savings account",
        amount: "18.40",
        currency: "EUR",
      });
    }
  }
  await client.ingest.revenues.mutate({
    rows: revenues.map((r) => ({
      ...owner(r.id),
      revenueDate: day(r.offset),
      category: r.category,
      product: r.product,
      currency: r.currency,
      amount: r.amount,
    })),
  });
  const indicators = [
    { name: "Revenue", base: 180, step: 6 },
    { name: "Net Interest Margin", base: 2, step: 0.05 },
  ];
  await client.ingest.profitabilityValues.mutate({
    rows: indicators.flatMap(({ name, base, step }) =>
      Array.from({ length: 11 }, (_, i) => ({
        ...owner(`PI-${name}-${i}`),
        indicator: name,
        month: monthOf(-i),
        value: (base + (11 - i) * step + (i % 3) * step).toFixed(2),
      })),
    ),
  });
  await client.ingest.tasks.mutate({
    rows: [
      { ...owner("TASK-1"), title: "Collect the signed mortgage offer", dueDate: day(4), status: "open" },
      {
        ...owner("TASK-2"),
        title: "Call back about the card limit",
        dueDate: day(-1),
        status: "in_progress",
      },
    ],
  });
  await client.ingest.campaignOffers.mutate({
    rows: OFFERS.map((offer) => ({
      ...owner(offer.id),
      product: offer.product,
      campaign: offer.campaign,
      score: offer.score,
      availableUntil: day(45),
      status: "open",
      dismissedAt: null,
    })),
  });
  return customerInternalId;
}
