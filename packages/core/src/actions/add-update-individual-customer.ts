import { z } from "zod";
import { emailAddress, phoneNumber } from "../rules/contact";
import { optional, required } from "../rules/field";
import { emailAddressType, phoneNumberType } from "../rules/option-sets";
import { systemIdentifier } from "../rules/system-id";
import { personName, uniqueId } from "../rules/text";
import { fields } from "../rules/validation";
import { writeOperation } from "./write-result";

export const addUpdateIndividualCustomerAction = "FTOS_ACC_CB_AddUpdateIndividualCustomer";

export const individualCustomerInput = fields("Data", {
  CustomerInfo: fields("CustomerInfo", {
    customerInternalId: optional("customerInternalId", systemIdentifier),
    firstName: required("firstName", personName),
    lastName: required("lastName", personName),
    emailAddressType: optional("emailAddressType", emailAddressType),
    phoneNumberType: optional("phoneNumberType", phoneNumberType),
    UniqueID: required("UniqueID", uniqueId),
    email: required("email", emailAddress),
    mobilePhone: required("mobilePhone", phoneNumber),
  }),
});
export type IndividualCustomerInput = z.output<typeof individualCustomerInput>;

export const individualCustomerResult = z.object({
  customerInternalId: z.string(),
  operation: writeOperation,
});
export type IndividualCustomerResult = z.output<typeof individualCustomerResult>;
