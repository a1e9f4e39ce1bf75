import { fileURLToPath } from "node:url";
import { addYears, createActions, DEFAULT_SETTINGS, type PrivacyPlan, type Sources } from "@account360/core";
import { examples, runAction } from "@account360/core/testing";
import { createSources } from "@account360/storage";
import { beforeAll, describe, expect, it } from "vitest";
import { cliKit } from "../test/cli-kit";
import { UsageError } from "./command-line";
import { parsePrivacyArgs } from "./privacy";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const actions = createActions(DEFAULT_SETTINGS);

/** `pnpm -s privacy …` run as an operator types it, from the repository root. */
const {
  run: runCli,
  withDatabase,
  withServer,
} = cliKit("privacy", { command: "pnpm", args: ["-s", "privacy"], cwd: repoRoot });
let erasable = "";
let blocked = "";
let handedOver = "";

async function addCustomer(sources: Sources, uniqueId: string, firstName: string): Promise<string> {
  const info = { ...examples.customer().CustomerInfo, UniqueID: uniqueId, firstName };
  const created = await runAction(actions.FTOS_ACC_CB_AddUpdateIndividualCustomer, sources, {
    CustomerInfo: info,
  });
  return created.customerInternalId;
}

beforeAll(async () => {
  await withDatabase(async (database) => {
    const sources = createSources(database.sql);
    erasable = await addCustomer(sources, "CLI-ERASE-1", "Ottilie");
    await runAction(actions.FTOS_ACC_CB_AddUpdateCustomerAddress, sources, {
      AddressInfo: { ...examples.address().AddressInfo, customerInternalId: erasable },
    });
    handedOver = await addCustomer(sources, "CLI-SOCKET-1", "Cornelius");
    blocked = await addCustomer(sources, "CLI-BLOCKED-1", "Bertram");
    await runAction(actions.FTOS_ACC_IngestContracts, sources, {
      rows: [
        {
          externalId: "K-CLI-1",
          customerInternalId: blocked,
          contractNo: "CLI-LOAN-1",
          category: "loan",
          bankingProduct: "Personal Loan",
          balance: "100.00",
          currency: "RON",
          status: "active",
          activationDate: "2024-01-10",
        },
      ],
    });
  });
}, 60_000);

describe("pnpm privacy", { timeout: 120_000 }, () => {
  it("exports the customer as one JSON document on stdout, and prints its plan", async () => {
    const exported = await runCli(["export", "--customer", erasable]);
    expect(exported.code, exported.stderr).toBe(0);
    const document = JSON.parse(exported.stdout) as { tables: Record<string, Record<string, unknown>[]> };
    expect(document.tables.customers).toEqual([expect.objectContaining({ first_name: "Ottilie" })]);
    expect(document.tables.addresses).toHaveLength(1);

    const plan = await runCli(["plan", "--customer", erasable]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ canEraseNow: true, blockers: [] });
  });

  it("erases only when confirmed: without a terminal it needs --yes; a second erase is unchanged", async () => {
    const unconfirmed = await runCli(["erase", "--customer", erasable], "yes\n");
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/not a terminal: pass --yes/);
    const still = JSON.parse((await runCli(["export", "--customer", erasable])).stdout);
    expect(still.tables.customers[0].first_name).toBe("Ottilie");

    const erased = await runCli(["erase", "--customer", erasable, "--yes"]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toEqual({ customerInternalId: erasable, operation: "erased" });
    const after = JSON.parse((await runCli(["export", "--customer", erasable])).stdout);
    expect(JSON.stringify(after)).not.toContain("Ottilie");
    expect(after.tables.addresses).toEqual([]);

    const again = await runCli(["erase", "--customer", erasable, "--yes"]);
    expect(JSON.parse(again.stdout)).toEqual({ customerInternalId: erasable, operation: "unchanged" });
  });

  it("plans with RETENTION_YEARS_FINANCIAL from the environment, and refuses a bad one", async () => {
    const plan = await runCli(["plan", "--customer", blocked], "", { RETENTION_YEARS_FINANCIAL: "5" });
    expect(plan.code, plan.stderr).toBe(0);
    const { canEraseNow, actions: steps } = JSON.parse(plan.stdout) as PrivacyPlan;
    expect(canEraseNow).toBe(false);
    const today = new Date().toISOString().slice(0, 10);
    expect(steps.find((s) => s.entity === "contract")?.retainUntil).toBe(addYears(today, 5));
    const bad = await runCli(["plan", "--customer", blocked], "", { RETENTION_YEARS_FINANCIAL: "0" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /RETENTION_YEARS_FINANCIAL: RETENTION_YEARS_FINANCIAL must be from 1 to 100 years/,
    );
  });

  it("refuses a blocked erasure with its blockers, an unknown customer and a bad id", async () => {
    const refused = await runCli(["erase", "--customer", blocked, "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("cannot be erased now: Contract CLI-LOAN-1 is active");
    expect(refused.stdout).toBe("");

    const unknown = await runCli(["plan", "--customer", "00000000-0000-4000-8000-000000000000"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No customer has customerInternalId/);

    const bad = await runCli(["export", "--customer", "12345"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/customerInternalId: customerInternalId must be a UUID/);
  });
});

describe("pnpm privacy while a server holds the PGlite directory", () => {
  it.runIf(!process.env.DATABASE_URL)(
    "hands each command to the server through its admin socket",
    () =>
      withServer(async () => {
        const exported = await runCli(["export", "--customer", handedOver]);
        expect(exported.code, exported.stderr).toBe(0);
        expect(JSON.parse(exported.stdout).tables.customers[0].first_name).toBe("Cornelius");
        const refused = await runCli(["erase", "--customer", blocked, "--yes"]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain("Contract CLI-LOAN-1 is active");
        const erased = await runCli(["erase", "--customer", handedOver, "--yes"]);
        expect(erased.code, erased.stderr).toBe(0);
        expect(JSON.parse(erased.stdout)).toEqual({ customerInternalId: handedOver, operation: "erased" });
        const bad = await runCli(["plan", "--customer", "12345"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/customerInternalId/);
      }),
    120_000,
  );
});

describe("parsePrivacyArgs", () => {
  it("takes a command and --customer, and --yes for erase only", () => {
    expect(parsePrivacyArgs(["--", "erase", "--customer", " abc ", "--yes"])).toEqual({
      command: "erase",
      customer: "abc",
      yes: true,
    });
    for (const [args, message] of [
      [[], /say what to do/],
      [["delete", "--customer", "x"]],
      [["export"], /--customer is required/],
      [["export", "--customer", "x", "--yes"], /for erase only/],
      [["plan", "--customer", "x", "extra"], /unexpected argument/],
      [["plan", "--client", "x"]],
    ] as const) {
      expect(() => parsePrivacyArgs(args)).toThrow(UsageError);
      if (message) expect(() => parsePrivacyArgs(args)).toThrow(message);
    }
  });
});
