import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./open-database";

/**
 * CONTRACT §1 puts the data in PGLITE_DIR; whoever can write its files owns the service. PGlite
 * creates its files rw-rw-rw- whatever the umask, so the opener has to make them private itself.
 */

const root = mkdtempSync(join(tmpdir(), "a360-perm-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let previousUmask = 0;
beforeEach(() => {
  // The common default, under which the report found 968 of 1,106 files open to everyone.
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
});

/** Every path under `dir` (itself included) whose mode lets group or others in at all. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

const modeOf = (path: string) => lstatSync(path).mode & 0o777;

describe("a PGlite directory's permissions", () => {
  it("are 0700 for directories and 0600 for files after a fresh open, after writes and after closing", async () => {
    const dir = join(root, "fresh", "pglite");
    const warnings: string[] = [];
    const first = await openDatabase({ pgliteDir: dir, warn: (message) => warnings.push(message) });
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(`${dir}.lock`)).toBe(0o600);
      expect(openToOthers(dir)).toEqual([]);
      // New tables, indexes and a few hundred rows make PostgreSQL create files of its own.
      await first.db.execute(sql`create table perm_probe (id serial primary key, note text)`);
      await first.db.execute(sql`create index perm_probe_note on perm_probe (note)`);
      await first.db.execute(
        sql`insert into perm_probe (note) select repeat('x', 500) from generate_series(1, 400)`,
      );
      await first.db.execute(sql`checkpoint`);
      expect(openToOthers(dir)).toEqual([]);
    } finally {
      await first.close();
    }
    expect(openToOthers(dir)).toEqual([]);
    expect(warnings).toEqual([]); // nothing needed fixing
  }, 60_000);

  it("are fixed at open, and the fix logged, when an older version or a copy left them open", async () => {
    const dir = join(root, "legacy", "pglite");
    const first = await openDatabase({ pgliteDir: dir });
    await first.close();
    // What PGlite and `cp -r` under umask 0022 leave behind.
    chmodSync(dir, 0o755);
    const walk = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const child = join(path, entry.name);
        if (entry.isDirectory()) {
          chmodSync(child, 0o777);
          walk(child);
        } else chmodSync(child, 0o666);
      }
    };
    walk(dir);
    mkdirSync(join(dir, "stray"), { mode: 0o777 });
    writeFileSync(join(dir, "stray", "notes.txt"), "x", { mode: 0o666 });
    expect(openToOthers(dir).length).toBeGreaterThan(900);

    const warnings: string[] = [];
    const second = await openDatabase({ pgliteDir: dir, warn: (message) => warnings.push(message) });
    try {
      expect(openToOthers(dir)).toEqual([]);
      await second.db.execute(sql`select 1`);
    } finally {
      await second.close();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^PGLITE_DIR .* had \d+ files? or directories open to other users/);
    expect(warnings[0]).toContain(dir);
  }, 60_000);
});
