import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import * as actions from "./ui/playground/actions.ts";
import { usePlayground } from "./ui/store/store.ts";
import "./ui/styles.css";

// The store and the actions the page's controls call, for the browser console and for the
// benchmark that loads the page the way a user's clicks would.
(window as unknown as { kafkaPlayground: unknown }).kafkaPlayground = {
  store: usePlayground,
  actions,
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
