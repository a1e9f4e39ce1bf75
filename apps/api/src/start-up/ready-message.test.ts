import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeDatabase, type ReadyFacts, readyMessage } from "./ready-message";
import { openingStep } from "./start-up-report";

const facts = (overrides: Partial<ReadyFacts> = {}): ReadyFacts => ({
  url: "http://127.0.0.1:3000",
  seconds: 4.23,
  database: { kind: "pglite", dir: "/srv/a360/.data/pglite" },
  defaultPgliteDir: "/srv/a360/.data/pglite",
  users: { all: 0, enabled: 0 },
  userCommandReachesServer: true,
  withBridge: true,
  ...overrides,
});

const lines = (message: string) => message.split("\n");

describe("the ready message", () => {
  it("says where the server answers, where the data lives, and how to create the first user", () => {
    expect(lines(readyMessage(facts()))).toEqual([
      "",
      "Account360 is ready at http://127.0.0.1:3000 (started in 4.2 s)",
      "  web page    http://127.0.0.1:3000/",
      "  callAction  http://127.0.0.1:3000/api/openApi/CallAction",
      "  actions     http://127.0.0.1:3000/ftosapi/automation-processors/actions/{ActionName}",
      "  API docs    http://127.0.0.1:3000/api/docs   (OpenAPI: http://127.0.0.1:3000/api/openApi/openapi.json)",
      "  tRPC        http://127.0.0.1:3000/trpc   (tokens: POST http://127.0.0.1:3000/api/Authorize/GetToken)",
      "  database    PGlite, data in /srv/a360/.data/pglite",
      "No API user exists yet. Create the first, an admin, from another terminal; it asks for the password:",
      "  pnpm user add --username admin --role admin",
      'or in a script: echo "$PASSWORD" | pnpm user add --username admin --role admin --password-stdin',
      "Stop the server with Ctrl-C.",
      "",
    ]);
  });

  it("names a PGlite directory other than the default in the command, absolute and quoted", () => {
    const message = readyMessage(facts({ database: { kind: "pglite", dir: "/tmp/my data/pglite" } }));
    expect(message).toContain("  database    PGlite, data in /tmp/my data/pglite\n");
    expect(message).toContain(
      "\n  PGLITE_DIR='/tmp/my data/pglite' pnpm user add --username admin --role admin\n",
    );
  });

  it("on PostgreSQL names host, port and database, never the password, and leaves a placeholder in the command", () => {
    const database = { kind: "postgres", url: "postgres://app:s3cr3t@db.internal:6432/account360" } as const;
    const message = readyMessage(facts({ database }));
    expect(message).not.toContain("s3cr3t");
    expect(message).toContain("  database    PostgreSQL, database account360 on db.internal:6432 as app\n");
    expect(message).toContain(
      "\n  DATABASE_URL=postgres://app:PASSWORD@db.internal:6432/account360 pnpm user add --username admin --role admin\n",
    );
    expect(message).toContain("with the database password in place of PASSWORD");
  });

  it("on PostgreSQL without a password gives the command that runs as shown", () => {
    const database = { kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/account360" } as const;
    expect(readyMessage(facts({ database }))).toContain(
      "\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/account360 pnpm user add --username admin --role admin\n",
    );
  });

  it("says nothing about creating users once someone may sign in", () => {
    const message = readyMessage(facts({ users: { all: 3, enabled: 2 } }));
    expect(message).toContain("  users       2 may sign in (`pnpm user add` adds more)\n");
    expect(message).not.toContain("--role admin");
  });

  it("when every user is disabled, says so and gives the same way in", () => {
    const message = readyMessage(facts({ users: { all: 2, enabled: 0 } }));
    expect(message).toContain("No API user may sign in: all 2 are disabled");
    expect(message).toContain("\n  pnpm user add --username admin --role admin\n");
  });

  it("when `pnpm user` cannot reach the running server, says to stop it first", () => {
    expect(readyMessage(facts({ userCommandReachesServer: false }))).toContain(
      "Create the first, an admin, once the server is stopped",
    );
  });

  it("on an in-memory PGlite says the data goes with the server and that users cannot be added", () => {
    const message = readyMessage(facts({ database: { kind: "pglite", dir: "memory://" } }));
    expect(message).toContain("PGlite in memory (memory://): the data is gone when the server stops");
    expect(message).toContain("`pnpm user` cannot reach an in-memory database");
    expect(message).not.toContain("pnpm user add --username");
  });

  it("for the API server alone names only what it serves", () => {
    const message = readyMessage(facts({ withBridge: false }));
    expect(message).toContain(
      "\nAccount360's API server is ready at http://127.0.0.1:3000 (started in 4.2 s)\n  tRPC ",
    );
    expect(message).not.toMatch(/web page|callAction/);
  });

  it("leaves the users out when they could not be counted", () => {
    const message = readyMessage(facts({ users: null }));
    expect(message).not.toMatch(/user/i);
  });
});

describe("describeDatabase", () => {
  it("falls back to the user's default database name, and to PostgreSQL's default port", () => {
    expect(describeDatabase({ kind: "postgres", url: "postgres://ana@localhost" })).toBe(
      "PostgreSQL, database (the user's default) on localhost:5432 as ana",
    );
  });
});

describe("the README's quick start", () => {
  it("shows the message the server prints on a first start with the default directory", () => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    const sample = readme.match(/```text\n(start: opening PGlite[\s\S]*?)```/)?.[1];
    expect(sample).toBeDefined();
    const dir = sample!.match(/^ {2}database {4}PGlite, data in (\S+)$/m)?.[1] ?? "";
    const seconds = Number(sample!.match(/\(started in ([\d.]+) s\)/)?.[1]);
    const message = readyMessage(
      facts({ database: { kind: "pglite", dir }, defaultPgliteDir: dir, seconds }),
    );
    const step = openingStep({ kind: "pglite", dir });
    expect(sample).toBe(`start: ${step}…\n${message}`);
  });
});
