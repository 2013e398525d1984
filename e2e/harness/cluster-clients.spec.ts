/**
 * The client library on the product path in real Chromium: the page's Kafka client reaches
 * three broker Workers by their advertised addresses over MessagePorts, creates a topic,
 * sends keyed records with an idempotent acks=all producer, and a consumer group reads
 * every one back. Keys land where Kafka's murmur2 partitioner puts them.
 */
import { expect, test } from "@playwright/test";
import {
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import { partitionForKey } from "../../src/client/producer/partitioners/murmur2.ts";
import { collectPageErrors } from "../console-guard.ts";
import { call, CLUSTER_HARNESS_URL } from "./cluster-harness-call.ts";

test.describe.configure({ timeout: 150_000 });

let chromium: PersistentChromium;
let expectNoPageErrors: () => void;

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test.beforeAll(async ({}, testInfo) => {
  chromium = await launchPersistentChromium({
    profilePrefix: "cluster-clients-",
    baseURL: testInfo.project.use.baseURL,
  });
  expectNoPageErrors = collectPageErrors(chromium.page);
  await openHarnessPage(chromium.page, CLUSTER_HARNESS_URL);
});

test.afterAll(async () => {
  await call(chromium.page, "dispose");
  await chromium?.close();
});

test("a producer and a consumer group in the page talk to the broker workers", async () => {
  const page = chromium.page;
  await call(page, "create", { nodes: 3, voters: 3, storage: "opfs", properties: {} });
  const keys = Array.from({ length: 12 }, (_, index) => `customer-${index}`);
  const result = await call(page, "clientRoundTrip", "payments", 3, keys);

  const encoder = new TextEncoder();
  for (const key of keys) {
    expect(result.partitionOfKey[key], key).toBe(partitionForKey(encoder.encode(key), 3));
  }
  const expected = keys.map((key) => `${key}=value of ${key}@${result.partitionOfKey[key]}`).sort();
  expect(result.consumed).toEqual(expected);
  expect(result.groupState).toBe("Stable");
  expect(result.groupMembers).toBe(1);
  expectNoPageErrors();
});
