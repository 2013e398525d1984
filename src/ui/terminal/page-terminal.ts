/**
 * The page's one terminal: tools reach the brokers over the page's network
 * (pageClientIo, `broker-<id>:9092`) and read the brokers' storage read-only; completion
 * names come from the store (topics, groups, brokers) and from the brokers themselves
 * (config names, as DescribeConfigs lists them); history is kept in localStorage. Made on
 * first use and kept for the page's life, so a tool keeps running when the dock shows
 * another tab.
 */
import { ConfigResourceType } from "../../client/admin/admin-types.ts";
import { TOOLS } from "../../cli/tools.ts";
import { pageClientIo } from "../../runtime/web-worker/page-client-io.ts";
import { StorageSnapshotFiles, type StorageReader } from "../dock/storage-files.ts";
import { SUGGESTED_TOPIC_CONFIGS } from "../dialogs/topic-config-rules.ts";
import { hasPlaygroundSession, playgroundSession } from "../playground/session.ts";
import { usePlayground } from "../store/store.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import { CommandHistory } from "./command-history.ts";
import type { CompletionSources, ConfigEntityType } from "./completion.ts";
import {
  BROKER_PORT,
  clusterStorageReader,
  cutNotingReader,
  isDirectoryEntry,
  TERMINAL_READ_BYTES,
} from "./storage-paths.ts";
import { TerminalSession, type TerminalEnvironment, type ToolRuntime } from "./terminal-session.ts";

const state = () => usePlayground.getState();

function brokerIds(): number[] {
  return Object.values(state().brokers)
    .map((broker) => broker.id)
    .sort((a, b) => a - b);
}

/** User topics first (the ones a learner types), then internal ones. */
function topicNames(): string[] {
  return Object.values(state().topics)
    .sort((a, b) => Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name))
    .map((topic) => topic.name);
}

function storageReader(): StorageReader | null {
  return hasPlaygroundSession() ? clusterStorageReader(playgroundSession().host) : null;
}

/** Config names as the brokers list them (every config of a topic or a broker), asked once. */
function configNameSource(): (type: ConfigEntityType) => Promise<readonly string[]> {
  const asked = new Map<ConfigEntityType, Promise<readonly string[]>>();
  const ask = async (type: ConfigEntityType): Promise<readonly string[]> => {
    const name = type === "topics" ? topicNames()[0] : brokerIds()[0]?.toString();
    if (name === undefined || !hasPlaygroundSession()) throw new Error("nothing to ask yet");
    const resourceType = type === "topics" ? ConfigResourceType.TOPIC : ConfigResourceType.BROKER;
    const answer = await playgroundSession().admin.describeConfigs({
      resources: [{ type: resourceType, name }],
      includeSynonyms: false,
    });
    return (answer.resources[0]?.configEntries ?? []).map((entry) => entry.configName).sort();
  };
  return (type) => {
    let names = asked.get(type);
    if (names === undefined) {
      names = ask(type);
      asked.set(type, names);
      // Not answered (the cluster is starting): ask again next time.
      names.catch(() => asked.delete(type));
    }
    return names.catch(() => (type === "topics" ? SUGGESTED_TOPIC_CONFIGS : []));
  };
}

function completionSources(): CompletionSources {
  return {
    tools: TOOLS,
    topics: topicNames,
    groups: () => Object.keys(state().groups).sort(),
    brokerIds,
    brokerAddresses: () => brokerIds().map((id) => `broker-${id}:${BROKER_PORT}`),
    configNames: configNameSource(),
    async listDirectory(path) {
      const entries = await storageReader()?.list(path);
      if (entries == null) return null;
      return entries.map((entry) => ({
        name: entry.name,
        directory: isDirectoryEntry(path, entry.name),
      }));
    },
  };
}

function toolRuntime(): ToolRuntime | null {
  const storage = storageReader();
  if (storage === null) return null;
  const { reader, cuts } = cutNotingReader(storage);
  return {
    connect: pageClientIo(playgroundSession().host),
    files: new StorageSnapshotFiles(reader, TERMINAL_READ_BYTES),
    cutFiles: () => cuts.splice(0),
  };
}

/**
 * A segment the help can point at: the oldest segment, on its leader, of the first
 * partition holding records (user topics first); else the first partition's first replica.
 */
function examplePath(): string {
  const partitions = topicNames().flatMap((name) => state().topics[name]?.partitions ?? []);
  const withRecords = partitions.find((partition) => (leaderOffsets(partition)?.leo ?? 0) > 0);
  const partition = withRecords ?? partitions[0];
  if (partition === undefined) return "broker-1/orders-0/00000000000000000000.log";
  const broker = withRecords !== undefined ? partition.leader : (partition.replicas[0] ?? 1);
  const base = String(partition.segmentBases[0] ?? 0).padStart(20, "0");
  return `broker-${broker}/${partition.topic}-${partition.partition}/${base}.log`;
}

function pageEnvironment(): TerminalEnvironment {
  return {
    tools: TOOLS,
    history: new CommandHistory(),
    completion: completionSources(),
    runtime: toolRuntime,
    examplePath,
    schedule: (flush) => void requestAnimationFrame(flush),
  };
}

let terminal: TerminalSession | null = null;

export function pageTerminal(): TerminalSession {
  terminal ??= new TerminalSession(pageEnvironment());
  return terminal;
}
