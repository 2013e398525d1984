/**
 * "Nothing the page showed contradicted the brokers' own state": once the cluster is
 * healed and quiet, each thing the page draws — which brokers are alive, the controller,
 * each partition's leader, epoch, replicas, ISR and HW, each group's state, members,
 * assignments and committed offsets, each consumer card's member and partitions — is held
 * against what the brokers answer. Each difference is one sentence.
 */
import type { BrokerTruth, PageView } from "./broker-truth.ts";

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const list = (values: readonly number[]) => `[${values.join(",")}]`;

export function pageContradictions(page: PageView, truth: BrokerTruth): string[] {
  const problems: string[] = [];

  const shownAlive = sorted(page.brokers.filter((b) => b.liveness === "alive").map((b) => b.id));
  if (!sameList(shownAlive, truth.liveBrokers))
    problems.push(
      `brokers: the page shows ${list(shownAlive)} alive, Metadata lists ${list(truth.liveBrokers)}`,
    );
  if (page.controllerId !== truth.quorumLeader)
    problems.push(
      `controller: the page shows ${page.controllerId}, the quorum's leader is ${truth.quorumLeader}`,
    );

  for (const told of truth.partitions) {
    const shown = page.partitions.find((p) => p.partition === told.partition);
    const name = `partition ${told.partition}`;
    if (shown === undefined) {
      problems.push(`${name}: the page does not show it`);
      continue;
    }
    if (shown.leader !== told.leader)
      problems.push(`${name}: the page shows leader ${shown.leader}, Metadata says ${told.leader}`);
    if (shown.leaderEpoch !== told.leaderEpoch)
      problems.push(
        `${name}: the page shows leader epoch ${shown.leaderEpoch}, Metadata says ${told.leaderEpoch}`,
      );
    if (!sameList(shown.replicas, told.replicas))
      problems.push(
        `${name}: the page shows replicas ${list(shown.replicas)}, Metadata says ${list(told.replicas)}`,
      );
    if (!sameList(sorted(shown.isr), sorted(told.isr)))
      problems.push(
        `${name}: the page shows ISR ${list(shown.isr)}, Metadata says ${list(told.isr)}`,
      );
    if (shown.highWatermark !== told.highWatermark)
      problems.push(
        `${name}: the page shows HW ${shown.highWatermark}, ListOffsets says ${told.highWatermark}`,
      );
    if (shown.logStartOffset !== told.logStartOffset)
      problems.push(
        `${name}: the page shows log start ${shown.logStartOffset}, ListOffsets says ${told.logStartOffset}`,
      );
  }
  const extra = page.partitions.filter(
    (p) => !truth.partitions.some((t) => t.partition === p.partition),
  );
  for (const partition of extra)
    problems.push(`partition ${partition.partition}: the page shows it, Metadata does not`);

  for (const told of truth.groups) {
    const shown = page.groups.find((g) => g.groupId === told.groupId);
    const name = `group ${told.groupId}`;
    if (shown === undefined) {
      problems.push(`${name}: the page does not show it`);
      continue;
    }
    if (shown.state !== told.state)
      problems.push(`${name}: the page shows ${shown.state}, DescribeGroups says ${told.state}`);
    const shownMembers = new Map(shown.members.map((m) => [m.memberId, m]));
    for (const member of told.members) {
      const card = shownMembers.get(member.memberId);
      if (card === undefined)
        problems.push(`${name}: the page does not show member ${member.memberId}`);
      else if (!sameList(card.partitions, member.partitions))
        problems.push(
          `${name}: the page gives ${member.memberId} ${list(card.partitions)}, DescribeGroups ${list(member.partitions)}`,
        );
    }
    for (const memberId of shownMembers.keys())
      if (!told.members.some((m) => m.memberId === memberId))
        problems.push(`${name}: the page shows member ${memberId}, DescribeGroups does not`);
    for (const [partition, offset] of Object.entries(told.committed)) {
      const shownOffset = shown.committed[Number(partition)];
      if (shownOffset !== offset)
        problems.push(
          `${name}: the page shows committed ${shownOffset ?? "nothing"} for partition ${partition}, OffsetFetch says ${offset}`,
        );
    }
    for (const consumer of page.consumers.filter((c) => c.groupId === told.groupId)) {
      if (consumer.status !== "consuming") continue;
      const member = told.members.find((m) => m.memberId === consumer.memberId);
      if (member === undefined)
        problems.push(
          `consumer ${consumer.id}: the card shows member ${consumer.memberId} consuming, DescribeGroups has no such member in ${told.groupId}`,
        );
      else if (!sameList(consumer.partitions, member.partitions))
        problems.push(
          `consumer ${consumer.id}: the card shows ${list(consumer.partitions)}, DescribeGroups gives ${member.memberId} ${list(member.partitions)}`,
        );
    }
  }
  return problems;
}

/**
 * The page's producer cards against the log: a card that shows more records acknowledged
 * than the log holds of that producer shows acknowledgements the brokers never kept.
 */
export function producerCardContradictions(
  page: PageView,
  inLogByProducer: Readonly<Record<string, number>>,
  labelOf: (producerId: string) => string,
): string[] {
  const problems: string[] = [];
  for (const producer of page.producers) {
    const inLog = inLogByProducer[labelOf(producer.id)] ?? 0;
    if (producer.acknowledged > inLog)
      problems.push(
        `producer ${producer.id}: the card shows ${producer.acknowledged} acknowledged, the log holds ${inLog} of its records`,
      );
  }
  return problems;
}
