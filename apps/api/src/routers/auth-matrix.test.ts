import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService } from "../auth";
import { openRouterHarness } from "../test/router-harness";

let harness: Awaited<ReturnType<typeof openRouterHarness>>;
let readerToken = "";
let writerToken = "";
let adminToken = "";
let customerId = "";

beforeAll(async () => {
  harness = await openRouterHarness();
  [readerToken, writerToken, adminToken] = await Promise.all([
    harness.userToken("matrix.reader", ["reader"]),
    harness.userToken("matrix.writer", ["writer"]),
    harness.userToken("matrix.admin", ["admin"]),
  ]);
  const created = await harness.caller({ token: writerToken }).customers.upsertIndividual(customer("SEED-1"));
  customerId = created.customerInternalId;
});
afterAll(async () => {
  await harness?.close();
});

function customer(uniqueId: string, firstName = "Ana") {
  return {
    CustomerInfo: {
      firstName,
      lastName: "Popescu",
      UniqueID: uniqueId,
      email: `${uniqueId.toLowerCase()}@example.ro`,
      mobilePhone: "0712345678",
    },
  };
}

/** The HTTP status and message a rejected call maps to; fails the test when the call succeeds. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { status: getHTTPStatusCodeFromError(error), message: error.message };
}

describe("authentication through the router", () => {
  it("refuses a call without a token, for writes and widgets alike (401)", async () => {
    const anonymous = harness.caller({});
    expect((await refusal(anonymous.customers.upsertIndividual(customer("ANON-1")))).status).toBe(401);
    expect((await refusal(anonymous.widgets.header({ customerInternalId: customerId }))).status).toBe(401);
    expect((await refusal(anonymous.widgets.clientLifecycle(null))).status).toBe(401);
  });

  it("refuses a malformed or unknown token (401) without echoing it", async () => {
    for (const token of ["garbage", "A".repeat(43), `${readerToken}x`]) {
      const { status, message } = await refusal(
        harness.caller({ token }).widgets.header({ customerInternalId: customerId }),
      );
      expect(status).toBe(401);
      expect(message).not.toContain(token);
    }
  });

  it("refuses a token once it has expired (401), having accepted it before", async () => {
    let at = Date.now();
    const clocked = createAuthService({
      database: harness.handle,
      tokenTtlSeconds: 60,
      now: () => new Date(at),
    });
    const token = await harness.userToken("matrix.expiring", ["reader"], clocked);
    const deps = { ...harness.deps, auth: clocked };
    const call = () => harness.caller({ token }, deps).widgets.header({ customerInternalId: customerId });

    await expect(call()).resolves.toMatchObject({ customerInternalId: customerId });
    at += 59_000;
    await expect(call()).resolves.toMatchObject({ customerInternalId: customerId });
    at += 1_000;
    const { status, message } = await refusal(call());
    expect(status).toBe(401);
    expect(message).toMatch(/expired/);
  });

  it("refuses a disabled user's token right after disableUser (401)", async () => {
    const token = await harness.userToken("matrix.leaver", ["reader", "writer"]);
    const caller = harness.caller({ token });
    await expect(caller.widgets.header({ customerInternalId: customerId })).resolves.toBeTruthy();
    await harness.auth.disableUser("matrix.leaver");
    expect((await refusal(caller.widgets.header({ customerInternalId: customerId }))).status).toBe(401);
    expect((await refusal(caller.customers.upsertIndividual(customer("LEAVER-1")))).status).toBe(401);
  });

  it("refuses a token presented under another UserName (401) and accepts its own in any case", async () => {
    const other = harness.caller({ token: readerToken, claimedUserName: "matrix.writer" });
    expect((await refusal(other.widgets.header({ customerInternalId: customerId }))).status).toBe(401);
    const own = harness.caller({ token: readerToken, claimedUserName: "MATRIX.Reader" });
    await expect(own.widgets.header({ customerInternalId: customerId })).resolves.toMatchObject({
      customerInternalId: customerId,
    });
  });
});

describe("roles through the router", () => {
  it("gives a reader 403 on a write and on ingest, and writes nothing", async () => {
    const reader = harness.caller({ token: readerToken });
    const write = await refusal(reader.customers.upsertIndividual(customer("READER-1")));
    expect(write.status).toBe(403);
    expect(write.message).toMatch(/matrix\.reader/);
    const ingest = reader.ingest.tasks({
      rows: [{ externalId: "T-R", customerInternalId: customerId, title: "Call", status: "open" }],
    });
    expect((await refusal(ingest)).status).toBe(403);

    // Nothing was stored: the same customer is still new to a writer.
    const created = await harness
      .caller({ token: writerToken })
      .customers.upsertIndividual(customer("READER-1"));
    expect(created.operation).toBe("created");
  });

  it("gives a writer 403 on a widget and on audit.forCustomer", async () => {
    const writer = harness.caller({ token: writerToken });
    expect((await refusal(writer.widgets.header({ customerInternalId: customerId }))).status).toBe(403);
    expect((await refusal(writer.widgets.clientLifecycle(null))).status).toBe(403);
    expect((await refusal(writer.audit.forCustomer({ customerInternalId: customerId }))).status).toBe(403);
  });

  it("gives a reader and a writer 403 on every privacy.* procedure, and erases nothing", async () => {
    const input = { customerInternalId: customerId };
    for (const token of [readerToken, writerToken]) {
      const caller = harness.caller({ token });
      for (const call of [
        caller.privacy.export(input),
        caller.privacy.plan(input),
        caller.privacy.erase(input),
      ]) {
        const { status, message } = await refusal(call);
        expect(status).toBe(403);
        expect(message).toMatch(/admin access needed/);
      }
    }
    const admin = harness.caller({ token: adminToken });
    const { tables } = await admin.privacy.export(input);
    expect(tables.customers).toEqual([expect.objectContaining({ first_name: "Ana", unique_id: "SEED-1" })]);
    await expect(admin.privacy.plan(input)).resolves.toMatchObject({ canEraseNow: true, blockers: [] });
  });

  it("lets an admin write and read", async () => {
    const admin = harness.caller({ token: adminToken });
    const written = await admin.customers.upsertIndividual(customer("ADMIN-1", "Ioana"));
    expect(written).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    const header = await admin.widgets.header({ customerInternalId: written.customerInternalId });
    expect(header).toMatchObject({ fullName: "Ioana Popescu", initials: "IP" });
    const audit = await admin.audit.forCustomer({ customerInternalId: written.customerInternalId });
    expect(audit.items).toEqual([
      expect.objectContaining({ userName: "matrix.admin", operation: "created", entity: "customer" }),
    ]);
  });

  it("lets a writer write and a reader read what was written", async () => {
    const writer = harness.caller({ token: writerToken });
    const reader = harness.caller({ token: readerToken, claimedUserName: "matrix.reader" });
    const first = await writer.customers.upsertIndividual(customer("ROLE-OK-1", "Maria"));
    expect(first).toEqual({
      customerInternalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      operation: "created",
    });
    const again = await writer.customers.upsertIndividual(customer("role-ok-1", "Maria"));
    expect(again).toEqual({ customerInternalId: first.customerInternalId, operation: "unchanged" });

    const header = await reader.widgets.header({ customerInternalId: first.customerInternalId });
    expect(header).toMatchObject({
      customerInternalId: first.customerInternalId,
      fullName: "Maria Popescu",
      initials: "MP",
      uniqueIdMasked: expect.stringMatching(/K-1$/),
      email: "role-ok-1@example.ro",
      mobilePhone: "+40712345678",
    });
    expect(header.uniqueIdMasked).not.toContain("ROLE");
  });
});
