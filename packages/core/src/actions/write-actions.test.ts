import { describe, expect, it } from "vitest";
import { customerAddressInput } from "./add-update-customer-address";
import { customerAgreementInput } from "./add-update-customer-agreement";
import { customerRepresentativeInput } from "./add-update-customer-representative";
import { individualCustomerInput } from "./add-update-individual-customer";
import { applicationInput } from "./create-update-application";
import { errorsOf, examples } from "./examples";
import { isWriteActionName, writeActionNames, writeActions } from "./write-actions";

describe("writeActions", () => {
  it("maps each of the five action names to its Data schema and returned identifier", () => {
    expect(writeActionNames).toEqual([
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      "FTOS_ACC_CB_AddUpdateCustomerAddress",
      "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
      "FTOS_ACC_CreateUpdateApplication",
      "FTOS_ACC_AddUpdateCustomerAgreement",
    ]);
    expect(writeActions.FTOS_ACC_CB_AddUpdateIndividualCustomer.identifier).toBe("customerInternalId");
    expect(writeActions.FTOS_ACC_CB_AddUpdateCustomerAddress.identifier).toBe("addressIdentifier");
    expect(writeActions.FTOS_ACC_CB_AddUpdateCustomerRepresentative.identifier).toBe(
      "customerRepresentativeIdentifier",
    );
    expect(writeActions.FTOS_ACC_CreateUpdateApplication.identifier).toBe("applicationId");
    expect(writeActions.FTOS_ACC_AddUpdateCustomerAgreement.identifier).toBe("AgreementId");
    expect(isWriteActionName("FTOS_ACC_AccountHeader")).toBe(false);
    expect(isWriteActionName("toString")).toBe(false);
  });
});

describe("Data shapes, as the seed document spells them", () => {
  it.each([
    [
      individualCustomerInput.shape.CustomerInfo.shape,
      [
        "customerInternalId",
        "firstName",
        "lastName",
        "emailAddressType",
        "phoneNumberType",
        "UniqueID",
        "email",
        "mobilePhone",
      ],
    ],
    [
      customerAddressInput.shape.AddressInfo.shape,
      [
        "addressIdentifier",
        "customerInternalId",
        "addressType",
        "country",
        "district",
        "city",
        "streetName",
        "streetNo",
        "buildingNo",
        "floorNo",
        "apartmentNo",
        "postalCode",
      ],
    ],
    [
      customerRepresentativeInput.shape.CustomerRepresentativeInfo.shape,
      [
        "customerInternalId",
        "customerRepresentativeIdentifier",
        "customerRepresentativeNo",
        "accountRelationType",
      ],
    ],
    [
      applicationInput.shape,
      [
        "customerInternalId",
        "url",
        "name",
        "bankingProduct",
        "source",
        "businessStatus",
        "externalId",
        "amount",
        "currency",
      ],
    ],
    [
      customerAgreementInput.shape,
      [
        "customerInternalId",
        "agreementType",
        "startDate",
        "endDate",
        "sourceId",
        "contractNo",
        "AgreementId",
        "externalId",
      ],
    ],
  ])("%#", (shape, keys) => {
    expect(Object.keys(shape)).toEqual(keys);
  });

  it("refuse what is not the documented shape", () => {
    expect(errorsOf(individualCustomerInput, examples.customer().CustomerInfo)).toEqual(
      expect.arrayContaining([
        { field: "CustomerInfo", message: "CustomerInfo is required" },
        { field: "firstName", message: 'Unknown field "firstName"' },
      ]),
    );
    expect(errorsOf(applicationInput, "{}")).toEqual([{ field: "Data", message: "Data must be an object" }]);
    expect(errorsOf(customerAddressInput, { AddressInfo: "x" })).toEqual([
      { field: "AddressInfo", message: "AddressInfo must be an object" },
    ]);
  });
});
