import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithoutDatabase } from "./test/bridge-server";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageJson = require.resolve("@redocly/cli/package.json");
const CLI = join(dirname(packageJson), (require(packageJson) as { bin: { redocly: string } }).bin.redocly);
const CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string }[];
}

let stop: () => Promise<void>;
let served = "";
const dir = mkdtempSync(join(tmpdir(), "openapi-lint-"));

beforeAll(async () => {
  const running = await startWithoutDatabase();
  stop = running.stop;
  served = await (await fetch(`${running.url}/api/openApi/openapi.json`)).text();
});
afterAll(async () => {
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

/** Redocly's CLI on a document, offline: no telemetry, no update check. */
async function lint(document: string): Promise<LintReport> {
  const file = join(dir, `openapi-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, document);
  const output = await run(process.execPath, [CLI, "lint", file, "--config", CONFIG, "--format=json"], {
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    timeout: 60_000,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(output.stdout) as LintReport;
}

describe("the served OpenAPI document under @redocly/cli lint (recommended rules)", () => {
  it("has 0 errors and 0 warnings", async () => {
    const report = await lint(served);
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("is judged by rules that do bite: without a licence, servers and operation ids it fails", async () => {
    const doc = JSON.parse(served);
    delete doc.info.license;
    doc.servers = [];
    delete doc.paths["/api/openApi/CallAction"].post.operationId;
    const rules = new Set((await lint(JSON.stringify(doc))).problems.map((p) => p.ruleId));
    expect([...rules]).toEqual(
      expect.arrayContaining(["info-license", "no-empty-servers", "operation-operationId"]),
    );
  });
});
