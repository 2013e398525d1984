import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dockerComposeYaml, isKafkaClusterId, KAFKA_IMAGE } from "./docker-compose.ts";
import { kafkaScript, shellWord } from "./kafka-script.ts";
import type { PlaygroundDocument } from "./share-format.ts";
import { sampleDocument } from "./testing/sample-document.ts";

const CLUSTER_ID = "4L6g3nShT-eMCtK--X86sw";

interface ComposeFile {
  services: Record<
    string,
    {
      image: string;
      hostname: string;
      ports: string[];
      depends_on?: string[];
      environment: Record<string, string>;
    }
  >;
}

function composeOf(document: PlaygroundDocument): ComposeFile {
  return parse(dockerComposeYaml(document, CLUSTER_ID)) as ComposeFile;
}

function withCluster(brokers: number, controllers: number): PlaygroundDocument {
  const document = sampleDocument();
  document.cluster = { brokers, controllers, storage: "opfs" };
  return document;
}

/** The script's lines with continuation backslashes joined into one command each. */
function commands(script: string): string[] {
  return script
    .replace(/ \\\n\s+/g, " ")
    .split("\n")
    .map((line) => line.trim());
}

describe("docker-compose.yml", () => {
  it("is valid YAML with one apache/kafka service per node, named after the node", () => {
    const compose = composeOf(withCluster(5, 3));
    expect(Object.keys(compose.services)).toEqual([
      "kafka-1",
      "kafka-2",
      "kafka-3",
      "kafka-4",
      "kafka-5",
    ]);
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image).toBe(KAFKA_IMAGE);
      expect(service.hostname).toBe(name);
      expect(service.environment.CLUSTER_ID).toBe(CLUSTER_ID);
      expect(service.environment.KAFKA_NODE_ID).toBe(name.slice("kafka-".length));
    }
  });

  it("keeps the playground's roles: the first nodes are controllers, the rest brokers only", () => {
    const { services } = composeOf(withCluster(5, 3));
    const roles = Object.values(services).map((s) => s.environment.KAFKA_PROCESS_ROLES);
    expect(roles).toEqual([
      "broker,controller",
      "broker,controller",
      "broker,controller",
      "broker",
      "broker",
    ]);
    for (const service of Object.values(services)) {
      expect(service.environment.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(
        "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
      );
      expect(service.environment.KAFKA_CONTROLLER_LISTENER_NAMES).toBe("CONTROLLER");
      expect(service.environment.KAFKA_INTER_BROKER_LISTENER_NAME).toBe("PLAINTEXT");
    }
    expect(services["kafka-4"]!.depends_on).toEqual(["kafka-1", "kafka-2", "kafka-3"]);
    expect(services["kafka-1"]!.depends_on).toBeUndefined();
  });

  it("gives every listener a protocol, controllers a CONTROLLER listener, and the host a port per node", () => {
    const { services } = composeOf(withCluster(4, 3));
    const hostPorts = new Set<string>();
    for (const [name, service] of Object.entries(services)) {
      const env = service.environment;
      const id = Number(env.KAFKA_NODE_ID);
      const listeners = env.KAFKA_LISTENERS!.split(",");
      const names = listeners.map((listener) => listener.split("://")[0]);
      const mapped = new Set(
        env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP!.split(",").map((e) => e.split(":")[0]),
      );
      for (const listener of names) expect(mapped.has(listener!)).toBe(true);
      expect(names.includes("CONTROLLER")).toBe(id <= 3);
      expect(listeners).toContain("PLAINTEXT://:19092");
      expect(listeners).toContain("PLAINTEXT_HOST://:9092");
      // Advertised: the container's own name inside Docker, localhost with its own port outside.
      expect(env.KAFKA_ADVERTISED_LISTENERS).toBe(
        `PLAINTEXT://${name}:19092,PLAINTEXT_HOST://localhost:${9091 + id}`,
      );
      expect(service.ports).toEqual([`${9091 + id}:9092`]);
      hostPorts.add(service.ports[0]!.split(":")[0]!);
    }
    expect(hostPorts.size).toBe(4);
  });

  it("sizes the internal topics' replication to the cluster", () => {
    const one = composeOf(withCluster(1, 1)).services["kafka-1"]!.environment;
    expect(one.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe("1");
    expect(one.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe("1");
    expect(one.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR).toBe("1");
    expect(one.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe("1@kafka-1:9093");
    const five = composeOf(withCluster(5, 5)).services["kafka-5"]!.environment;
    expect(five.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe("3");
    expect(five.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR).toBe("2");
  });

  it("refuses a cluster id Kafka would not take", () => {
    expect(isKafkaClusterId(CLUSTER_ID)).toBe(true);
    expect(() => dockerComposeYaml(sampleDocument(), "not-an-id")).toThrow(RangeError);
  });
});

describe("the topics-and-clients script", () => {
  const script = kafkaScript(sampleDocument());
  const lines = commands(script);

  it("is valid bash", () => {
    const dir = mkdtempSync(join(tmpdir(), "share-script-"));
    try {
      const file = join(dir, "kafka-playground.sh");
      writeFileSync(file, script);
      expect(() => execFileSync("bash", ["-n", file])).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates each topic with its partitions, replication factor and configs", () => {
    expect(lines).toContain(
      'kafka kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic orders --partitions 3 --replication-factor 3 --config min.insync.replicas=2',
    );
    expect(lines).toContain(
      'kafka kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic payments --partitions 2 --replication-factor 2 --config retention.ms=60000 --config cleanup.policy=delete,compact',
    );
  });

  it("sets the configs again with kafka-configs.sh, a list value in brackets", () => {
    expect(lines).toContain(
      "kafka kafka-configs.sh --bootstrap-server \"$BOOTSTRAP\" --alter --entity-type topics --entity-name payments --add-config 'retention.ms=60000,cleanup.policy=[delete,compact]'",
    );
  });

  it("runs each producer with its settings as --producer-property", () => {
    const producer = lines.find((line) => line.includes("kafka-console-producer.sh"))!;
    expect(producer).toContain("--topic orders");
    for (const property of [
      "acks=all",
      "linger.ms=5",
      "batch.size=16384",
      "enable.idempotence=true",
    ])
      expect(producer).toContain(`--producer-property ${property}`);
    expect(producer).toContain("--property parse.key=true --property key.separator=:");
    expect(lines).toContain("producer-1) run_producer_1 ;;");
  });

  it("runs each consumer in its group with its settings as --consumer-property", () => {
    const consumer = lines.find((line) => line.includes("kafka-console-consumer.sh"))!;
    expect(consumer).toContain("--topic orders --group readers --from-beginning");
    expect(consumer).toContain(
      "--consumer-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
    );
    expect(consumer).toContain("--consumer-property session.timeout.ms=45000");
    expect(consumer).toContain("--consumer-property enable.auto.commit=true");
    expect(consumer).not.toContain("group.instance.id");
    expect(lines).toContain("consumer-2) run_consumer_2 ;;");
  });

  it("subscribes a consumer of several topics by an exact-name pattern, and sends tombstones", () => {
    const document = sampleDocument();
    document.clients.consumers[0]!.settings.extraTopics = ["payments"];
    document.clients.producers[0]!.settings.nullValue = true;
    const text = commands(kafkaScript(document));
    const consumer = text.find((line) => line.includes("kafka-console-consumer.sh"))!;
    expect(consumer).toContain("--include 'orders|payments'");
    expect(consumer).not.toContain("--topic");
    const producer = text.find((line) => line.includes("kafka-console-producer.sh"))!;
    expect(producer).toContain("--property null.marker=NULL");
  });

  it("quotes what the shell would read otherwise, and keeps comments on one line", () => {
    const document = sampleDocument();
    document.clients.consumers[0]!.settings.groupId = "it's $(rm -rf ~)";
    document.clients.producers[0]!.settings.valueTemplate = "line one\nrm -rf ~";
    const text = kafkaScript(document);
    expect(text).toContain(`--group 'it'\\''s $(rm -rf ~)'`);
    expect(text).not.toMatch(/^rm -rf/m);
    expect(shellWord("plain-word.1")).toBe("plain-word.1");
    expect(shellWord("two words")).toBe("'two words'");
  });
});
