import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findMigrationsFolder, migrationsFolder } from "./migrations-folder";

describe("migrations folder", () => {
  const root = mkdtempSync(join(tmpdir(), "a360-migrations-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const withJournal = (folder: string) => {
    mkdirSync(join(folder, "meta"), { recursive: true });
    writeFileSync(join(folder, "meta", "_journal.json"), "{}");
  };

  it("from source is packages/storage/migrations", () => {
    expect(resolve(migrationsFolder)).toBe(resolve(import.meta.dirname, "../migrations"));
  });

  it("from a bundle is the copy beside the bundle's file", () => {
    const dist = join(root, "bundle", "dist");
    withJournal(join(dist, "migrations"));
    // A folder one level up too, as in the source layout: the copy beside the bundle wins.
    withJournal(join(root, "bundle", "migrations"));
    const found = findMigrationsFolder(pathToFileURL(join(dist, "main.js")));
    expect(resolve(found)).toBe(join(dist, "migrations"));
  });

  it("skips a folder without a journal and names where it looked when there is none", () => {
    const dist = join(root, "empty", "dist");
    mkdirSync(join(dist, "migrations"), { recursive: true });
    expect(() => findMigrationsFolder(pathToFileURL(join(dist, "main.js")))).toThrow(
      /No drizzle migrations \(meta\/_journal\.json\) found in .*empty\/dist\/migrations\/, .*empty\/migrations\//,
    );
  });
});
