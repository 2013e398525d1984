/**
 * Starting from a confirmed import instead of the default cluster: the session's boot
 * creates the cluster the document asks for (its node count, KRaft voters and storage),
 * then rebuilds the rest in the order Kafka needs — topics with their configs, the records
 * back into their partitions, the clients (with their ids, so a saved selection still
 * points at them), the view — showing each step in the import's progress dialog.
 * A failure stops the rebuild and says where; the cluster itself keeps running.
 */
import { Kafka } from "../../client/kafka.ts";
import { ClusterHost, type ClusterOptions } from "../../runtime/web-worker/cluster-host.ts";
import { pageClientIo } from "../../runtime/web-worker/page-client-io.ts";
import { PLAYGROUND_SERVER_PROPERTIES } from "../playground/default-cluster.ts";
import { clientErrorOf } from "../playground/client-error.ts";
import { saveClients } from "../playground/saved-clients.ts";
import type { PlaygroundSession } from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";
import { openDialog, openTopicTapes, select, showDockTab } from "../store/view-actions.ts";
import { createImportedTopics, produceImportedRecords, recordCount } from "./rebuild-topics.ts";
import type { PlaygroundDocument } from "./share-format.ts";
import { updateImportProgress, useShare } from "./share-store.ts";

export { takePendingImport } from "./pending-import.ts";

const wallClock = {
  nowMs: () => performance.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** The cluster shape a document asks for. OPFS falls back to IndexedDB where it is missing. */
export function importedClusterOptions(document: PlaygroundDocument): ClusterOptions {
  const { brokers, controllers, storage } = document.cluster;
  return {
    nodes: brokers,
    voters: controllers,
    storage: storage === "opfs" ? "auto" : storage,
    properties: { ...PLAYGROUND_SERVER_PROPERTIES },
  };
}

/** Opens the progress dialog and starts the document's brokers. */
export async function createImportedHost(document: PlaygroundDocument): Promise<ClusterHost> {
  useShare.setState({
    progress: {
      step: "brokers",
      brokers: document.cluster.brokers,
      topicsDone: 0,
      topicsTotal: document.topics.length,
      recordsDone: 0,
      recordsTotal: recordCount(document.data),
      clients: document.clients.producers.length + document.clients.consumers.length,
      error: null,
    },
  });
  openDialog({ kind: "import-progress" });
  // The boot strip's own steps speak of the default cluster; electing is what happens now.
  usePlayground.setState((state) => ({ boot: { ...state.boot, step: "boot.electing" } }));
  return ClusterHost.create(importedClusterOptions(document));
}

async function applyLayout(session: PlaygroundSession, document: PlaygroundDocument) {
  const { layout } = document;
  usePlayground.setState({ speed: layout.speed });
  await session.host.setSpeed(layout.speed);
  showDockTab(layout.dockTab);
  openTopicTapes(layout.openTopic);
  select(layout.selection);
}

/** Builds the document's topics, records, clients and view into the running session. */
export async function rebuildFromImport(
  session: PlaygroundSession,
  document: PlaygroundDocument,
): Promise<void> {
  try {
    updateImportProgress({ step: "topics" });
    await createImportedTopics(session.admin, document.topics, wallClock, (topicsDone) =>
      updateImportProgress({ topicsDone }),
    );
    updateImportProgress({ step: "records" });
    const kafka = new Kafka({
      clientId: "playground-import",
      brokers: session.bootstrap(),
      transport: pageClientIo(session.host),
    });
    await produceImportedRecords(kafka, document.data, (recordsDone) =>
      updateImportProgress({ recordsDone }),
    );
    updateImportProgress({ step: "clients" });
    // Saved as a reload would find them, then started: each keeps its id.
    saveClients({ producers: document.clients.producers, consumers: document.clients.consumers });
    session.clients.restore();
    updateImportProgress({ step: "layout" });
    await applyLayout(session, document);
    updateImportProgress({ step: "done" });
  } catch (error) {
    const { name, message } = clientErrorOf(error, 0);
    updateImportProgress({ error: { name, message } });
  } finally {
    session.pollNow();
  }
}
