import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@account360/terminal/processes";
import { type Browser, launchBrowser } from "./browser";
import { assert, assertEqual, Checks } from "./checks";
import { apiClient, createE2eCustomer } from "./dataset";
import { docsPageScenario } from "./docs-page";
import { companyAndGroupScenario, createE2eCompanyAndGroup } from "./legal-entities";
import { ARTIFACTS_DIR, parseE2eArgs, USAGE } from "./options";
import { customerPageScenario } from "./scenario";
import { type RunningApp, run, startApp } from "./server";

/**
 * `pnpm test:e2e`: the real `pnpm start` on a fresh PGlite directory with seeded data, driven
 * through Debian's Chromium. Prints `N passed, N failed` last; exits 1 when anything failed.
 * It writes only to temporary paths; `pnpm screenshot` is the same run with `--screenshot`
 * pointing at the README's picture.
 */

let options: ReturnType<typeof parseE2eArgs>;
try {
  options = parseE2eArgs(process.argv.slice(2));
} catch (error) {
  console.error(`test:e2e: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PASSWORD = "e2e-password-0123";
const checks = new Checks();
const work = await mkdtemp(join(tmpdir(), "a360-e2e-"));
const artifacts = ARTIFACTS_DIR;
await rm(artifacts, { recursive: true, force: true });
await mkdir(artifacts, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(await freePort()),
  HOST: "127.0.0.1",
  PGLITE_DIR: join(work, "pglite"),
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
  CI: "true",
};
let app: RunningApp | null = null;
let browser: Browser | null = null;

async function addUser(username: string, roles: string[]) {
  const args = [
    "user",
    "add",
    "--username",
    username,
    ...roles.flatMap((r) => ["--role", r]),
    "--password-stdin",
  ];
  const done = await run("pnpm", args, { cwd: ROOT, env, stdin: `${PASSWORD}\n` });
  if (done.code !== 0) throw new Error(`pnpm user add ${username} failed:\n${done.stderr}${done.stdout}`);
}

async function tokenOf(url: string, username: string): Promise<string> {
  const answer = await fetch(`${url}/api/Authorize/GetToken`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await answer.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`GetToken for ${username} answered ${answer.status}`);
  return body.access_token;
}

try {
  console.log(`e2e: working in ${work}`);
  // Volume and realistic data from the seed tool, as `pnpm seed` documents; the run's own customer
  // (ingested through tRPC below) carries the exact data the checks assert.
  let sampleCustomerIds: string[] = [];
  let sampleGroupId: string | undefined;
  await checks.check("pnpm seed --json loads a data set and names its sample customers", async () => {
    const seeded = await run("pnpm", ["seed", "--customers", "60", "--seed", "7", "--json"], {
      cwd: ROOT,
      env,
      timeoutMs: 300_000,
    });
    const why = seeded.stderr
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("seed:"))
      .join(" ");
    assertEqual(seeded.code, 0, `pnpm seed exit code (${why})`);
    const document = JSON.parse(seeded.stdout) as {
      sampleCustomerIds?: string[];
      sampleLegalEntityIds?: { groups: string[] };
    };
    sampleCustomerIds = document.sampleCustomerIds ?? [];
    sampleGroupId = document.sampleLegalEntityIds?.groups[0];
    assert(sampleGroupId !== undefined, "no seeded group");
    assert(sampleCustomerIds.length > 0, "no sampleCustomerIds");
  });

  const startedAt = Date.now();
  app = await startApp(ROOT, env, Number(env.PORT));
  console.log(`e2e: pnpm start ready at ${app.url} in ${Date.now() - startedAt} ms`);
  await addUser("e2e.writer", ["reader", "writer"]);
  await addUser("e2e.reader", ["reader"]);
  const writerToken = await tokenOf(app.url, "e2e.writer");
  const customerId = await createE2eCustomer(apiClient(app.url, writerToken));
  const companyAndGroup = await createE2eCompanyAndGroup(apiClient(app.url, writerToken), customerId);

  browser = await launchBrowser();
  await customerPageScenario({
    checks,
    browser,
    url: app.url,
    customerId,
    seededCustomerId: sampleCustomerIds[0],
    password: PASSWORD,
    screenshotPath: options.screenshotPath,
    artifacts,
    async disableUser(username) {
      const disabled = await run("pnpm", ["user", "disable", "--username", username], { cwd: ROOT, env });
      assertEqual(disabled.code, 0, `pnpm user disable (${disabled.stderr.trim()})`);
    },
  });
  // e2e.writer (reader and writer): the scenario above ends with e2e.reader disabled.
  await docsPageScenario({ checks, browser, url: app.url, token: writerToken });
  await companyAndGroupScenario({
    checks,
    browser,
    url: app.url,
    password: PASSWORD,
    personId: customerId,
    sampleGroupId,
    ids: companyAndGroup,
    artifacts,
  });
} catch (error) {
  checks.failed.push({ name: "e2e setup", message: error instanceof Error ? error.message : String(error) });
  console.log(`  FAIL  e2e setup\n        ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await browser?.close().catch(() => {});
  await app?.stop();
  await rm(work, { recursive: true, force: true });
}

if (existsSync(options.screenshotPath))
  console.log(`e2e: the customer page's picture is ${options.screenshotPath}`);
console.log(checks.summary());
process.exit(checks.failed.length > 0 ? 1 : 0);
