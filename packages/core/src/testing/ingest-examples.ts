import type { IngestKind } from "../ingest/ingest";

/** The customer every example row belongs to. */
export const exampleCustomer = "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10";
const png = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13));

/** One valid row per kind, written loosely the way integrators send them; tests change one field at a time. */
export const ingestExamples: Record<IngestKind, Record<string, unknown>> = {
  contracts: {
    externalId: "K-1",
    customerInternalId: exampleCustomer.toUpperCase(),
    contractNo: "L-001",
    category: "LOAN",
    bankingProduct: "Personal Loan",
    amount: 25000,
    balance: "-12.5",
    currency: "ron",
    status: "Active",
    activationDate: "2024-01-10T22:30:00-02:00",
    interestRate: "7.25",
  },
  instalments: {
    externalId: "I-1",
    customerInternalId: exampleCustomer,
    contractNo: "L-001",
    dueDate: "2025-01-10",
    amount: "300",
    currency: "RON",
  },
  garnishments: {
    externalId: "G-1",
    customerInternalId: exampleCustomer,
    authority: "ANAF",
    amount: 1000.5,
    currency: "RON",
    since: "2025-01-01",
  },
  complianceFlags: {
    externalId: "C-1",
    customerInternalId: exampleCustomer,
    code: "terrorist list",
    since: "2025-01-01",
    details: "",
  },
  transactions: {
    externalId: "T-1",
    customerInternalId: exampleCustomer,
    bookingDate: "2025-01-01",
    indicator: "Card payments",
    direction: "outgoing",
    interIntra: "INTER",
    currency: "EUR",
    amount: "12.30",
  },
  interactions: {
    externalId: "X-1",
    customerInternalId: exampleCustomer,
    occurredAt: "2025-01-01T10:00:00+02:00",
    channel: "Phone",
    type: "Call",
    direction: "inbound",
    subject: "Card blocked",
  },
  revenues: {
    externalId: "R-1",
    customerInternalId: exampleCustomer,
    revenueDate: "2025-01-31",
    category: "Fees",
    product: "Card",
    currency: "RON",
    amount: "-5",
  },
  profitabilityValues: {
    externalId: "P-1",
    customerInternalId: exampleCustomer,
    indicator: "NetMargin",
    month: "2025-01",
    value: "1234.5678",
  },
  tasks: {
    externalId: "TK-1",
    customerInternalId: exampleCustomer,
    title: "Call back",
    status: "In Progress",
  },
  campaignOffers: {
    externalId: "O-1",
    customerInternalId: exampleCustomer,
    product: "Gold Card",
    campaign: "Spring",
    status: "OPEN",
    availableUntil: "2025-12-31",
  },
  pictures: { customerInternalId: exampleCustomer, dataBase64: png, contentType: "image/png" },
};
