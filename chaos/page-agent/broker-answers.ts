/**
 * The brokers' own answers, asked by a client of the agent's own (the project's client
 * library, on the page's network, but not the admin the page's views poll with): Metadata,
 * ListOffsets, DescribeCluster, DescribeQuorum, DescribeGroups, OffsetFetch; and every
 * record of the chaos topic, read back by a standalone consumer from the log start to the HW.
 */
import type { Admin } from "../../src/client/admin/admin.ts";
import { Kafka } from "../../src/client/kafka.ts";
import { pageClientIo } from "../../src/runtime/web-worker/page-client-io.ts";
import { askBrokers } from "../broker-questions.ts";
import type { BrokerTruth } from "../checks/broker-truth.ts";
import type { LogRecord } from "../checks/record-check.ts";
import { runningSession, sleep, within } from "./page-handles.ts";

/** One round of questions must answer within this (a healed cluster answers in milliseconds). */
const ANSWER_TIMEOUT_MS = 10_000;
const decoder = new TextDecoder();

function agentKafka(clientId: string): Kafka {
  const session = runningSession();
  return new Kafka({
    clientId,
    brokers: session.bootstrap(),
    transport: pageClientIo(session.host),
    requestTimeout: 5_000,
  });
}

export class BrokerAnswers {
  private admin: Admin | null = null;

  constructor(
    private readonly topic: string,
    private readonly groups: readonly string[],
  ) {}

  /** One consistent-as-can-be round of answers; throws when the brokers do not answer in time. */
  async truth(): Promise<BrokerTruth> {
    const admin = await this.connected();
    return within(
      askBrokers(admin, this.topic, this.groups),
      ANSWER_TIMEOUT_MS,
      "asking the brokers",
    );
  }

  /**
   * Every record of each partition from `from` to `to` (exclusive), in offset order. Throws
   * when they cannot all be read within `timeoutMs`.
   */
  async readLog(
    ranges: Record<number, { from: number; to: number }>,
    timeoutMs: number,
  ): Promise<Record<number, LogRecord[]>> {
    const consumer = agentKafka("chaos-log-reader").consumer({
      "auto.offset.reset": "earliest",
      "enable.auto.commit": false,
    });
    const records: Record<number, LogRecord[]> = {};
    const pending = new Set<number>();
    for (const [partition, { from, to }] of Object.entries(ranges)) {
      records[Number(partition)] = [];
      if (to > from) pending.add(Number(partition));
    }
    await consumer.connect();
    try {
      consumer.assign([...pending].map((partition) => ({ topic: this.topic, partition })));
      for (const partition of pending)
        consumer.seek({ topic: this.topic, partition, offset: String(ranges[partition]!.from) });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const offset = Number(message.offset);
          if (offset >= ranges[partition]!.to) {
            pending.delete(partition);
            return;
          }
          records[partition]!.push({
            offset,
            value: message.value === null ? null : decoder.decode(message.value),
          });
          if (offset + 1 >= ranges[partition]!.to) pending.delete(partition);
        },
      });
      const deadline = performance.now() + timeoutMs;
      while (pending.size > 0) {
        if (performance.now() > deadline)
          throw new Error(
            `reading the log back: partitions ${[...pending].join(", ")} not read to the HW within ${timeoutMs} ms`,
          );
        await sleep(100);
      }
    } finally {
      await consumer.disconnect().catch(() => {});
    }
    return records;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => {});
    this.admin = null;
  }

  private async connected(): Promise<Admin> {
    if (this.admin === null) {
      const admin = agentKafka("chaos-checker").admin({ retries: 3 });
      await within(admin.connect(), ANSWER_TIMEOUT_MS, "connecting the checker's admin");
      this.admin = admin;
    }
    return this.admin;
  }
}
