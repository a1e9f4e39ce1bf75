import type { AppRouter } from "@account360/api";
import { createTRPCClient, httpLink } from "@trpc/client";

/** A typed tRPC client on a test server, for what callAction does not offer (ingest, audit). */
export function trpcClient(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

const DAY = 86_400_000;
/** `YYYY-MM-DD` this many days from today (negative: in the past), UTC. */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** `YYYY-MM` this many months from the current one. */
export function month(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

/** A 1×1 PNG. */
export const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/**
 * Feeds, through `ingest.*`, everything the widgets read for one customer, so that every widget
 * answers something: contracts on both sides, an overdue instalment, a garnishment, a PEP hit,
 * transactions, interactions, revenues, a profitability indicator, an open task, a campaign offer
 * and a picture. The contract `CUR-1` exists for agreements to link to.
 */
export async function ingestWidgetData(client: ReturnType<typeof trpcClient>, customerInternalId: string) {
  const owner = (externalId: string) => ({
    externalId: `${customerInternalId}:${externalId}`,
    customerInternalId,
  });
  await client.ingest.contracts.mutate({
    rows: [
      {
        ...owner("CUR-1"),
        contractNo: "CUR-1",
        category: "current",
        bankingProduct: "Current account",
        amount: null,
        balance: "1500.00",
        currency: "RON",
        status: "active",
        activationDate: day(-400),
        closeDate: null,
        interestRate: null,
      },
      {
        ...owner("LOAN-1"),
        contractNo: "LOAN-1",
        category: "loan",
        bankingProduct: "Personal loan",
        amount: "20000.00",
        balance: "15000.00",
        currency: "RON",
        status: "active",
        activationDate: day(-300),
        closeDate: null,
        interestRate: "7.5",
      },
      {
        ...owner("SAV-1"),
        contractNo: "SAV-1",
        category: "savings",
        bankingProduct: "Savings account",
        amount: null,
        balance: "0.00",
        currency: "EUR",
        status: "closed",
        activationDate: day(-800),
        closeDate: day(-500),
        interestRate: "1.25",
      },
    ],
  });
  await client.ingest.instalments.mutate({
    rows: [
      { ...owner("INST-1"), contractNo: "LOAN-1", dueDate: day(-10), amount: "500.00", currency: "RON" },
    ],
  });
  await client.ingest.garnishments.mutate({
    rows: [{ ...owner("GAR-1"), authority: "ANAF", amount: "300.00", currency: "RON", since: day(-20) }],
  });
  await client.ingest.complianceFlags.mutate({
    rows: [{ ...owner("PEP-1"), code: "PEP", since: day(-50), details: "Local councillor" }],
  });
  await client.ingest.transactions.mutate({
    rows: [
      {
        ...owner("TX-1"),
        bookingDate: day(-5),
        indicator: "Salary",
        direction: "Incoming",
        amount: "5000.00",
      },
      {
        ...owner("TX-2"),
        bookingDate: day(-4),
        indicator: "Card payment",
        direction: "Outgoing",
        amount: "120.40",
      },
      {
        ...owner("TX-3"),
        bookingDate: day(-3),
        indicator: "Card payment",
        direction: "Outgoing",
        amount: "79.60",
      },
    ].map((row) => ({ ...row, interIntra: "Inter", currency: "RON" })),
  });
  await client.ingest.interactions.mutate({
    rows: [
      {
        ...owner("INT-1"),
        occurredAt: `${day(-6)}T09:30:00Z`,
        channel: "Email",
        type: "Complaint",
        direction: "Incoming",
        subject: "Card fee",
      },
      {
        ...owner("INT-2"),
        occurredAt: `${day(-2)}T14:00:00Z`,
        channel: "Phone",
        type: "Call",
        direction: "Outgoing",
        subject: "Fee refund",
      },
      {
        ...owner("INT-3"),
        occurredAt: `${day(-1)}T10:00:00Z`,
        channel: "Branch",
        type: "Visit",
        direction: "Incoming",
        subject: "Loan",
      },
    ],
  });
  await client.ingest.revenues.mutate({
    rows: [
      {
        ...owner("REV-1"),
        revenueDate: day(-40),
        category: "Fees",
        product: "Current account",
        currency: "RON",
        amount: "12.50",
      },
      {
        ...owner("REV-2"),
        revenueDate: day(-5),
        category: "Interest",
        product: "Personal loan",
        currency: "RON",
        amount: "95.10",
      },
    ],
  });
  await client.ingest.profitabilityValues.mutate({
    rows: [
      { ...owner("PI-1"), indicator: "Net Margin", month: month(-2), value: "110.5" },
      { ...owner("PI-2"), indicator: "Net Margin", month: month(-1), value: "132.25" },
    ],
  });
  await client.ingest.tasks.mutate({
    rows: [{ ...owner("TASK-1"), title: "Collect the signed contract", dueDate: day(5), status: "open" }],
  });
  await client.ingest.campaignOffers.mutate({
    rows: [
      {
        ...owner("OFF-1"),
        product: "Credit card",
        campaign: "Spring",
        score: 80,
        availableUntil: day(30),
        status: "open",
      },
    ],
  });
  await client.ingest.pictures.mutate({
    rows: [{ customerInternalId, dataBase64: PNG_1X1, contentType: "image/png" }],
  });
}
