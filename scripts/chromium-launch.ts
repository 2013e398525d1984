/**
 * How every browser test and benchmark starts Chromium: Debian's build, headless, without
 * the background networking that this machine's closed network refuses.
 */
export const CHROMIUM_EXECUTABLE = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_EXECUTABLE,
  args: CHROMIUM_ARGS,
};
