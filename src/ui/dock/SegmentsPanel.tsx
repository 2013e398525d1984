/**
 * The segment inspector: choose a broker and a partition, see the partition's files in
 * the broker's log dir, and the chosen .log segment as the real kafka-dump-log prints it
 * (its first SEGMENT_READ_BYTES), with a batch's bytes on a click. Only running brokers'
 * files can be read: a stopped worker's storage is closed until it restarts.
 */
import { useMemo, useState } from "react";
import type { StorageEntry } from "../../runtime/web-worker/cluster-host.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { PlaygroundState } from "../store/store.ts";
import { usePlayground } from "../store/store.ts";
import { DockSelect } from "./DockSelect.tsx";
import { DumpOutput } from "./DumpOutput.tsx";
import { formatBytes } from "./format-bytes.ts";
import {
  brokerChoices,
  brokersSignature,
  choiceValue,
  decoderFor,
  partitionChoices,
  partitionDirectory,
  segmentLogs,
  topicsSignature,
  type PartitionChoice,
} from "./segment-choices.ts";
import { useDirectoryListing, useSegmentDump, type Loaded } from "./use-broker-storage.ts";

const selectBrokers = (state: PlaygroundState) => brokersSignature(state.brokers);
const selectTopics = (state: PlaygroundState) => topicsSignature(state.topics);

type Translate = ReturnType<typeof useTranslate>;

/** The files of the partition's directory: the .log segments to choose from, the rest listed. */
function SegmentFiles({
  listing,
  chosen,
  onChoose,
}: {
  listing: StorageEntry[];
  chosen: string | null;
  onChoose: (name: string) => void;
}) {
  const t = useTranslate();
  const logs = segmentLogs(listing);
  const others = listing.filter((entry) => !entry.name.endsWith(".log"));
  return (
    <div className="segment-files">
      <fieldset>
        <legend>{t("segments.files")}</legend>
        {logs.map((entry) => (
          <label
            key={entry.name}
            className={`segment-file ${entry.name === chosen ? "segment-file-chosen" : ""}`}
          >
            <input
              type="radio"
              name="segment-file"
              checked={entry.name === chosen}
              onChange={() => onChoose(entry.name)}
            />
            <span className="segment-name">{entry.name}</span>
            <span className="segment-size">
              {entry.size === null ? "" : formatBytes(entry.size)}
            </span>
          </label>
        ))}
      </fieldset>
      <ul className="segment-others">
        {others.map((entry) => (
          <li key={entry.name}>
            <span className="segment-name">{entry.name}</span>
            <span className="segment-size">
              {entry.size === null ? "" : formatBytes(entry.size)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function loadingMessage(loaded: Loaded<unknown> | null, t: Translate): string | null {
  if (loaded === null || loaded.status === "ok" || loaded.status === "missing") return null;
  return loaded.status === "loading"
    ? t("segments.reading")
    : t("segments.readError", { message: loaded.message });
}

export function SegmentsPanel() {
  const t = useTranslate();
  const brokersKey = usePlayground(selectBrokers);
  const topicsKey = usePlayground(selectTopics);
  const brokers = useMemo(() => brokerChoices(brokersKey), [brokersKey]);
  const partitions = useMemo(() => partitionChoices(topicsKey), [topicsKey]);
  const [brokerPick, setBrokerPick] = useState<number | null>(null);
  const [partitionPick, setPartitionPick] = useState<string | null>(null);
  const [segmentPick, setSegmentPick] = useState<string | null>(null);
  const [printDataLog, setPrintDataLog] = useState(true);
  const [reads, setReads] = useState(0);

  const broker =
    brokers.find((choice) => choice.id === brokerPick) ??
    brokers.find((choice) => choice.running) ??
    brokers[0] ??
    null;
  const partition: PartitionChoice | null =
    partitions.find((choice) => choiceValue(choice) === partitionPick) ?? partitions[0] ?? null;
  // A roll or a retention delete changes the segments: list them again when the store sees one.
  const segmentsSeen = usePlayground((state) =>
    partition === null
      ? ""
      : (state.topics[partition.topic]?.partitions[partition.partition]?.segmentBases.join(",") ??
        ""),
  );
  const directory =
    broker?.running === true && partition !== null
      ? partitionDirectory(broker.id, partition)
      : null;
  const listing = useDirectoryListing(broker?.id ?? null, directory, `${segmentsSeen}|${reads}`);
  const logs = listing?.status === "ok" ? segmentLogs(listing.value) : [];
  const segment = logs.find((entry) => entry.name === segmentPick) ?? logs[logs.length - 1] ?? null;
  const path = directory !== null && segment !== null ? `${directory}/${segment.name}` : null;
  const dumpOptions = {
    printDataLog,
    decoder: partition === null ? null : decoderFor(partition.topic),
  };
  const dump = useSegmentDump(broker?.id ?? null, path, dumpOptions, String(reads));

  let body: React.ReactNode;
  if (broker === null || partition === null)
    body = <p className="dock-empty">{t("segments.noPartitions")}</p>;
  else if (!broker.running)
    body = <p className="dock-empty">{t("segments.brokerDown", { broker: broker.id })}</p>;
  else if (listing?.status === "missing")
    body = (
      <p className="dock-empty">
        {t("segments.notHosted", {
          broker: broker.id,
          topic: partition.topic,
          partition: partition.partition,
        })}
      </p>
    );
  else if (listing?.status !== "ok")
    body = <p className="dock-empty">{loadingMessage(listing, t)}</p>;
  else
    body = (
      <div className="segments-body">
        <SegmentFiles
          listing={listing.value}
          chosen={segment?.name ?? null}
          onChoose={setSegmentPick}
        />
        {segment === null ? (
          <p className="dock-empty">{t("segments.noSegments", { directory: directory ?? "" })}</p>
        ) : dump?.status === "ok" ? (
          <DumpOutput key={`${path}|${reads}|${printDataLog}`} dump={dump.value} />
        ) : (
          <p className="dock-empty">
            {dump?.status === "missing"
              ? t("segments.noSegments", { directory: directory ?? "" })
              : loadingMessage(dump, t)}
          </p>
        )}
      </div>
    );

  return (
    <div className="segments">
      <div className="dock-toolbar">
        <DockSelect
          label={t("segments.broker")}
          className="segments-broker"
          value={broker === null ? "" : String(broker.id)}
          onChange={(value) => setBrokerPick(Number(value))}
        >
          {brokers.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {t(choice.running ? "segments.brokerOption" : "segments.brokerStopped", {
                broker: choice.id,
              })}
            </option>
          ))}
        </DockSelect>
        <DockSelect
          label={t("segments.partition")}
          className="segments-partition"
          value={partition === null ? "" : choiceValue(partition)}
          onChange={(value) => {
            setPartitionPick(value);
            setSegmentPick(null);
          }}
        >
          {partitions.map((choice) => (
            <option key={choiceValue(choice)} value={choiceValue(choice)}>
              {choiceValue(choice)}
            </option>
          ))}
        </DockSelect>
        <label className="dock-field dock-check">
          <input
            type="checkbox"
            checked={printDataLog}
            onChange={(event) => setPrintDataLog(event.target.checked)}
          />
          <span>{t("segments.deep")}</span>
        </label>
        <button type="button" onClick={() => setReads((count) => count + 1)}>
          ↻ {t("segments.reload")}
        </button>
        {dump?.status === "ok" ? <span className="dock-count">{t("segments.hint")}</span> : null}
      </div>
      {body}
    </div>
  );
}
