import { z } from "zod";
import { isoDate } from "../rules/dates";
import { optional, required } from "../rules/field";
import { systemIdentifier } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import { writeOperation } from "./write-result";

export const addUpdateCustomerAgreementAction = "FTOS_ACC_AddUpdateCustomerAgreement";

const label = text(100);

export const customerAgreementInput = fields("Data", {
  customerInternalId: required("customerInternalId", systemIdentifier),
  agreementType: required("agreementType", label),
  startDate: required("startDate", isoDate),
  endDate: optional("endDate", isoDate),
  sourceId: required("sourceId", label),
  contractNo: optional("contractNo", label),
  AgreementId: optional("AgreementId", systemIdentifier),
  externalId: optional("externalId", label),
});
export type CustomerAgreementInput = z.output<typeof customerAgreementInput>;

export const customerAgreementResult = z.object({ AgreementId: z.string(), operation: writeOperation });
export type CustomerAgreementResult = z.output<typeof customerAgreementResult>;
