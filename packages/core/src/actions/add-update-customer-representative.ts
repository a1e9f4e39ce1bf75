import { z } from "zod";
import { optional, required } from "../rules/field";
import { accountRelationType } from "../rules/option-sets";
import { systemIdentifier } from "../rules/system-id";
import { fields } from "../rules/validation";
import { writeOperation } from "./write-result";

export const addUpdateCustomerRepresentativeAction = "FTOS_ACC_CB_AddUpdateCustomerRepresentative";

export const customerRepresentativeInput = fields("Data", {
  CustomerRepresentativeInfo: fields("CustomerRepresentativeInfo", {
    customerInternalId: optional("customerInternalId", systemIdentifier),
    customerRepresentativeIdentifier: optional("customerRepresentativeIdentifier", systemIdentifier),
    customerRepresentativeNo: required("customerRepresentativeNo", systemIdentifier),
    accountRelationType: required("accountRelationType", accountRelationType),
  }),
});
export type CustomerRepresentativeInput = z.output<typeof customerRepresentativeInput>;

export const customerRepresentativeResult = z.object({
  customerRepresentativeIdentifier: z.string(),
  operation: writeOperation,
});
export type CustomerRepresentativeResult = z.output<typeof customerRepresentativeResult>;
