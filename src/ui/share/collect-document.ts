/**
 * The running playground as a document: the cluster's shape from the cluster host, each
 * topic's config overrides from describeConfigs, the clients and the view from the store,
 * and, when asked, the records read back through a consumer. The result is checked by the
 * importer's own schema, so what the page writes is always something it can read back
 * (a topic made outside the dialogs' bounds, with the terminal say, is named there).
 */
import { Kafka } from "../../client/kafka.ts";
import { pageClientIo } from "../../runtime/web-worker/page-client-io.ts";
import { playgroundSession } from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";
import { buildDocument, exportedTopics } from "./document-builder.ts";
import { checkDocument, type DocumentCheck } from "./document-schema.ts";
import { readTopicConfigs } from "./read-topic-configs.ts";
import { readTopicData } from "./read-topic-data.ts";
import type { PlaygroundDocument } from "./share-format.ts";

export async function collectDocument(options: { includeData: boolean }): Promise<DocumentCheck> {
  const session = playgroundSession();
  const state = usePlayground.getState();
  const topics = exportedTopics(state);
  const configs = await readTopicConfigs(
    session.admin,
    topics.map((topic) => topic.name),
  );
  let data: PlaygroundDocument["data"];
  if (options.includeData) {
    const io = pageClientIo(session.host);
    const kafka = new Kafka({
      clientId: "playground-export",
      brokers: session.bootstrap(),
      transport: io,
    });
    data = await readTopicData(kafka, session.admin, io, topics);
  }
  const document = buildDocument({
    state,
    cluster: {
      brokers: session.host.nodes().length,
      controllers: session.host.voters.length,
      storage: state.storage ?? session.host.storage ?? "opfs",
    },
    configs,
    data,
    now: new Date(),
  });
  return checkDocument(JSON.parse(JSON.stringify(document)));
}

/** The same document without its records (a share link that would be too long with them). */
export function withoutData(document: PlaygroundDocument): PlaygroundDocument {
  const rest = { ...document };
  delete rest.data;
  return rest;
}
