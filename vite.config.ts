import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Workers are ES modules so they can import the same core the page does.
export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
});
