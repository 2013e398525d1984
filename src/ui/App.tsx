/** The page: top bar, the cluster canvas (one broker so far) and the first exchange. */
import { useEffect } from "react";
import { BrokerCard } from "./components/BrokerCard.tsx";
import { TopBar } from "./components/TopBar.tsx";
import { HandshakePanel } from "./handshake/HandshakePanel.tsx";
import { runHandshake } from "./handshake/run-handshake.ts";
import { usePlayground } from "./store/store.ts";

export function App() {
  const language = usePlayground((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    void runHandshake();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <main className="canvas">
        <div className="brokers">
          <BrokerCard brokerId={1} />
        </div>
        <HandshakePanel />
      </main>
    </div>
  );
}
