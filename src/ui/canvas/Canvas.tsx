/**
 * The centre of the page (UI.md's layout): topics on top; producers on the left, the
 * brokers in the middle with the links between them, consumer groups on the right; a
 * topic's partition tapes below when one is open; the record flights drawn over all of
 * it. The content element is given to the overlays through CanvasContainerContext.
 */
import { useState } from "react";
import { FlightLayer } from "../clients/FlightLayer.tsx";
import { GroupsColumn } from "../clients/GroupsColumn.tsx";
import { ProducersColumn } from "../clients/ProducersColumn.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { BrokerRow } from "./BrokerRow.tsx";
import { CanvasContainerContext } from "./canvas-container.ts";
import { LinksRow } from "./LinksRow.tsx";
import { PartitionTapes } from "./PartitionTapes.tsx";
import { TopicsStrip } from "./TopicsStrip.tsx";
import "./canvas.css";

export function Canvas() {
  const t = useTranslate();
  const openTopic = usePlayground((s) => s.openTopic);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  return (
    <div className="cv-scroll">
      <section ref={setContainer} className="cv-canvas" aria-label={t("canvas.region")}>
        <CanvasContainerContext.Provider value={container}>
          <div className="cv-area-topics">
            <TopicsStrip />
          </div>
          <div className="cv-area-producers">
            <ProducersColumn />
          </div>
          <div className="cv-area-brokers">
            <BrokerRow />
            <LinksRow />
          </div>
          <div className="cv-area-groups">
            <GroupsColumn />
          </div>
          {openTopic !== null && (
            <div className="cv-area-tapes">
              <PartitionTapes topic={openTopic} />
            </div>
          )}
          <FlightLayer />
        </CanvasContainerContext.Provider>
      </section>
    </div>
  );
}
