/** Every lesson, in the order the lesson list shows them (each builds on the ones before). */
import { appendOnlyLogLesson } from "./catalog/01-append-only-log.ts";
import { keysAndPartitionsLesson } from "./catalog/02-keys-and-partitions.ts";
import { consumerGroupsLesson } from "./catalog/03-consumer-groups.ts";
import { assignorsLesson } from "./catalog/04-assignors.ts";
import { rebalancesLesson } from "./catalog/05-rebalances.ts";
import { offsetsAndCommitsLesson } from "./catalog/06-offsets-and-commits.ts";
import { replicationLesson } from "./catalog/07-replication.ts";
import { acksAndMinIsrLesson } from "./catalog/08-acks-and-min-isr.ts";
import { uncleanElectionLesson } from "./catalog/09-unclean-election.ts";
import { kraftControllerLesson } from "./catalog/10-kraft-controller.ts";
import { retentionAndSegmentsLesson } from "./catalog/11-retention-and-segments.ts";
import { compactionLesson } from "./catalog/12-compaction.ts";
import { idempotentProducerLesson } from "./catalog/13-idempotent-producer.ts";
import { batchingLesson } from "./catalog/14-batching.ts";
import { failoverLesson } from "./catalog/15-failover.ts";
import type { Lesson } from "./lesson.ts";

export const LESSONS: readonly Lesson[] = [
  appendOnlyLogLesson,
  keysAndPartitionsLesson,
  consumerGroupsLesson,
  assignorsLesson,
  rebalancesLesson,
  offsetsAndCommitsLesson,
  replicationLesson,
  acksAndMinIsrLesson,
  uncleanElectionLesson,
  kraftControllerLesson,
  retentionAndSegmentsLesson,
  compactionLesson,
  idempotentProducerLesson,
  batchingLesson,
  failoverLesson,
];
