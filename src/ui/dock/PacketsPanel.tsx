/**
 * The packet inspector: a switch that starts and stops the tap on every node and the
 * page, the frames it recorded (newest at the bottom, followed until the viewer scrolls
 * up or picks one), filters by API and node, and the picked frame decoded beside them.
 */
import { useCallback, useMemo, useState } from "react";
import type { FrameRecord } from "../../runtime/network/frame-tap.ts";
import type { EndpointId } from "../../runtime/network/link-conditions.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { setTapping } from "../playground/actions.ts";
import type { PlaygroundState } from "../store/store.ts";
import { usePlayground } from "../store/store.ts";
import { pushToast } from "../store/view-actions.ts";
import { DockSelect } from "./DockSelect.tsx";
import { FrameDetail } from "./FrameDetail.tsx";
import {
  apiName,
  apisSeen,
  endpointLabel,
  endpointsSeen,
  filterFrames,
  frameKey,
  frameRow,
  type FrameRow,
} from "./frame-rows.ts";
import { useThrottledStore } from "./use-throttled-store.ts";
import { VirtualList } from "./VirtualList.tsx";

const ROW_HEIGHT = 24;
const REFRESH_MS = 250;
const selectFrames = (state: PlaygroundState) => state.frames;

function FrameColumns({ row, t }: { row: FrameRow; t: ReturnType<typeof useTranslate> }) {
  return (
    <>
      <span className="packet-time">{row.time}</span>
      <span className="packet-route">
        {row.from} → {row.to}
      </span>
      <span className="packet-listener">{row.listener}</span>
      <span className={`packet-api packet-${row.direction}`}>
        {row.api}{" "}
        <span className="muted">
          {t(row.direction === "request" ? "packets.request" : "packets.response")}
        </span>
      </span>
      <span className="packet-correlation">{row.correlationId}</span>
      <span className="packet-size">{row.size}</span>
      <span className="packet-dropped" title={row.dropped ? t("packets.droppedTitle") : undefined}>
        {row.dropped ? `✕ ${t("packets.dropped")}` : ""}
      </span>
    </>
  );
}

function TapSwitch() {
  const t = useTranslate();
  const tapping = usePlayground((state) => state.tapping);
  const toggle = async () => {
    const result = await setTapping(!tapping);
    if (!result.ok) pushToast({ tone: "error", text: result.message, errorName: result.errorName });
  };
  return (
    <button
      type="button"
      role="switch"
      aria-checked={tapping}
      className="switch"
      title={t("packets.recordHint")}
      onClick={() => void toggle()}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {t("packets.record")}
    </button>
  );
}

/** Frames recorded since `held` was taken (the store's list is newest last). */
function newer(live: readonly FrameRecord[], held: readonly FrameRecord[]): number {
  const last = held[held.length - 1];
  if (last === undefined) return live.length;
  const key = frameKey(last);
  for (let at = live.length - 1; at >= 0; at--)
    if (frameKey(live[at]!) === key) return live.length - 1 - at;
  return live.length;
}

const endpointValue = (endpoint: EndpointId) =>
  typeof endpoint === "number" ? `n${endpoint}` : `e${endpoint}`;

