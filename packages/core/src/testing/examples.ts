import type { z } from "zod";
import { type FieldError, isAppError } from "../errors/app-error";
import { parseInput } from "../rules/edge-input";

type Fields = Record<string, unknown>;

const CUSTOMER_ID = "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f";

/**
 * Valid `Data` of each write action, as an integrator sends it: tests change one field at a
 * time, or name the customer they wrote, through `fields`, which override the example's.
 */
export const examples = {
  customer: (fields: Fields = {}) => ({
    CustomerInfo: {
      firstName: "Ana",
      lastName: "Popescu",
      UniqueID: "1960523123456",
      email: "ana.popescu@example.ro",
      mobilePhone: "+40712345678",
      emailAddressType: "Personal",
      phoneNumberType: "Mobile",
      ...fields,
    } as Fields,
  }),
  address: (fields: Fields = {}) => ({
    AddressInfo: {
      customerInternalId: CUSTOMER_ID,
      addressType: "Home Address",
      country: "RO",
      district: "Sector 1",
      city: "Bucuresti",
      streetName: "Calea Victoriei",
      streetNo: "12",
      postalCode: "010061",
      ...fields,
    } as Fields,
  }),
  representative: (fields: Fields = {}) => ({
    CustomerRepresentativeInfo: {
      customerInternalId: CUSTOMER_ID,
      customerRepresentativeNo: "7a2d9f1f-3c2b-4d3c-8a1c-2b3c4d5e6f70",
      accountRelationType: "Contact",
      ...fields,
    } as Fields,
  }),
  application: (fields: Fields = {}): Fields => ({
    customerInternalId: CUSTOMER_ID,
    url: "https://loans.example.ro/a/1",
    name: "Personal loan",
    bankingProduct: "Personal Loan",
    source: "LOS",
    businessStatus: "In review",
    externalId: "APP-1",
    amount: "1250.00",
    currency: "RON",
    ...fields,
  }),
  agreement: (fields: Fields = {}): Fields => ({
    customerInternalId: CUSTOMER_ID,
    agreementType: "GDPR Consent",
    startDate: "2024-03-01",
    sourceId: "WEB",
    ...fields,
  }),
};

/** The field errors a parse reports, or [] when it succeeds. */
export function errorsOf(schema: z.ZodType, data: unknown): FieldError[] {
  try {
    parseInput(schema, data);
    return [];
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors;
    throw error;
  }
}
