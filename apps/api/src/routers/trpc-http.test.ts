import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { AppRouter } from "../router";
import { startTestServer } from "../test/test-server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let writer: ReturnType<typeof clientFor>;
let reader: ReturnType<typeof clientFor>;

function clientFor(token: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

beforeAll(async () => {
  server = await startTestServer();
  const [writerToken, readerToken] = await Promise.all([
    server.userToken("http.writer", ["writer"]),
    server.userToken("http.reader", ["reader"]),
  ]);
  writer = clientFor(writerToken);
  reader = clientFor(readerToken);
});
afterAll(async () => {
  await server?.stop();
});

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("tRPC over HTTP with a typed client", () => {
  it("creates a customer, reads its header, ingests transactions, reads their values and the audit", async () => {
    const created = await writer.customers.upsertIndividual.mutate({
      CustomerInfo: {
        firstName: "Elena",
        lastName: "Ionescu",
        UniqueID: "2850101123456",
        email: "Elena.Ionescu@EXAMPLE.RO",
        mobilePhone: "0722 111 222",
        emailAddressType: "work",
      },
    });
    expectTypeOf(created.operation).toEqualTypeOf<"created" | "updated" | "unchanged">();
    expect(created).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    const customerInternalId = created.customerInternalId;

    const header = await reader.widgets.header.query({ customerInternalId });
    expectTypeOf(header.fullName).toEqualTypeOf<string>();
    expectTypeOf(header.activeProducts).toEqualTypeOf<number>();
    expect(header).toMatchObject({
      customerInternalId,
      fullName: "Elena Ionescu",
      initials: "EI",
      uniqueIdMasked: expect.stringMatching(/3456$/),
      email: "Elena.Ionescu@example.ro",
      mobilePhone: "+40722111222",
      customerSince: today,
      primaryAddress: null,
      activeProducts: 0,
    });
    expect(header.uniqueIdMasked).not.toContain("285010112");
    expect(Date.parse(header.asOf)).not.toBeNaN();

    const rows = [
      {
        externalId: "TX-1",
        bookingDate: daysAgo(3),
        indicator: "Card payment",
        direction: "Outgoing",
        amount: "100.10",
      },
      {
        externalId: "TX-2",
        bookingDate: daysAgo(2),
        indicator: "Card payment",
        direction: "outgoing",
        amount: 200.2,
      },
      {
        externalId: "TX-3",
        bookingDate: daysAgo(1),
        indicator: "Salary",
        direction: "Incoming",
        amount: "5000",
      },
      {
        externalId: "TX-4",
        bookingDate: daysAgo(400),
        indicator: "Salary",
        direction: "Incoming",
        amount: "1",
      },
    ].map((row) => ({ ...row, customerInternalId, interIntra: "Inter", currency: "ron" }));
    const first = await writer.ingest.transactions.mutate({ rows });
    expectTypeOf(first.inserted).toEqualTypeOf<number>();
    expect(first).toEqual({ inserted: 4, updated: 0 });
    // Idempotent on the external id: the same batch again creates nothing.
    expect(await writer.ingest.transactions.mutate({ rows })).toEqual({ inserted: 0, updated: 4 });

    const values = await reader.widgets.transactionValues.query({
      customerInternalId,
      startDate: daysAgo(30),
      endDate: today,
    });
    // Sums are exact (100.10 + 200.2 is not 300.29999…) and the 400-day-old row is out of range.
    expect(values.rows).toEqual([
      {
        indicator: "Card payment",
        direction: "Outgoing",
        interIntra: "Inter",
        currency: "RON",
        count: 2,
        amount: "300.30",
      },
      {
        indicator: "Salary",
        direction: "Incoming",
        interIntra: "Inter",
        currency: "RON",
        count: 1,
        amount: "5000.00",
      },
    ]);
    expect(values.totals).toEqual([
      { currency: "RON", direction: "Incoming", count: 1, amount: "5000.00" },
      { currency: "RON", direction: "Outgoing", count: 2, amount: "300.30" },
    ]);
    expect(Date.parse(values.asOf)).not.toBeNaN();

    const outgoing = await reader.widgets.transactionValues.query({
      customerInternalId,
      startDate: daysAgo(30),
      endDate: today,
      direction: "OUTGOING",
    });
    expect(outgoing.rows.map((row) => row.indicator)).toEqual(["Card payment"]);

    const audit = await reader.audit.forCustomer.query({ customerInternalId });
    expect(audit.nextCursor).toBeNull();
    // Newest first: the four transactions (the identical re-ingest changed nothing, so left no
    // entry), then the customer.
    expect(audit.items.map((item) => [item.action, item.operation])).toEqual([
      ...Array(4).fill(["ingest.transactions", "created"]),
      ["FTOS_ACC_CB_AddUpdateIndividualCustomer", "created"],
    ]);
    const creation = audit.items[4];
    expect(creation).toMatchObject({
      userName: "http.writer",
      entity: "customer",
      recordId: customerInternalId,
      customerId: customerInternalId,
    });
    expect(creation?.changes.firstName).toEqual({ old: null, new: "Elena" });
    expect(creation?.changes.email).toEqual({ old: null, new: "Elena.Ionescu@example.ro" });
  });

  it("answers errors with the HTTP status, the AppError code and every invalid field", async () => {
    const invalid = await failure(
      writer.customers.upsertIndividual.mutate({
        CustomerInfo: { firstName: "", lastName: "X", UniqueID: "U-1", email: "nope", mobilePhone: "12" },
      }),
    );
    expect(invalid.data?.httpStatus).toBe(400);
    expect(invalid.data?.appCode).toBe("BAD_REQUEST");
    expect(invalid.data?.fieldErrors.map((e) => e.field).sort()).toEqual([
      "CustomerInfo.email",
      "CustomerInfo.firstName",
      "CustomerInfo.mobilePhone",
    ]);
    expect(invalid.data?.stack).toBeUndefined();

    const unknown = await failure(
      reader.widgets.header.query({ customerInternalId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.data?.httpStatus).toBe(404);
    expect((await failure(clientFor(null).widgets.clientLifecycle.query(null))).data?.httpStatus).toBe(401);
    expect((await failure(writer.widgets.clientLifecycle.query(null))).data?.httpStatus).toBe(403);
  });
});

/** The client error a call ends in; fails the test when the call succeeds. */
async function failure(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}
