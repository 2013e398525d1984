import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium-launch.ts";

// Two projects, both in Debian's Chromium:
// - "app": the production build served by `vite preview`, as users get it.
// - "harness": test harnesses (e2e/harness/) served by the Vite dev server, which compiles
//   any TypeScript module on request, so a spec can start a worker straight from src/.
const PREVIEW_URL = "http://127.0.0.1:4173";
const DEV_URL = "http://127.0.0.1:5174";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "app", testIgnore: "harness/**", use: { baseURL: PREVIEW_URL } },
    { name: "harness", testMatch: "harness/**/*.spec.ts", use: { baseURL: DEV_URL } },
  ],
  webServer: [
    {
      command: "npm run build && npm run preview",
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "ignore",
    },
    {
      command: "npx vite --host 127.0.0.1 --port 5174 --strictPort",
      url: DEV_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
    },
  ],
});
