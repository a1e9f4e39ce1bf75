import { openTestDatabase } from "@account360/storage/testing";
import { asShown } from "@account360/terminal/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService } from "../auth";
import type { AppDeps } from "../context";
import { loadEnv } from "../env";
import { type StartUpReportOptions, startUpReport } from "./start-up-report";

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let deps: AppDeps;
beforeAll(async () => {
  handle = await openTestDatabase();
  deps = { db: handle.db } as AppDeps;
});
afterAll(async () => {
  await handle.close();
});

function recorder(isTTY: boolean) {
  let text = "";
  return { isTTY, write: (chunk: string) => (text += chunk), text: () => text };
}

const env = loadEnv({ PGLITE_DIR: "/srv/a360/pglite", LOG_LEVEL: "silent" });
const url = "http://127.0.0.1:3000";

/** The report of `pnpm start` (database and bridge in one process), with log lines kept apart unless `logs` says. */
const oneProcessReport = (output: ReturnType<typeof recorder>, more: Partial<StartUpReportOptions> = {}) =>
  startUpReport(env, { withDatabase: true, withBridge: true, output, logs: recorder(false), ...more });

describe("what pnpm start shows while it starts", () => {
  it("in a log: one plain line while the database opens, then the ready message once", async () => {
    const output = recorder(false);
    const report = oneProcessReport(output, { uptime: () => 3.2 });
    expect(report.logDestination).toBeUndefined();
    report.listening(url);
    await report.ready(url, deps);
    await report.ready(url, deps);
    const text = output.text();
    expect(text).not.toContain("\r");
    expect(text.startsWith("start: opening PGlite in /srv/a360/pglite, applying migrations…\n\n")).toBe(true);
    expect(text.match(/Account360 is ready/g)).toEqual(["Account360 is ready"]);
    expect(text).toContain("Account360 is ready at http://127.0.0.1:3000 (started in 3.2 s)\n");
    expect(text).toContain("PGLITE_DIR=/srv/a360/pglite pnpm user add --username admin --role admin\n");
  });

  it("on a terminal: a spinner that log lines do not land in, replaced by the ready message", async () => {
    const terminal = recorder(true);
    const report = oneProcessReport(terminal, { logs: terminal });
    report.listening(url);
    expect(asShown(terminal.text())).toEqual([
      expect.stringMatching(
        /^start: opening PGlite in \/srv\/a360\/pglite, applying migrations \| \d+\.\d s$/,
      ),
    ]);
    report.logDestination?.write('{"level":30,"msg":"database ready"}\n');
    await report.ready(url, deps);
    const shown = asShown(terminal.text());
    expect(shown[0]).toBe('{"level":30,"msg":"database ready"}');
    expect(shown[1]).toBe("");
    expect(shown[2]).toMatch(/^Account360 is ready at http:\/\/127\.0\.0\.1:3000 \(started in [\d.]+ s\)$/);
    expect(shown.join("\n")).not.toContain("applying migrations");
  });

  it("counts the users: once one may sign in, no command to create the first", async () => {
    const auth = createAuthService({ database: handle, tokenTtlSeconds: 60 });
    await auth.addOrUpdateUser({ username: "first.admin", password: "a-long-password-1", roles: ["admin"] });
    const output = recorder(false);
    const report = oneProcessReport(output);
    report.listening(url);
    await report.ready(url, deps);
    expect(output.text()).toContain("  users       1 may sign in");
    expect(output.text()).not.toContain("--role admin");
  });

  it("for a bridge forwarding to a separate API server, says so once it listens", () => {
    const output = recorder(false);
    startUpReport(env, {
      withDatabase: false,
      forwardsTo: "http://api.internal:3000",
      withBridge: true,
      output,
      logs: recorder(false),
    }).listening(url);
    expect(output.text()).toBe(
      "Account360's callAction bridge is listening at http://127.0.0.1:3000, forwarding to the API server at http://api.internal:3000; /readyz answers 200 while that server is ready. Stop it with Ctrl-C.\n",
    );
  });
});
