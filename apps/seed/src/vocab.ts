import type { HoldingKind } from "@account360/core";

/** The words the generated data is made of: a retail bank in Romania with some foreign customers. */

export const SEGMENTS = [
  ["Retail", 62],
  ["Affluent", 20],
  ["Premium", 9],
  ["Youth", 6],
  ["Private Banking", 3],
] as const;

export const EMAIL_DOMAINS = [
  ["gmail.com", 40],
  ["yahoo.com", 18],
  ["yahoo.ro", 8],
  ["outlook.com", 10],
  ["hotmail.com", 6],
  ["icloud.com", 5],
  ["protonmail.com", 2],
  ["gmx.de", 2],
  ["orange.fr", 1],
] as const;

export const WORK_EMAIL_DOMAINS = [
  "mail.example.ro",
  "corp.example.ro",
  "group.example.com",
  "office.example.eu",
];

/** Where consents and general agreements are signed (contract agreements come from "Core Banking"). */
export const AGREEMENT_SOURCES = ["CRM", "Internet Banking", "Mobile App", "Branch"] as const;

export const APPLICATION_SOURCES = [
  ["Internet Banking", 30],
  ["Mobile App", 30],
  ["Branch", 30],
  ["Broker", 5],
  ["Call Center", 5],
] as const;

export const PENDING_APPLICATION_STATUSES = [
  "Submitted",
  "In Review",
  "Pending Documents",
  "Credit Analysis",
];
export const FINAL_APPLICATION_STATUSES = [
  ["Approved", 45],
  ["Completed", 20],
  ["Rejected", 18],
  ["Cancelled", 10],
  ["Closed", 7],
] as const;

/** What a customer applies for; `kind` decides whether an amount is asked. */
export const APPLICATION_PRODUCTS: readonly {
  product: string;
  kind: HoldingKind;
  min: number;
  max: number;
}[] = [
  { product: "Personal Loan", kind: "loan", min: 5_000, max: 120_000 },
  { product: "Car Loan", kind: "loan", min: 20_000, max: 180_000 },
  { product: "Mortgage Loan", kind: "mortgage", min: 150_000, max: 900_000 },
  { product: "Credit Card", kind: "card", min: 2_000, max: 30_000 },
  { product: "Overdraft Facility", kind: "overdraft", min: 1_000, max: 15_000 },
  { product: "Current Account", kind: "current", min: 0, max: 0 },
  { product: "Savings Account", kind: "savings", min: 0, max: 0 },
  { product: "Term Deposit", kind: "deposit", min: 5_000, max: 200_000 },
];

/** Products by kind, with the yearly interest rate range in basis points (1/100 of a percent). */
export const PRODUCTS: Record<HoldingKind, readonly { name: string; rate: readonly [number, number] }[]> = {
  current: [
    { name: "Current Account", rate: [0, 0] },
    { name: "Premium Current Account", rate: [0, 10] },
    { name: "Student Current Account", rate: [0, 0] },
  ],
  savings: [
    { name: "Flexible Savings Account", rate: [100, 350] },
    { name: "Junior Savings Account", rate: [200, 400] },
  ],
  deposit: [
    { name: "Term Deposit 6M", rate: [400, 600] },
    { name: "Term Deposit 12M", rate: [450, 650] },
    { name: "Term Deposit 24M", rate: [500, 700] },
  ],
  loan: [
    { name: "Personal Loan", rate: [750, 1450] },
    { name: "Car Loan", rate: [650, 1100] },
    { name: "Consumer Loan", rate: [900, 1900] },
  ],
  mortgage: [
    { name: "Mortgage Loan", rate: [480, 780] },
    { name: "Noua Casă Mortgage", rate: [400, 550] },
  ],
  card: [
    { name: "Visa Classic Debit Card", rate: [0, 0] },
    { name: "Mastercard Gold Credit Card", rate: [1800, 2400] },
    { name: "Visa Platinum Credit Card", rate: [1700, 2200] },
  ],
  overdraft: [{ name: "Overdraft Facility", rate: [1200, 1900] }],
};

export const IBAN_BANK_CODE = "AXBK";

