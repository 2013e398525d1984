import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import { usePlayground } from "./ui/store/store.ts";
import "./ui/styles.css";

// The store, for the browser console and the benchmarks that read frame-by-frame state.
(window as unknown as { kafkaPlayground: unknown }).kafkaPlayground = { store: usePlayground };

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
