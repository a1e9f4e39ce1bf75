import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A PGlite takes ~2 s to start and seeding takes more; two cores are shared.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
