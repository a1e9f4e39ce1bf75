import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cliKit } from "../test/cli-kit";
import { UsageError } from "./command-line";
import { parseWebhookArgs } from "./webhook";

const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const script = fileURLToPath(new URL("./webhook.ts", import.meta.url));

const { run: runCli, withServer } = cliKit("webhook", {
  command: tsx,
  args: [script],
  env: { LOG_LEVEL: "silent" },
});
const secret = () => `whsec_${randomBytes(32).toString("base64")}`;

const idOf = (line: string) => line.match(/endpoint ([0-9a-f-]{36})/)?.[1] ?? "";

describe("pnpm webhook", () => {
  it("adds an endpoint with its secret from stdin, lists it, removes it", async () => {
    const added = await runCli(
      [
        "add",
        "--url",
        "https://crm.example.ro/hooks",
        "--types",
        "customer.*,address.created",
        "--secret-stdin",
      ],
      `${secret()}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^Added webhook endpoint [0-9a-f-]{36} for customer\.\*, address\.created: https:\/\/crm\.example\.ro\/hooks\n$/,
    );
    const id = idOf(added.stdout);
    const listed = await runCli(["list"]);
    expect(listed.stdout).toContain(
      `${id}  https://crm.example.ro/hooks  customer.*,address.created  delivering  0 undelivered`,
    );
    expect(listed.stdout).not.toContain("whsec_");
    expect((await runCli(["remove", "--id", id])).stdout).toBe(
      `Removed webhook endpoint ${id} and its undelivered events.\n`,
    );
    expect((await runCli(["list"])).stdout).toBe("No webhook endpoints.\n");
    const again = await runCli(["remove", "--id", id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`No webhook endpoint has endpointId ${id}.`);
  }, 120_000);

  it("refuses a bad endpoint naming each field, exit code 2, storing nothing", async () => {
    const refused = await runCli(
      ["add", "--url", "ftp://x", "--types", "customer", "--secret-stdin"],
      "short",
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\n {2}url: url must be an http:\/\/ or https:\/\/ URL/);
    expect(refused.stderr).toMatch(/\n {2}secret: /);
    expect(refused.stderr).toMatch(/\n {2}types\.0: /);
    expect((await runCli(["list"])).stdout).toBe("No webhook endpoints.\n");
  }, 60_000);

  it.runIf(!process.env.DATABASE_URL)(
    "hands the command to a running server that holds the PGlite directory",
    () =>
      withServer(async () => {
        const added = await runCli(
          ["add", "--url", "http://127.0.0.1:9/hook", "--types", "*", "--secret-stdin"],
          secret(),
        );
        expect(added.code, added.stderr).toBe(0);
        const id = idOf(added.stdout);
        expect((await runCli(["list"])).stdout).toContain(`${id}  http://127.0.0.1:9/hook  *  delivering`);
        const resumed = await runCli(["resume", "--id", id]);
        expect(resumed.stdout).toBe(`Resumed webhook endpoint ${id}; 0 events to deliver.\n`);
        expect((await runCli(["remove", "--id", id])).code).toBe(0);
      }),
    120_000,
  );
});

describe("the arguments of pnpm webhook", () => {
  it("are refused with a sentence before anything runs", () => {
    const refusal = (args: string[]) => {
      try {
        parseWebhookArgs(args);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
    };
    expect(refusal(["add", "--url", "u", "--types", "*", "--secret", "whsec_x"])).toMatch(
      /never taken from the command line/,
    );
    expect(refusal(["add", "--url", "u", "--types", "*"])).toMatch(/--secret-stdin/);
    expect(refusal(["add", "--types", "*", "--secret-stdin"])).toBe("--url is required");
    expect(refusal(["list", "--id", "x"])).toBe("list does not take --id");
    expect(refusal(["remove"])).toBe("--id is required");
    expect(refusal(["purge"])).toMatch(/unknown command 'purge'/);
    expect(
      parseWebhookArgs(["add", "--url", "u", "--types", "a.*", "--types", "b.created,c.*", "--secret-stdin"]),
    ).toEqual({
      command: "add",
      url: "u",
      types: ["a.*", "b.created", "c.*"],
    });
  });
});
