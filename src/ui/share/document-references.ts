/**
 * The rules between an imported document's fields, checked once each field is known to be
 * well formed: controllers among the brokers, replicas no more than brokers, every topic a
 * client, the view or the records name is one of the document's topics, and a selection
 * that points at something the document has.
 */
import type { Selection } from "../store/view-slice.ts";
import type { Path, Problems } from "./schema.ts";
import type { PlaygroundDocument } from "./share-format.ts";

/** Whether the document's selection points at something it has. */
export function selectionExists(selection: Selection, document: PlaygroundDocument): boolean {
  const topic = (name: string) => document.topics.find((candidate) => candidate.name === name);
  const isNode = (end: number | "page") => end === "page" || end <= document.cluster.brokers;
  switch (selection.kind) {
    case "broker":
      return selection.brokerId <= document.cluster.brokers;
    case "topic":
      return topic(selection.topic) !== undefined;
    case "partition":
      return selection.partition < (topic(selection.topic)?.partitions ?? 0);
    case "producer":
      return document.clients.producers.some((client) => client.id === selection.producerId);
    case "consumer":
      return document.clients.consumers.some((client) => client.id === selection.consumerId);
    case "group":
      return document.clients.consumers.some((c) => c.settings.groupId === selection.groupId);
    case "link":
      return isNode(selection.from) && isNode(selection.to) && selection.from !== selection.to;
  }
}

/** The rules between fields, once every field is known to be well formed. */
export function checkReferences(document: PlaygroundDocument, problems: Problems): void {
  const { brokers, controllers } = document.cluster;
  const topicPartitions = new Map(document.topics.map((topic) => [topic.name, topic.partitions]));
  if (controllers > brokers)
    problems.add({
      path: ["cluster", "controllers"],
      key: "share.problem.controllersAboveBrokers",
      values: { controllers, brokers },
    });
  document.topics.forEach((topic, index) => {
    if (topic.replicationFactor > brokers)
      problems.add({
        path: ["topics", index, "replicationFactor"],
        key: "createTopic.rfAboveLiveBrokers",
        values: { replicationFactor: topic.replicationFactor, liveBrokers: brokers },
        kafkaName: "INVALID_REPLICATION_FACTOR",
      });
  });
  const topicKnown = (path: Path, name: string) => {
    if (!topicPartitions.has(name)) unknownTopic(problems, path, name);
  };
  document.clients.producers.forEach((client, index) =>
    topicKnown(["clients", "producers", index, "settings", "topic"], client.settings.topic),
  );
  document.clients.consumers.forEach((client, index) => {
    const at = ["clients", "consumers", index, "settings"];
    topicKnown([...at, "topic"], client.settings.topic);
    client.settings.extraTopics?.forEach((topic, extra) =>
      topicKnown([...at, "extraTopics", extra], topic),
    );
  });
  const { openTopic, selection } = document.layout;
  if (openTopic !== null) topicKnown(["layout", "openTopic"], openTopic);
  if (selection !== null && !selectionExists(selection, document))
    problems.add({
      path: ["layout", "selection"],
      key: "share.problem.selectionMissing",
      values: { kind: selection.kind },
    });
  checkDataReferences(document, topicPartitions, problems);
}

function checkDataReferences(
  document: PlaygroundDocument,
  topicPartitions: ReadonlyMap<string, number>,
  problems: Problems,
): void {
  const seen = new Set<string>();
  document.data?.topics.forEach((topic, index) => {
    const path: Path = ["data", "topics", index];
    if (!topicPartitions.has(topic.topic)) {
      unknownTopic(problems, [...path, "topic"], topic.topic);
      return;
    }
    if (seen.has(topic.topic))
      problems.add({
        path: [...path, "topic"],
        key: "share.problem.duplicate",
        values: { name: topic.topic },
      });
    seen.add(topic.topic);
    const count = topicPartitions.get(topic.topic)!;
    topic.partitions.forEach(({ partition }, at) => {
      if (partition >= count)
        problems.add({
          path: [...path, "partitions", at, "partition"],
          key: "share.problem.noSuchPartition",
          values: { topic: topic.topic, partition, count },
        });
    });
  });
}

function unknownTopic(problems: Problems, path: Path, name: string): void {
  problems.add({ path, key: "share.problem.unknownTopic", values: { name } });
}
