import { describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CreateTopicsRequest } from "../../protocol/generated/messages/create-topics-request.ts";
import {
  defaultFindCoordinatorRequest,
  type FindCoordinatorRequest,
} from "../../protocol/generated/messages/find-coordinator-request.ts";
import { javaStringHashCode, kafkaAbs, OFFSETS_TOPIC } from "../group/offsets-topic.ts";
import { CoordinatorTestBed, OFFSETS_TOPIC_ID } from "../group/testing/coordinator-test-bed.ts";
import { topicRecords } from "../testing/metadata-records.ts";
import { CoordinatorType, findCoordinatorHandler } from "./10-find-coordinator.ts";

const find = (fields: Partial<FindCoordinatorRequest>): FindCoordinatorRequest => ({
  ...defaultFindCoordinatorRequest(),
  ...fields,
});

const created = (name: string) => ({
  throttleTimeMs: 0,
  topics: [{ name, errorCode: ErrorCode.NONE, errorMessage: null }],
});

describe("FindCoordinator", () => {
  it("asks the controller to create __consumer_offsets as Kafka does, once, and answers COORDINATOR_NOT_AVAILABLE meanwhile", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    bed.broker.controller.answer = () => new Promise(() => {}); // the creation is still under way
    for (let i = 0; i < 3; i++) {
      const answer = await bed.exchange(findCoordinatorHandler, find({ key: "payments" }), 3);
      expect(answer).toMatchObject({
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
        nodeId: -1,
        host: "",
        port: -1,
      });
    }
    const calls = bed.broker.controller.callsFor(ApiKey.CreateTopics);
    expect(calls).toHaveLength(1);
    const topic = (calls[0]!.body as CreateTopicsRequest).topics[0]!;
    expect(topic).toMatchObject({ name: OFFSETS_TOPIC, numPartitions: 50, replicationFactor: 3 });
    expect(Object.fromEntries(topic.configs.map((c) => [c.name, c.value]))).toEqual({
      "cleanup.policy": "compact",
      "segment.bytes": "104857600",
      "compression.type": "producer",
    });
  });

  it("tells the operator once why the controller refused the topic (too few brokers for its replication factor)", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    bed.broker.controller.answer = () => ({
      throttleTimeMs: 0,
      topics: [
        {
          name: OFFSETS_TOPIC,
          errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
          errorMessage:
            "Unable to replicate the partition 3 time(s): only 1 broker(s) are registered.",
        },
      ],
    });
    for (let i = 0; i < 3; i++) await bed.exchange(findCoordinatorHandler, find({ key: "g" }), 2);
    const errors = bed.events("error").filter((e) => e.where === `creating ${OFFSETS_TOPIC}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ errorCode: ErrorCode.INVALID_REPLICATION_FACTOR });
    expect(bed.broker.controller.callsFor(ApiKey.CreateTopics)).toHaveLength(3);
  });

  it("names the leader of partition abs(hashCode(group)) % partitions, for one key (v0-v3) or a batch (v4+)", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    bed.broker.controller.answer = () => created(OFFSETS_TOPIC);
    await bed.broker.apply(
      ...topicRecords(OFFSETS_TOPIC, OFFSETS_TOPIC_ID, [
        { replicas: [1] },
        { replicas: [2] },
        { replicas: [3] },
      ]),
    );
    const leaderOf = (group: string) => (kafkaAbs(javaStringHashCode(group)) % 3) + 1;
    const groups = ["payments", "billing", "polygenelubricants", "console-consumer-1", "g7"];
    expect(new Set(groups.map(leaderOf)).size).toBe(3);
    for (const group of groups) {
      const answer = await bed.exchange(findCoordinatorHandler, find({ key: group }), 0);
      expect(answer).toMatchObject({
        errorCode: ErrorCode.NONE,
        nodeId: leaderOf(group),
        port: 9092,
      });
      expect(answer.host).toBe(`broker-${leaderOf(group)}`);
    }
    const batch = await bed.exchange(findCoordinatorHandler, find({ coordinatorKeys: groups }), 4);
    expect(batch.coordinators.map((c) => [c.key, c.nodeId, c.errorCode])).toEqual(
      groups.map((group) => [group, leaderOf(group), ErrorCode.NONE]),
    );
    expect(bed.broker.controller.callsFor(ApiKey.CreateTopics)).toHaveLength(0);
  });

  it("answers COORDINATOR_NOT_AVAILABLE while the group's partition has no leader", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    await bed.broker.apply(
      ...topicRecords(OFFSETS_TOPIC, OFFSETS_TOPIC_ID, [{ replicas: [2], leader: -1 }]),
    );
    const answer = await bed.exchange(findCoordinatorHandler, find({ coordinatorKeys: ["g"] }), 6);
    expect(answer.coordinators[0]).toMatchObject({
      errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      nodeId: -1,
    });
  });

  it("refuses transaction and share coordinators clearly (UNSUPPORTED_VERSION) and unknown key types (INVALID_REQUEST)", async () => {
    const bed = await CoordinatorTestBed.start();
    const txn = await bed.exchange(
      findCoordinatorHandler,
      find({ key: "my-txn", keyType: CoordinatorType.TRANSACTION }),
      3,
    );
    expect(txn.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(txn.errorMessage).toContain("transactions are not supported");
    const batch = await bed.exchange(
      findCoordinatorHandler,
      find({ coordinatorKeys: ["s"], keyType: CoordinatorType.SHARE }),
      6,
    );
    expect(batch.coordinators[0]).toMatchObject({ errorCode: ErrorCode.UNSUPPORTED_VERSION });
    const odd = await bed.exchange(findCoordinatorHandler, find({ key: "x", keyType: 9 }), 1);
    expect(odd.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });
});
