import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
      "chaos/**/*.test.ts",
    ],
    environment: "node",
    // Vitest's default leaves one of this machine's two cores idle; many files wait on
    // timers, child processes and sockets rather than the CPU, so two workers finish sooner.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
