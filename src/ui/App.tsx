/**
 * The page (UI.md's layout): top bar; palette, canvas and inspector side by side; the dock
 * below; dialogs, toasts and the welcome above them. The playground session starts here
 * and feeds the store; components only read the store and call playground/actions.ts.
 */
import { useEffect } from "react";
import { Canvas } from "./canvas/Canvas.tsx";
import { Palette } from "./clients/Palette.tsx";
import { BootOverlay } from "./chrome/BootOverlay.tsx";
import { Toasts } from "./chrome/Toasts.tsx";
import { TopBar } from "./chrome/TopBar.tsx";
import { Welcome } from "./chrome/Welcome.tsx";
import { DialogHost } from "./dialogs/DialogHost.tsx";
import { Dock } from "./dock/Dock.tsx";
import { Inspector } from "./inspector/Inspector.tsx";
import { SideColumn } from "./lessons/panel/SideColumn.tsx";
import { loadProgress } from "./lessons/lesson-progress.ts";
import { loadLessonEngine } from "./lessons/lessons.ts";
import { startPlayground } from "./playground/session.ts";
import { usePlayground } from "./store/store.ts";

export function App() {
  const language = usePlayground((s) => s.language);
  const theme = usePlayground((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    // The page answers input from here on (the benchmark's time to interactive).
    performance.mark("playground:interactive");
    // The session reports its own failure in the store (the boot overlay shows it).
    startPlayground().then(
      () => {
        performance.mark("playground:cluster-ready");
        // A lesson in progress at the last visit carries on where it was.
        if (loadProgress().current !== null) void loadLessonEngine().then((e) => e.restore());
      },
      () => {},
    );
  }, []);
  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <Palette />
        <Canvas />
        <SideColumn inspector={<Inspector />} />
      </div>
      <Dock />
      <DialogHost />
      <Toasts />
      <Welcome />
      <BootOverlay />
    </div>
  );
}
