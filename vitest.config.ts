import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only our own tests: node_modules and fixtures hold files that look like tests.
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/cleanup.ts"],
    // Whole-site tests build real sites in child processes; two cores are all we have.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