export function PacketsPanel() {
  const t = useTranslate();
  const live = useThrottledStore(selectFrames, REFRESH_MS);
  /**
   * While the viewer reads (scrolled up, or a frame picked) the list holds still: at
   * hundreds of frames a second the bounded store would otherwise drop rows under them.
   */
  const [held, setHeld] = useState<readonly FrameRecord[] | null>(null);
  const frames = held ?? live;
  const onFollowChange = useCallback(
    (following: boolean) => setHeld(following ? null : usePlayground.getState().frames),
    [],
  );
  const tapping = usePlayground((state) => state.tapping);
  const lost = usePlayground((state) => state.droppedFrames);
  const [apiKey, setApiKey] = useState<number | null>(null);
  const [endpoint, setEndpoint] = useState<EndpointId | null>(null);
  /** Kept as the record itself: the detail stays when the frame leaves the bounded list. */
  const [picked, setPicked] = useState<FrameRecord | null>(null);
  const pageWord = t("packets.page");

  const shown = useMemo(
    () => filterFrames(frames, { apiKey, endpoint }),
    [frames, apiKey, endpoint],
  );
  const apis = useMemo(() => apisSeen(frames), [frames]);
  const endpoints = useMemo(() => endpointsSeen(frames), [frames]);
  const selectedIndex = useMemo(() => {
    if (picked === null) return null;
    const key = frameKey(picked);
    const index = shown.findIndex((frame) => frameKey(frame) === key);
    return index < 0 ? null : index;
  }, [shown, picked]);

  const renderRow = useCallback(
    (frame: FrameRecord) => <FrameColumns row={frameRow(frame, pageWord)} t={t} />,
    [pageWord, t],
  );
  const rowLabel = useCallback(
    (frame: FrameRecord) => {
      const row = frameRow(frame, pageWord);
      return t("packets.rowName", {
        api: row.api,
        direction: t(row.direction === "request" ? "packets.request" : "packets.response"),
        from: row.from,
        to: row.to,
        correlation: row.correlationId,
        size: row.size,
      });
    },
    [pageWord, t],
  );

  return (
    <div className="packets">
      <div className="dock-toolbar">
        <TapSwitch />
        <DockSelect
          label={t("packets.filterApi")}
          className="packets-api-filter"
          value={apiKey === null ? "" : String(apiKey)}
          onChange={(value) => setApiKey(value === "" ? null : Number(value))}
        >
          <option value="">{t("packets.allApis")}</option>
          {apis.map((key) => (
            <option key={key} value={key}>
              {apiName(key)}
            </option>
          ))}
        </DockSelect>
        <DockSelect
          label={t("packets.filterNode")}
          className="packets-node-filter"
          value={endpoint === null ? "" : endpointValue(endpoint)}
          onChange={(value) =>
            setEndpoint(endpoints.find((end) => endpointValue(end) === value) ?? null)
          }
        >
          <option value="">{t("packets.allNodes")}</option>
          {endpoints.map((end) => (
            <option key={endpointValue(end)} value={endpointValue(end)}>
              {endpointLabel(end, pageWord)}
            </option>
          ))}
        </DockSelect>
        <span className="dock-count">
          {held === null ? null : (
            <span className="packets-held">
              {t("packets.held", { count: newer(live, held) })} ·{" "}
            </span>
          )}
          {t("packets.count", { shown: shown.length, total: frames.length })}
          {lost > 0 ? <span className="muted"> · {t("packets.lost", { count: lost })}</span> : null}
        </span>
      </div>
      <div className="packets-body">
        <div className="packets-table">
          <div className="packets-head vlist-row" aria-hidden="true">
            <span className="packet-time">{t("packets.col.time")}</span>
            <span className="packet-route">{t("packets.col.route")}</span>
            <span className="packet-listener">{t("packets.col.listener")}</span>
            <span className="packet-api">{t("packets.col.api")}</span>
            <span className="packet-correlation">{t("packets.col.correlation")}</span>
            <span className="packet-size">{t("packets.col.size")}</span>
            <span className="packet-dropped" />
          </div>
          {shown.length === 0 ? (
            <p className="dock-empty">
              {frames.length > 0
                ? t("packets.emptyFiltered")
                : tapping
                  ? t("packets.emptyOn")
                  : t("packets.emptyOff")}
            </p>
          ) : (
            <VirtualList
              className="packets-list"
              items={shown}
              rowHeight={ROW_HEIGHT}
              keyOf={frameKey}
              renderRow={renderRow}
              rowLabel={rowLabel}
              label={t("packets.table")}
              idPrefix="packet"
              follow
              followLabel={t("timeline.latest")}
              onFollowChange={onFollowChange}
              selected={selectedIndex}
              onSelect={(index) => setPicked(shown[index]!)}
            />
          )}
        </div>
        <FrameDetail frame={picked} />
      </div>
    </div>
  );
}
