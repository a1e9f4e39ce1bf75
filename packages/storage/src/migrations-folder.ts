import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where drizzle's migrations are, seen from the module at `moduleUrl`. From source that is
 * packages/storage/migrations, one level above src/. The server bundle inlines this module, so
 * there `moduleUrl` is the bundle's own file, and its build copies the folder beside it
 * (apps/bridge/dist/migrations). The journal decides, not the folder's mere presence.
 */
export function findMigrationsFolder(moduleUrl: string | URL): string {
  const candidates = [new URL("./migrations/", moduleUrl), new URL("../migrations/", moduleUrl)];
  const found = candidates.find((folder) => existsSync(new URL("meta/_journal.json", folder)));
  if (!found) {
    const looked = candidates.map((folder) => fileURLToPath(folder)).join(", ");
    throw new Error(`No drizzle migrations (meta/_journal.json) found in ${looked}`);
  }
  return fileURLToPath(found);
}

export const migrationsFolder = findMigrationsFolder(import.meta.url);
