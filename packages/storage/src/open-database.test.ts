import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { rowsOf } from "./database";
import { DirectoryInUseError, openDatabase } from "./index";
import { testDatabaseOfFile } from "./test-world";

describe("migrations", () => {
  const handle = testDatabaseOfFile();

  it("create every table, and running them again changes nothing", async () => {
    const tables = async () =>
      rowsOf<{ table_name: string }>(
        await handle.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
        ),
      ).map((r) => r.table_name);
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(["customers", "addresses", "audit_log", "transactions"]));

    const applied = async () =>
      rowsOf<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      )[0]?.n;
    const appliedBefore = await applied();
    expect(appliedBefore).toBeGreaterThan(0);

    if (handle.url) {
      // A second process opening the same PostgreSQL database re-runs the migrator: harmless.
      const again = await openDatabase({ url: handle.url, maxConnections: 2 });
      await again.close();
    }
    expect(await tables()).toEqual(before);
    expect(await applied()).toBe(appliedBefore);
  });
});

describe("a PGlite directory", () => {
  const root = mkdtempSync(join(tmpdir(), "a360-lock-"));
  const dir = join(root, "pglite");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Two file-backed opens, every migration the first time: tens of seconds while CI runs all suites.
  it("is migrated once even when opened twice in turn, and keeps its data", async () => {
    const first = await openDatabase({ pgliteDir: dir });
    try {
      await first.db.execute(
        sql`insert into customers (unique_id, first_name, last_name, email, mobile_phone) values ('X1', 'A', 'B', 'a@b.ro', '+40712345678')`,
      );
    } finally {
      await first.close();
    }
    const second = await openDatabase({ pgliteDir: dir });
    try {
      const rows = rowsOf<{ n: number }>(
        await second.db.execute(sql`select count(*)::int as n from customers`),
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await second.close();
    }
  }, 120_000);

  it("refuses a second opener in this process and in another process with 'in use'", async () => {
    const holder = await openDatabase({ pgliteDir: dir });
    try {
      await expect(openDatabase({ pgliteDir: dir })).rejects.toBeInstanceOf(DirectoryInUseError);
      const script = `import { openDatabase } from "./src/index.ts";
        openDatabase({ pgliteDir: ${JSON.stringify(dir)} }).then(
          () => { console.log("opened"); process.exit(0); },
          (e) => { console.error(e.message); process.exit(3); });`;
      const started = Date.now();
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: join(import.meta.dirname, ".."),
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(child.status).toBe(3);
      expect(child.stderr).toContain("in use");
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await holder.close();
    }
    // Once the holder has closed, the directory opens again.
    const after = await openDatabase({ pgliteDir: dir });
    await after.close();
  }, 60_000);
});

describe("DATABASE_READ_URL on PGlite", () => {
  it("is ignored with a warning, and reads go to the one database", async () => {
    const warnings: string[] = [];
    const handle = await openDatabase({
      pgliteDir: "memory://",
      readUrl: "postgres://postgres@127.0.0.1:1/none",
      warn: (message) => warnings.push(message),
    });
    try {
      expect(warnings).toEqual(["DATABASE_READ_URL is ignored: it needs DATABASE_URL (PostgreSQL)."]);
      expect(handle.replica).toBeNull();
      expect(await handle.readSql.execute(sql`select 1 as one`, "one")).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
