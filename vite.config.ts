import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Workers are ES modules so they can import the same core the page does.
export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  // Dependencies imported only from workers are not found by the dev server's start-up
  // scan; found later, they are optimized mid-run and can reload the page (e2e harness).
  // The harness workers load the protocol's compression codecs, hence those four.
  optimizeDeps: { include: ["idb", "fflate", "snappyjs", "lz4js", "@bokuweb/zstd-wasm"] },
  build: { target: "es2022", sourcemap: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
});
