import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { migrationsFolder } from "@account360/storage/migrations-folder";
import { build, type Metafile } from "esbuild";

/**
 * Left to Node at run time. PGlite loads its .wasm and .data files relative to its own package,
 * so it must stay a package in node_modules (and a dependency of this one, for pnpm's strict
 * layout). Everything else, the workspace packages' TypeScript included, goes into the bundle.
 */
export const EXTERNAL_PACKAGES = ["@electric-sql/pglite"];

/**
 * Where `pnpm start` runs the server from. dist/ sits as deep as src/, so the paths the source
 * derives from import.meta (the web page's dist, the repo root for .data) hold in the bundle too.
 */
export const DIST_DIR = fileURLToPath(new URL("./dist", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL(".", import.meta.url));

/**
 * Bundles the one-process server (src/main.ts) into `outdir`/main.js with a source map, and
 * copies the drizzle migrations beside it, where storage's migrations-folder looks.
 */
export async function buildServer(outdir = DIST_DIR): Promise<Metafile> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: "src/main.ts" },
    // The metafile's paths are relative to this, whoever runs the build from wherever.
    absWorkingDir: PACKAGE_DIR,
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS packages (pino, prom-client) call require() for Node's own modules.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
    // Stack traces only need the mappings; the sources are in the repository.
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
  });
  cpSync(migrationsFolder, join(outdir, "migrations"), { recursive: true });
  return result.metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer();
}
