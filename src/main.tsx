import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import { loadLessonEngine } from "./ui/lessons/lessons.ts";
import * as actions from "./ui/playground/actions.ts";
import { usePlayground } from "./ui/store/store.ts";
import "./ui/styles.css";

// The store, the actions the page's controls call and the lessons' loader, for the browser
// console, the lesson tests and the benchmark that loads the page the way clicks would.
(window as unknown as { kafkaPlayground: unknown }).kafkaPlayground = {
  store: usePlayground,
  actions,
  loadLessons: loadLessonEngine,
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
