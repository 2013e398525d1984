/**
 * kafka-dump-log's output for one segment, line by line (virtualised): the command it
 * came from, notes when the read or the output was cut, and beside it the bytes of the
 * batch whose line is chosen.
 */
import { useCallback, useMemo, useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { formatBytes } from "./format-bytes.ts";
import { HexDump } from "./HexDump.tsx";
import type { DumpLine, SegmentDump } from "./segment-dump.ts";
import { VirtualList } from "./VirtualList.tsx";

const LINE_HEIGHT = 18;
const lineKey = (line: IndexedLine) => line.index;
const isBatchLine = (line: IndexedLine) => line.batch !== null;

interface IndexedLine extends DumpLine {
  index: number;
}

function renderLine(line: IndexedLine) {
  const kind =
    line.stream === "err"
      ? "dump-err"
      : line.batch !== null
        ? "dump-batch"
        : line.text.startsWith("|")
          ? "dump-record"
          : "dump-note";
  return <span className={`dump-line ${kind}`}>{line.text}</span>;
}

export function DumpOutput({ dump }: { dump: SegmentDump }) {
  const t = useTranslate();
  const [chosen, setChosen] = useState<number | null>(null);
  const lines = useMemo(() => dump.lines.map((line, index) => ({ ...line, index })), [dump]);
  const widest = useMemo(
    () => lines.reduce((most, line) => Math.max(most, line.text.length), 0),
    [lines],
  );
  const batch = chosen === null ? null : (lines[chosen]?.batch ?? null);
  const batchBytes = useMemo(
    () =>
      batch === null
        ? null
        : dump.bytes.subarray(
            batch.position,
            Math.min(dump.bytes.length, batch.position + batch.size),
          ),
    [batch, dump],
  );
  const onSelect = useCallback((index: number) => setChosen(index), []);

  return (
    <div className={`dump ${batch === null ? "" : "dump-with-hex"}`}>
      <div className="dump-main">
        <p className="dump-command">
          <code>$ {dump.command}</code>
          {dump.bytes.length < dump.fileSize ? (
            <span className="dump-note-cut">
              {" "}
              {t("segments.truncated", {
                shown: formatBytes(dump.bytes.length),
                total: formatBytes(dump.fileSize),
              })}
            </span>
          ) : null}
          {dump.linesCut > 0 ? (
            <span className="dump-note-cut">
              {" "}
              {t("segments.linesCut", { count: dump.lines.length })}
            </span>
          ) : null}
        </p>
        <VirtualList
          className="dump-lines"
          items={lines}
          rowHeight={LINE_HEIGHT}
          keyOf={lineKey}
          renderRow={renderLine}
          label={t("segments.output")}
          idPrefix="dump-line"
          contentWidth={`${widest + 2}ch`}
          selected={chosen}
          onSelect={onSelect}
          selectable={isBatchLine}
        />
      </div>
      {batch !== null && batchBytes !== null ? (
        <aside
          className="dump-hex"
          aria-label={t("segments.hexTitle", { position: batch.position, size: batch.size })}
        >
          <div className="dump-hex-head">
            <h4>{t("segments.hexTitle", { position: batch.position, size: batch.size })}</h4>
            <button
              type="button"
              className="icon-button"
              aria-label={t("segments.closeHex")}
              onClick={() => setChosen(null)}
            >
              ✕
            </button>
          </div>
          <p className="muted dump-hex-note">
            {t("segments.hexHeader")}
            {batchBytes.length < batch.size
              ? ` ${t("segments.hexCut", { shown: batchBytes.length, total: batch.size })}`
              : ""}
          </p>
          <HexDump
            bytes={batchBytes}
            label={t("segments.hexLabel", { position: batch.position })}
            batchHeader
          />
        </aside>
      ) : null}
    </div>
  );
}
