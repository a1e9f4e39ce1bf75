import { z } from "zod";
import { country, postalCode } from "../rules/address";
import { optional, required } from "../rules/field";
import { addressType } from "../rules/option-sets";
import { systemIdentifier } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import { writeOperation } from "./write-result";

export const addUpdateCustomerAddressAction = "FTOS_ACC_CB_AddUpdateCustomerAddress";

const place = text(100);
const number = text(20);

export const customerAddressInput = fields("Data", {
  AddressInfo: fields("AddressInfo", {
    addressIdentifier: optional("addressIdentifier", systemIdentifier),
    customerInternalId: optional("customerInternalId", systemIdentifier),
    addressType: required("addressType", addressType),
    country: required("country", country),
    district: required("district", place),
    city: required("city", place),
    streetName: required("streetName", place),
    streetNo: required("streetNo", number),
    buildingNo: optional("buildingNo", number),
    floorNo: optional("floorNo", number),
    apartmentNo: optional("apartmentNo", number),
    postalCode: required("postalCode", postalCode),
  }),
});
export type CustomerAddressInput = z.output<typeof customerAddressInput>;

export const customerAddressResult = z.object({ addressIdentifier: z.string(), operation: writeOperation });
export type CustomerAddressResult = z.output<typeof customerAddressResult>;
