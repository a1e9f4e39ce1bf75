import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A PGlite takes ~2 s to start and PostgreSQL databases are created per file; two cores are shared.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test file accounted for by name: one that never finished fails the run.
    reporters: ["default", "./src/test/every-file-reporter.ts"],
  },
});
