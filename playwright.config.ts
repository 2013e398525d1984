import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium-launch.ts";

// Three projects, all in Debian's Chromium:
// - "app": the production build served by `vite preview`, as users get it.
// - "lessons": every lesson taken in that same build, step by step.
// - "harness": test harnesses (e2e/harness/) served by the Vite dev server, which compiles
//   any TypeScript module on request, so a spec can start a worker straight from src/.
// Engineers running specs side by side give each run its own ports (E2E_PREVIEW_PORT,
// E2E_DEV_PORT); such a run builds into its own folder so one build never serves another.
const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4173);
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5174);
const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}`;
const DEV_URL = `http://127.0.0.1:${DEV_PORT}`;
const PREVIEW_COMMAND =
  PREVIEW_PORT === 4173
    ? "npm run build && npm run preview"
    : `npx vite build --outDir scratch/dist-${PREVIEW_PORT} --emptyOutDir && ` +
      `npx vite preview --outDir scratch/dist-${PREVIEW_PORT} --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`;

const LESSON_SPECS = "lessons/lessons-*.spec.ts";

export default defineConfig({
  testDir: "e2e",
  outputDir: PREVIEW_PORT === 4173 ? "test-results" : `scratch/test-results-${PREVIEW_PORT}`,
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
    {
      name: "app",
      testIgnore: ["harness/**", LESSON_SPECS],
      use: { baseURL: PREVIEW_URL },
    },
    // Every lesson taken step by step, on one browser profile per worker
    // (e2e/lessons/lesson-fixture.ts), as "Next lesson" would: 15–45 s each on a quiet
    // machine. Part of `npm test`; `npm run test:lessons` runs them alone.
    { name: "lessons", testMatch: LESSON_SPECS, use: { baseURL: PREVIEW_URL } },
    { name: "harness", testMatch: "harness/**/*.spec.ts", use: { baseURL: DEV_URL } },
  ],
  webServer: [
    {
      command: PREVIEW_COMMAND,
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "ignore",
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: DEV_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
    },
  ],
});