export const CONTRACT_PREFIX: Record<HoldingKind, string> = {
  current: "",
  savings: "",
  deposit: "",
  loan: "CL",
  mortgage: "MG",
  card: "CC",
  overdraft: "OD",
};

export const RELATION_TYPES = [
  ["Relative", 40],
  ["Contact", 20],
  ["Key Contact Person", 10],
  ["Administrator", 8],
  ["Affiliate", 6],
  ["Participant", 6],
  ["Employer", 5],
  ["Business", 5],
] as const;

export const INTERACTION_CHANNELS = [
  ["Mobile App", 30],
  ["Phone", 22],
  ["Email", 18],
  ["Branch", 15],
  ["Web", 12],
  ["Chat", 3],
] as const;

export const INTERACTION_TOPICS: readonly { type: string; subject: string }[] = [
  { type: "Inquiry", subject: "Question about the monthly account fee" },
  { type: "Inquiry", subject: "Request for an account statement" },
  { type: "Inquiry", subject: "Question about the interest rate of the mortgage" },
  { type: "Inquiry", subject: "Exchange rate for a EUR transfer" },
  { type: "Service Request", subject: "Card blocked after three wrong PIN entries" },
  { type: "Service Request", subject: "Change of correspondence address" },
  { type: "Service Request", subject: "Increase of the card payment limit" },
  { type: "Service Request", subject: "Reissue of an expired card" },
  { type: "Service Request", subject: "Update of the identity document" },
  { type: "Complaint", subject: "Card payment charged twice" },
  { type: "Complaint", subject: "Transfer not received by the beneficiary" },
  { type: "Complaint", subject: "ATM did not dispense cash" },
  { type: "Sales", subject: "Offer for a personal loan" },
  { type: "Sales", subject: "Presentation of the term deposit rates" },
  { type: "Sales", subject: "Invitation to an investment advice meeting" },
  { type: "Notification", subject: "Reminder: instalment due" },
  { type: "Notification", subject: "Card expiring next month" },
  { type: "Notification", subject: "New terms and conditions" },
  { type: "Advice Meeting", subject: "Review of savings and investment goals" },
];

export const TASK_TITLES = [
  "Call the customer about the expiring card",
  "Collect an updated identity document",
  "Periodic KYC review",
  "Follow up on the loan application",
  "Send the signed mortgage offer",
  "Verify the proof of income",
  "Schedule a portfolio review meeting",
  "Confirm the new correspondence address",
];

export const CAMPAIGNS: readonly { product: string; campaign: string }[] = [
  { product: "Mastercard Gold Credit Card", campaign: "Gold Card Welcome" },
  { product: "Personal Loan", campaign: "Pre-approved Personal Loan" },
  { product: "Term Deposit 12M", campaign: "Spring Deposit Rates" },
  { product: "Travel Insurance", campaign: "Summer Holidays" },
  { product: "Mortgage Refinancing", campaign: "Refinance and Save" },
  { product: "Investment Fund Account", campaign: "Start Investing" },
  { product: "Life Insurance", campaign: "Protect Your Family" },
];

export const GARNISHMENT_AUTHORITIES = [
  "ANAF - Direcția Generală Regională a Finanțelor Publice București",
  "ANAF - Direcția Generală Regională a Finanțelor Publice Cluj-Napoca",
  "Direcția de Impozite și Taxe Locale Sector 3",
  "Primăria Municipiului Iași - Direcția Taxe și Impozite",
];

export const COMPLIANCE_DETAILS: Record<"PEP" | "EMBARGO" | "TERRORIST_LIST", readonly string[]> = {
  PEP: [
    "Politically exposed person: member of a county council",
    "Politically exposed person: close family member of a member of parliament",
    "Politically exposed person: board member of a state-owned company",
  ],
  EMBARGO: ["Name match on the EU consolidated sanctions list; under review"],
  TERRORIST_LIST: ["Possible match on the UN Security Council consolidated list; escalated to compliance"],
};

export const PROFITABILITY_INDICATORS = [
  "Revenue",
  "Net Interest Margin",
  "Customer Lifetime Value",
] as const;
