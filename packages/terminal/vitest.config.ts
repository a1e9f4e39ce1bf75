import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The tests run real commands through pnpm; two cores are shared.
    testTimeout: 60_000,
  },
});
