import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_SETTINGS } from "../settings";
import { SEED_LEGACY_NAMES, SEED_WIDGET_ACTIONS, SEED_WRITE_ACTIONS } from "../testing/seed-actions";
import { defineAction } from "./action";
import { createActions, indexActions } from "./registry";

const actions = createActions(DEFAULT_SETTINGS);
const index = indexActions(actions);

describe("the action registry", () => {
  it("holds every action of the endpoint documentation, and the legacy names of CONTRACT §3", () => {
    for (const name of [...SEED_WRITE_ACTIONS, ...SEED_WIDGET_ACTIONS]) {
      expect(index.byName(name)?.action.name, name).toBe(name);
    }
    for (const [legacy, current] of SEED_LEGACY_NAMES) {
      expect(index.byName(legacy)).toMatchObject({ name: legacy, legacy: true, action: { name: current } });
    }
  });

  it("finds an action by any spelling of its name, and nothing by a name it does not hold", () => {
    expect(index.byName("ftos_acc_accountheader")).toMatchObject({
      name: "FTOS_ACC_AccountHeader",
      legacy: false,
    });
    expect(index.byName("FTOS_ACC_AccountHeaderX")).toBeUndefined();
    expect(index.byName("toString")).toBeUndefined();
  });

  it("gives every action its own name and its own procedure, writes as mutations, reads as queries", () => {
    const procedures = index.all.map((a) => a.procedure);
    expect(new Set(procedures).size).toBe(procedures.length);
    for (const action of index.all) {
      expect(action.procedure, action.name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      // Reads are queries and writes mutations; an admin's action is whichever it does.
      if (action.access !== "admin")
        expect(action.kind === "mutation", action.name).toBe(action.access === "write");
      expect(index.byProcedure(action.procedure)).toBe(action);
    }
  });

  it("refuses two actions with one name or one procedure, and a listing under another name", () => {
    const a = defineAction({
      name: "X_One",
      procedure: "x.one",
      kind: "query",
      access: "read",
      tag: "Widgets",
      title: "One",
      summary: "One.",
      input: z.strictObject({}),
      output: z.object({}),
      run: async () => ({}),
    });
    expect(() => indexActions({ X_One: a, X_Two: { ...a, name: "X_Two" } })).toThrow(/procedure x.one/);
    expect(() =>
      indexActions({ X_One: a, X_Two: { ...a, name: "X_Two", procedure: "x.two", legacyNames: ["x_one"] } }),
    ).toThrow(/named x_one/);
    expect(() => indexActions({ X_Two: a })).toThrow(/listed as X_Two/);
  });

  it("keeps the Data shapes of the seed document's write actions, field for field", () => {
    const shape = (name: keyof typeof actions, section?: string) => {
      const object = actions[name].input as z.ZodObject;
      const inner = section ? (object.shape[section] as z.ZodObject) : object;
      return Object.keys(inner.shape);
    };
    expect(shape("FTOS_ACC_CB_AddUpdateIndividualCustomer", "CustomerInfo")).toEqual([
      "customerInternalId",
      "firstName",
      "lastName",
      "emailAddressType",
      "phoneNumberType",
      "UniqueID",
      "email",
      "mobilePhone",
    ]);
    expect(shape("FTOS_ACC_CB_AddUpdateCustomerAddress", "AddressInfo")).toEqual([
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
    ]);
    expect(shape("FTOS_ACC_CB_AddUpdateCustomerRepresentative", "CustomerRepresentativeInfo")).toEqual([
      "customerInternalId",
      "customerRepresentativeIdentifier",
      "customerRepresentativeNo",
      "accountRelationType",
    ]);
    expect(shape("FTOS_ACC_CreateUpdateApplication")).toEqual([
      "customerInternalId",
      "url",
      "name",
      "bankingProduct",
      "source",
      "businessStatus",
      "externalId",
      "amount",
      "currency",
    ]);
    expect(shape("FTOS_ACC_AddUpdateCustomerAgreement")).toEqual([
      "customerInternalId",
      "agreementType",
      "startDate",
      "endDate",
      "sourceId",
      "contractNo",
      "AgreementId",
      "externalId",
    ]);
  });

  it("words the success message of writes as '<entity> <operation>' and of reads as '<title> computed'", () => {
    expect(
      actions.FTOS_ACC_CB_AddUpdateCustomerAddress.message({
        addressIdentifier: "x",
        operation: "unchanged",
      }),
    ).toBe("Address unchanged");
    expect(actions.FTOS_ACC_AccountHeader.message({} as never)).toBe("Account header computed");
  });
});
