import { z } from "zod";
import { businessStatus, httpUrl } from "../rules/application";
import { optional, optionalNumeric, required } from "../rules/field";
import { amount, currency } from "../rules/money";
import { systemIdentifier } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import { writeOperation } from "./write-result";

export const createUpdateApplicationAction = "FTOS_ACC_CreateUpdateApplication";

const label = text(100);

export const applicationInput = fields("Data", {
  customerInternalId: required("customerInternalId", systemIdentifier),
  url: required("url", httpUrl),
  name: required("name", label),
  bankingProduct: required("bankingProduct", label),
  source: required("source", label),
  businessStatus: required("businessStatus", businessStatus),
  externalId: required("externalId", label),
  amount: optionalNumeric("amount", amount),
  currency: optional("currency", currency),
});
export type ApplicationInput = z.output<typeof applicationInput>;

export const applicationResult = z.object({
  applicationId: z.string(),
  externalId: z.string(),
  operation: writeOperation,
});
export type ApplicationResult = z.output<typeof applicationResult>;
