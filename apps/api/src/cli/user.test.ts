import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAuthService } from "../auth/auth-service";
import { cliKit } from "../test/cli-kit";
import { UsageError } from "./command-line";
import { parseUserArgs } from "./user";

const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const script = fileURLToPath(new URL("./user.ts", import.meta.url));

const { run: runCli, withDatabase } = cliKit("user", { command: tsx, args: [script] });

const password = "piped-in-secret-123";

describe("pnpm user", () => {
  it("adds a user with the password from stdin, then disables it and ends its tokens", {
    timeout: 120_000,
  }, async () => {
    const added = await runCli(
      ["--", "add", "--username", "Cli.User", "--role", "writer", "--role", "reader", "--password-stdin"],
      `${password}\n`,
    );
    expect(added).toMatchObject({ code: 0, stdout: "Created user Cli.User with roles reader, writer.\n" });
    expect(added.stdout + added.stderr).not.toContain(password);

    const token = await withDatabase(async (database) => {
      const auth = createAuthService({ database, tokenTtlSeconds: 3600 });
      // The trailing newline was dropped: the password is exactly what was typed before it.
      const issued = await auth.issueToken({ username: "cli.user", password, clientAddress: "127.0.0.1" });
      expect(await auth.authenticate(issued.access_token, "Cli.User")).toMatchObject({
        roles: ["reader", "writer"],
      });
      return issued.access_token;
    });

    const disabled = await runCli(["disable", "--username", "cli.user"]);
    expect(disabled).toMatchObject({ code: 0, stdout: "Disabled user Cli.User; ended 1 token.\n" });

    await withDatabase(async (database) => {
      const auth = createAuthService({ database, tokenTtlSeconds: 3600 });
      await expect(auth.authenticate(token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(
        auth.issueToken({ username: "cli.user", password, clientAddress: "127.0.0.1" }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });

    const unknown = await runCli(["disable", "--username", "nobody-here"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Not Found/);
  });

  it("answers usage errors with exit code 2 before touching the database", { timeout: 60_000 }, async () => {
    const cases: [string[], string, RegExp][] = [
      [[], "", /add or disable/],
      [["add", "--role", "reader", "--password-stdin"], password, /--username is required/],
      [["add", "--username", "u1", "--role", "root", "--password-stdin"], password, /unknown role 'root'/],
      [["add", "--username", "u1", "--password-stdin"], password, /at least one --role/],
      [
        ["add", "--username", "u1", "--role", "reader", "--password", "on-the-command-line"],
        "",
        /never taken from the command line/,
      ],
      [["add", "--username", "u1", "--role", "reader"], password, /not a terminal/],
      [["add", "--username", "u1", "--role", "reader", "--password-stdin"], "too-short\n", /at least 12/],
    ];
    const results = await Promise.all(cases.map(([args, stdin]) => runCli(args, stdin)));
    for (const [i, result] of results.entries()) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(cases[i]![2]);
      expect(result.stderr).toContain("Usage:");
      expect(result.stdout).toBe("");
      expect(result.stderr).not.toContain("on-the-command-line");
    }
  });
});

describe("parseUserArgs", () => {
  it("ignores a leading --, repeats --role, and takes --opt=value", () => {
    expect(
      parseUserArgs(["--", "add", "--username=Ann", "--role", "ADMIN", "--role=reader", "--password-stdin"]),
    ).toEqual({ command: "add", username: "Ann", roles: ["reader", "admin"], passwordStdin: true });
    expect(parseUserArgs(["disable", "--username", "Ann"])).toEqual({ command: "disable", username: "Ann" });
  });

  it("rejects unknown options and commands, and extra words", () => {
    for (const args of [
      ["add", "--user", "x"],
      ["remove", "--username", "x"],
      ["disable", "--username", "x", "y"],
    ]) {
      expect(() => parseUserArgs(args)).toThrow(UsageError);
    }
    expect(() => parseUserArgs(["disable", "--username", "x", "--role", "reader"])).toThrow(
      /only --username/,
    );
  });
});
