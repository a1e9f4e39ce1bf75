/**
 * A small integrator's client of the per-action endpoints, typed only by what openapi-typescript
 * generated from the served document (`./schema`, written beside this file by the test).
 * openapi-client.test.ts typechecks it with `tsc --strict`, then runs it against a live server.
 */
import createClient from "openapi-fetch";
import type { paths } from "./schema";

const ACTIONS = "/ftosapi/automation-processors/actions";

export async function createCustomerAndReadHeader(baseUrl: string, token: string, uniqueId: string) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

  const created = await client.POST(`${ACTIONS}/FTOS_ACC_CB_AddUpdateIndividualCustomer`, {
    body: {
      CustomerInfo: {
        firstName: "Ana",
        lastName: "Popescu",
        UniqueID: uniqueId,
        email: "ana.popescu@example.ro",
        mobilePhone: "+40712345678",
      },
    },
  });
  if (!created.data) throw new Error(`create failed: ${created.error.status} ${created.error.detail}`);
  const customerInternalId: string = created.data.customerInternalId;
  const operation: "created" | "updated" | "unchanged" = created.data.operation;

  const header = await client.POST(`${ACTIONS}/FTOS_ACC_AccountHeader`, { body: { customerInternalId } });
  if (!header.data) throw new Error(`header failed: ${header.error.status} ${header.error.detail}`);
  // The widget's answer, field by field: each typed as the output schema says.
  const fullName: string = header.data.fullName;
  const initials: string = header.data.initials;
  const uniqueIdMasked: string = header.data.uniqueIdMasked;
  const profileCompletion: number = header.data.profileCompletion;
  const segment: string | null = header.data.segment;
  const city: string | undefined = header.data.primaryAddress?.city;
  // @ts-expect-error the header has no such field: an `any` answer would let this through
  header.data.noSuchField;
  // @ts-expect-error fullName is a string, not a number
  const wrong: number = header.data.fullName;

  const refused = await client.POST(`${ACTIONS}/FTOS_ACC_AccountHeader`, {
    body: { customerInternalId: "" },
  });
  const problem = refused.error
    ? { status: refused.error.status, fields: refused.error.errors.map((e) => e.field) }
    : null;

  return {
    customerInternalId,
    operation,
    fullName,
    initials,
    uniqueIdMasked,
    profileCompletion,
    segment,
    city,
    wrong,
    problem,
  };
}

// Run by the test as a script: prints the outcome as JSON.
const [baseUrl, token, uniqueId] = process.argv.slice(2);
if (baseUrl && token && uniqueId) {
  console.log(JSON.stringify(await createCustomerAndReadHeader(baseUrl, token, uniqueId)));
}
