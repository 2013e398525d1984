/**
 * Test support: broker 1 of a three-broker cluster, with a topic whose partitions give it
 * each role a handler has to tell apart.
 *   orders-0  replicas [1]     leader 1  — leads alone: the HW follows its LEO
 *   orders-1  replicas [2, 1]  leader 2  — follows
 *   orders-2  replicas [1, 2]  leader 1  — leads, but the HW waits for broker 2
 *   elsewhere-0  replicas [2, 3]         — not hosted here
 */
import type { MetadataRecord } from "../../metadata/metadata-record.ts";
import { TestBroker, type TestBrokerOptions } from "./broker-harness.ts";
import { registerBroker, testUuid, topicRecords, type PartitionSpec } from "./metadata-records.ts";

export const ORDERS = "orders";
export const ORDERS_ID = testUuid(1);
export const ELSEWHERE = "elsewhere";

/** Leads alone, follows, leads with a lagging follower. */
export const ORDERS_PARTITIONS: readonly PartitionSpec[] = [
  { replicas: [1] },
  { replicas: [2, 1] },
  { replicas: [1, 2] },
];

export function clusterRecords(): MetadataRecord[] {
  return [
    registerBroker(1, { rack: "rack-a" }),
    registerBroker(2, { rack: "rack-b" }),
    registerBroker(3, { rack: null }),
    ...topicRecords(ORDERS, ORDERS_ID, ORDERS_PARTITIONS),
    ...topicRecords(ELSEWHERE, testUuid(2), [{ replicas: [2, 3] }]),
  ];
}

/** Broker 1 with the cluster's metadata applied, and any further records after it. */
export async function startBrokerOne(
  options: TestBrokerOptions = {},
  ...more: MetadataRecord[]
): Promise<TestBroker> {
  const broker = await TestBroker.start({ ...options, nodeId: 1 });
  await broker.apply(...clusterRecords(), ...more);
  return broker;
}
