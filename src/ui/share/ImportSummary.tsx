/**
 * What an import brings, before the viewer agrees to it: the cluster's shape, each topic
 * with its partitions, replication factor and configs, the clients, and the records.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { recordCount } from "./rebuild-topics.ts";
import type { ImportReview } from "./share-store.ts";
import type { PlaygroundDocument } from "./share-format.ts";

function skipped(document: PlaygroundDocument): number {
  return (document.data?.topics ?? [])
    .flatMap((topic) => topic.partitions)
    .reduce((sum, partition) => sum + partition.skipped, 0);
}

export function ImportSummary({
  document,
  review,
}: {
  document: PlaygroundDocument;
  review: ImportReview;
}) {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  const date = new Date(document.exportedAt).toLocaleString(language);
  const { producers, consumers } = document.clients;
  const records = recordCount(document.data);
  return (
    <div className="import-summary" data-testid="import-summary">
      <p className="muted import-source">
        {review.source === "file"
          ? t("import.fromFile", { name: review.fileName ?? "", date })
          : t("import.fromLink", { date })}
      </p>
      <p>
        {t("import.cluster", {
          brokers: document.cluster.brokers,
          controllers: document.cluster.controllers,
          storage: document.cluster.storage,
        })}
      </p>
      <h3>{t("import.topics")}</h3>
      {document.topics.length === 0 ? (
        <p className="muted">{t("import.noTopics")}</p>
      ) : (
        <ul className="import-list">
          {document.topics.map((topic) => (
            <li key={topic.name}>
              <strong>{topic.name}</strong>{" "}
              <span className="muted">
                {t("import.topicLine", {
                  partitions: topic.partitions,
                  replicationFactor: topic.replicationFactor,
                })}
              </span>
              {Object.entries(topic.configs).map(([name, value]) => (
                <code key={name} className="import-config">
                  {name}={value}
                </code>
              ))}
            </li>
          ))}
        </ul>
      )}
      {producers.length > 0 && (
        <>
          <h3>{t("import.producers")}</h3>
          <ul className="import-list">
            {producers.map(({ id, settings }) => (
              <li key={id}>
                <strong>{id}</strong>{" "}
                <span className="muted">
                  {t("import.producerLine", {
                    topic: settings.topic,
                    rate: settings.ratePerSec,
                    acks: settings.acks,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {consumers.length > 0 && (
        <>
          <h3>{t("import.consumers")}</h3>
          <ul className="import-list">
            {consumers.map(({ id, settings }) => (
              <li key={id}>
                <strong>{id}</strong>{" "}
                <span className="muted">
                  {t("import.consumerLine", { topic: settings.topic, group: settings.groupId })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {records > 0 ? t("import.records", { count: records }) : t("import.noRecords")}
        {document.data?.truncated === true && skipped(document) > 0 && (
          <> {t("import.recordsTruncated", { skipped: skipped(document) })}</>
        )}
      </p>
    </div>
  );
}
