import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import { loadLessonEngine } from "./ui/lessons/lessons.ts";
import * as actions from "./ui/playground/actions.ts";
import { hasPlaygroundSession, playgroundSession } from "./ui/playground/session.ts";
import { usePlayground } from "./ui/store/store.ts";
import "./ui/styles.css";

// The store, the actions the page's controls call and the lessons' loader, for the browser
// console, the lesson tests and the benchmark that loads the page the way clicks would; the
// running session (null before it started) for the chaos run, which watches its telemetry
// and acknowledgements and asks the brokers through the same page network.
(window as unknown as { kafkaPlayground: unknown }).kafkaPlayground = {
  store: usePlayground,
  actions,
  loadLessons: loadLessonEngine,
  session: () => (hasPlaygroundSession() ? playgroundSession() : null),
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
