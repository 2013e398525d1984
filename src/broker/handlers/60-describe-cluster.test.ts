import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultDescribeClusterRequest,
  type DescribeClusterRequest,
} from "../../protocol/generated/messages/describe-cluster-request.ts";
import { TEST_CLUSTER_ID, TestBroker } from "../testing/broker-harness.ts";
import { startBrokerOne } from "../testing/cluster-fixture.ts";
import { registerBroker } from "../testing/metadata-records.ts";
import { describeClusterHandler } from "./60-describe-cluster.ts";
import { AclOperation, AUTHORIZED_OPERATIONS_OMITTED } from "./authorized-operations.ts";

const ask = (fields: Partial<DescribeClusterRequest> = {}): DescribeClusterRequest => ({
  ...defaultDescribeClusterRequest(),
  ...fields,
});

describe("DescribeCluster", () => {
  it("names the cluster and its live brokers with their client endpoints, at every version", async () => {
    const broker = await startBrokerOne({}, registerBroker(4, { fenced: true }));
    for (const version of [0, 1]) {
      const answer = await broker.exchange(describeClusterHandler, ask(), version);
      expect(answer).toMatchObject({
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        clusterId: TEST_CLUSTER_ID,
        endpointType: 1,
      });
      // Broker 4 is fenced: not live.
      expect(answer.brokers).toEqual([
        { brokerId: 1, host: "broker-1", port: 9092, rack: "rack-a" },
        { brokerId: 2, host: "broker-2", port: 9092, rack: "rack-b" },
        { brokerId: 3, host: "broker-3", port: 9092, rack: null },
      ]);
      expect(answer.clusterAuthorizedOperations).toBe(AUTHORIZED_OPERATIONS_OMITTED);
    }
  });

  it("names a random live broker as the controller, as KRaft brokers do", async () => {
    const picks = [0, 0.5, 0.99];
    const broker = await startBrokerOne({ random: () => picks.shift()! });
    const controllers = [];
    for (let i = 0; i < 3; i++)
      controllers.push((await broker.exchange(describeClusterHandler, ask(), 1)).controllerId);
    expect(controllers).toEqual([1, 2, 3]);
  });

  it("answers controller -1 and no brokers while none is live", async () => {
    const broker = await TestBroker.start();
    await broker.apply(registerBroker(1, { fenced: true }));
    expect(await broker.exchange(describeClusterHandler, ask(), 1)).toMatchObject({
      controllerId: -1,
      brokers: [],
    });
  });

  it("gives every cluster operation when asked, as Kafka does without an authorizer", async () => {
    const broker = await startBrokerOne();
    const {
      CREATE,
      ALTER,
      DESCRIBE,
      CLUSTER_ACTION,
      DESCRIBE_CONFIGS,
      ALTER_CONFIGS,
      IDEMPOTENT_WRITE,
    } = AclOperation;
    const expected = [
      CREATE,
      ALTER,
      DESCRIBE,
      CLUSTER_ACTION,
      DESCRIBE_CONFIGS,
      ALTER_CONFIGS,
      IDEMPOTENT_WRITE,
    ].reduce((bits, op) => bits | (1 << op), 0);
    const answer = await broker.exchange(
      describeClusterHandler,
      ask({ includeClusterAuthorizedOperations: true }),
      1,
    );
    expect(answer.clusterAuthorizedOperations).toBe(expected);
    expect(answer.clusterAuthorizedOperations & (1 << AclOperation.READ)).toBe(0);
  });

  it("refuses the controllers' endpoint type and unknown ones (KIP-919) with only the error filled in", async () => {
    const broker = await startBrokerOne();
    const refusal = { clusterId: "", controllerId: -1, brokers: [] };
    expect(
      await broker.exchange(describeClusterHandler, ask({ endpointType: 2 }), 1),
    ).toMatchObject({
      ...refusal,
      errorCode: ErrorCode.MISMATCHED_ENDPOINT_TYPE,
      errorMessage:
        "The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER",
    });
    for (const endpointType of [0, 3]) {
      expect(await broker.exchange(describeClusterHandler, ask({ endpointType }), 1)).toMatchObject(
        {
          ...refusal,
          errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE,
          errorMessage: `Unsupported endpoint type ${endpointType}`,
        },
      );
    }
  });

  it("uses INVALID_REQUEST for those refusals in v0, which knows no endpoint types", async () => {
    const broker = await startBrokerOne();
    // v0 cannot carry the field on the wire, so the handler is called as a v0 decode would never be.
    for (const endpointType of [2, 5]) {
      expect(await broker.handle(describeClusterHandler, ask({ endpointType }), 0)).toMatchObject({
        errorCode: ErrorCode.INVALID_REQUEST,
      });
    }
    expect(
      await broker.exchange(describeClusterHandler, ask({ endpointType: 2 }), 0),
    ).toMatchObject({ errorCode: ErrorCode.NONE });
  });
});
