import { z } from "zod";
import { customerInput } from "../rules/ids";
import { notFound } from "../use-cases/record-changes";
import { defineAction } from "./action";

export const privacyExportResult = z.object({
  customerInternalId: z.string(),
  asOf: z.string(),
  /** Every row held about the customer, by table, each with every column: complete, not a summary. */
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export const unknownPrivacyCustomer = (customerInternalId: string) =>
  notFound("customerInternalId", `No customer has customerInternalId ${customerInternalId}.`);

export const privacyExport = defineAction({
  name: "FTOS_ACC_PrivacyExport",
  procedure: "privacy.export",
  kind: "query",
  access: "admin",
  tag: "Privacy",
  title: "Privacy export",
  summary:
    "Everything held about one customer (CONTRACT §10): the record, addresses, representatives both ways, applications, agreements, holdings, instalments, garnishments, transactions, interactions, revenues, indicators, tasks, offers, flags, the picture, audit entries and change events, table by table.",
  input: customerInput,
  output: privacyExportResult,
  message: () => "Privacy export computed",
  async run({ sources, now }, { customerInternalId }) {
    const tables = await sources.privacy.heldRows(customerInternalId);
    if (!tables) throw unknownPrivacyCustomer(customerInternalId);
    return { customerInternalId, asOf: now.toISOString(), tables };
  },
});
