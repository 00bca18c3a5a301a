import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Two cores here and in CI: keep workers modest so server tests do not starve each other.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
