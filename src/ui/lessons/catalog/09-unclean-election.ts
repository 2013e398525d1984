/**
 * Lesson 9: unclean leader election. A follower dies and falls out of the ISR while writes
 * go on; then the in-sync replicas die too. The partition is offline: by default Kafka
 * elects only a replica from the ISR, so it waits for one to come back. With the topic's
 * unclean.leader.election.enable, the out-of-sync replica is made leader as soon as it is
 * back: the partition is writable again, and every record it never copied is gone.
 *
 * The config is enabled while the out-of-sync replica is down, and the election happens
 * when that broker comes back (the controller elects leaders for leaderless partitions when
 * a broker is unfenced). Enabling it while the replica is already up would, in Kafka 3.9+,
 * wait for the controller's periodic unclean-election check (every 5 minutes by default).
 */
import { defaultProducerSettings } from "../../store/clients-slice.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { acknowledgedOn, leaderHw, partitionOf } from "../lesson-queries.ts";
import {
  deadReplicas,
  isAlive,
  isDead,
  isOffline,
  lostAcknowledged,
  replicaLeo,
} from "./07-replication-queries.ts";
import { setUpOnePartition } from "./07-replication-setup.ts";

const TOPIC = "lesson-unclean";
const UNCLEAN = "unclean.leader.election.enable";
/** broker.session.timeout.ms (9 s) is how long a dead broker stays in the ISR: 4.5 s at 2×. */
const SPEED = 2;
/** Reading the topic's configs asks a broker: at most this often. */
const CONFIG_READ_MS = 1_000;

/**
 * Three replicas, at most one of them a KRaft voter: all three can be dead at once and the
 * controller quorum still stands to elect (or refuse to elect) a leader.
 */
function setUp(ctx: LessonContext): Promise<void> {
  return setUpOnePartition(ctx, { topic: TOPIC, brokers: 5, speed: SPEED });
}

/** The topic's unclean.leader.election.enable as the brokers report it (read at most once a second). */
function uncleanEnabledReader(ctx: LessonContext) {
  let readAtMs = -Infinity;
  let enabled = false;
  return async (): Promise<boolean> => {
    if (Date.now() - readAtMs < CONFIG_READ_MS) return enabled;
    readAtMs = Date.now();
    const configs = await ctx.actions.describeTopicConfigs(TOPIC);
    enabled =
      configs.ok && configs.value.some((c) => c.configName === UNCLEAN && c.configValue === "true");
    return enabled;
  };
}

/** The dead replica that left the ISR first: the one with the shortest log. */
function furthestBehind(ctx: LessonContext): number | null {
  const state = ctx.state();
  const partition = partitionOf(state, TOPIC, 0);
  if (!partition) return null;
  const outside = deadReplicas(partition, state).filter((id) => !partition.isr.includes(id));
  if (outside.length === 0) return null;
  return outside.reduce((behind, id) =>
    replicaLeo(partition, id) < replicaLeo(partition, behind) ? id : behind,
  );
}

export const uncleanElectionLesson: Lesson = {
  id: "unclean-election",
  title: { en: "Unclean leader election", ko: "언클린 리더 선출" },
  question: {
    en: "When every in-sync replica is gone, should Kafka stay down or lose records?",
    ko: "동기화된 레플리카가 모두 사라지면, Kafka는 멈춰 있어야 할까, 레코드를 잃더라도 다시 열어야 할까?",
  },
  setup: setUp,
  steps: [
    step({
      id: "produce",
      narration: {
        en: `Drag a producer onto ${TOPIC} (acks=all). Its one partition has three replicas, all in the ISR.`,
        ko: `프로듀서를 ${TOPIC} 위에 끌어다 놓으세요(acks=all). 파티션 하나에 레플리카가 셋이고, 모두 ISR에 있습니다.`,
      },
      hints: [
        {
          en: "The palette is on the left; focus Producer and press Enter for a keyboard menu.",
          ko: "팔레트는 왼쪽에 있습니다. Producer에 포커스를 두고 Enter를 누르면 키보드 메뉴가 열립니다.",
        },
      ],
      takeaway: {
        en: "Every acknowledged record is on all three replicas.",
        ko: "응답받은 레코드는 세 레플리카 모두에 있습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || acknowledgedOn(state, TOPIC) < 5) return false;
        return partition.replicas.every((id) => replicaLeo(partition, id) >= 5);
      },
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 2,
            keyMode: "sequence",
          }),
        );
      },
    }),
    step({
      id: "fall-behind",
      narration: {
        en: "Kill one follower of the partition. The controller removes it from the ISR, and the records written from now on are not on it.",
        ko: "파티션의 팔로워 하나를 죽이세요. 컨트롤러가 그 브로커를 ISR에서 빼고, 지금부터 쓰이는 레코드는 그 레플리카에 없습니다.",
      },
      hints: [
        {
          en: "Kill broker is on each broker card; pick one whose replica of the topic has no crown.",
          ko: "Kill broker는 브로커 카드마다 있습니다. 이 토픽의 레플리카에 왕관이 없는 브로커를 고르세요.",
        },
      ],
      takeaway: {
        en: "The dead follower is out of the ISR, and the HW moves on without it: it misses every record written since.",
        ko: "죽은 팔로워는 ISR에서 빠졌고, HW는 그 팔로워 없이 나아갑니다. 그 뒤에 쓰인 레코드는 모두 놓칩니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0 || !isAlive(state, partition.leader)) return false;
        const behind = deadReplicas(partition, state).filter((id) => !partition.isr.includes(id));
        const hw = leaderHw(state, TOPIC, 0);
        return behind.some((id) => hw >= replicaLeo(partition, id) + 5);
      },
      showMe: async (ctx) => {
        const partition = partitionOf(ctx.state(), TOPIC, 0);
        const follower = partition?.replicas.find((id) => id !== partition.leader);
        if (follower === undefined) throw new Error(`${TOPIC} has no follower`);
        await ctx.must(ctx.actions.killBroker(follower));
      },
    }),
    step({
      id: "offline",
      narration: {
        en: "Now kill the replicas still in the ISR, the leader too. The partition goes offline: no leader, no writes, no reads. The one replica outside the ISR would be a leader missing records, and by default (unclean.leader.election.enable=false) Kafka will not elect it, even when it comes back.",
        ko: "이제 ISR에 남은 레플리카를 리더까지 모두 죽이세요. 파티션이 오프라인이 됩니다. 리더도, 쓰기도, 읽기도 없습니다. ISR 밖의 레플리카를 리더로 세우면 레코드가 빠진 리더가 되므로, 기본값(unclean.leader.election.enable=false)의 Kafka는 그 레플리카가 돌아오더라도 리더로 뽑지 않습니다.",
      },
      hints: [
        {
          en: "Kill the brokers whose replicas of the topic are still in the ISR (solid outline or crown).",
          ko: "이 토픽의 레플리카가 아직 ISR에 있는(실선 테두리나 왕관) 브로커들을 죽이세요.",
        },
      ],
      takeaway: {
        en: "Offline is the safe choice: the last ISR member keeps every acknowledged record, and the partition waits for it to come back.",
        ko: "오프라인은 안전한 선택입니다. 마지막 ISR 멤버가 응답받은 레코드를 모두 가지고 있고, 파티션은 그 레플리카가 돌아오기를 기다립니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        return isOffline(partition) && partition!.isr.every((id) => isDead(state, id));
      },
      showMe: async (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition) throw new Error(`${TOPIC} is gone`);
        const inSync = partition.isr.filter((id) => isAlive(state, id));
        // Followers first, the leader last, as a rolling failure would go.
        inSync.sort((a, b) => Number(a === partition.leader) - Number(b === partition.leader));
        for (const id of inSync) await ctx.must(ctx.actions.killBroker(id));
      },
    }),
    step<() => Promise<boolean>>({
      id: "allow-unclean",
      narration: {
        en: `Choose availability: set ${UNCLEAN}=true on ${TOPIC} (a topic config; it overrides the broker's default).`,
        ko: `가용성을 고르세요. ${TOPIC}에 ${UNCLEAN}=true를 설정하세요(토픽 설정이며, 브로커의 기본값보다 우선합니다).`,
      },
      hints: [
        {
          en: "Select the topic and edit its configs, or in the Terminal: kafka-configs.sh --alter --entity-type topics --entity-name lesson-unclean --add-config unclean.leader.election.enable=true",
          ko: "토픽을 선택해 설정을 고치거나, Terminal에서: kafka-configs.sh --alter --entity-type topics --entity-name lesson-unclean --add-config unclean.leader.election.enable=true",
        },
      ],
      takeaway: {
        en: "The topic now prefers being available to keeping every record. Nothing changes yet: no replica of it is alive.",
        ko: "이제 이 토픽은 모든 레코드를 지키기보다 가용성을 택합니다. 아직은 달라지는 것이 없습니다. 살아 있는 레플리카가 없으니까요.",
      },
      start: (ctx) => uncleanEnabledReader(ctx),
      check: (_ctx, enabled) => enabled(),
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.alterTopicConfigs(TOPIC, { [UNCLEAN]: "true" }));
      },
    }),
    step<{ behind: number | null; isr: number[]; acknowledged: number }>({
      id: "unclean-leader",
      narration: {
        en: "Restart the broker that fell behind first (the replica outside the ISR). When it rejoins, the controller makes it leader although it is not in the ISR: writes resume at once. Compare the producer's acked count with the new leader's LEO: the difference is what the election threw away.",
        ko: "처음에 뒤처진 브로커(ISR 밖의 레플리카)를 다시 시작하세요. 그 브로커가 돌아오면 컨트롤러는 ISR에 없는데도 그 레플리카를 리더로 세우고, 쓰기가 곧바로 다시 됩니다. 프로듀서의 acked 수와 새 리더의 LEO를 비교해 보세요. 그 차이가 이 선출로 버려진 레코드입니다.",
      },
      hints: [
        {
          en: "Restart broker is on the dead broker's card. Restarting a broker that was in the ISR instead would be a clean election, with no loss.",
          ko: "Restart broker는 죽은 브로커 카드에 있습니다. ISR에 있던 브로커를 대신 다시 시작하면 손실 없는 클린 선출이 됩니다.",
        },
      ],
      takeaway: {
        en: "Unclean election bought availability with acknowledged records: the new leader's log is the truth now, and the last ISR member will truncate to it when it returns.",
        ko: "언클린 선출은 응답받은 레코드를 대가로 가용성을 샀습니다. 이제 새 리더의 로그가 기준이고, 마지막 ISR 멤버도 돌아오면 그 로그에 맞춰 잘라냅니다.",
      },
      start: (ctx) => ({
        behind: furthestBehind(ctx),
        isr: [...(partitionOf(ctx.state(), TOPIC, 0)?.isr ?? [])],
        acknowledged: acknowledgedOn(ctx.state(), TOPIC),
      }),
      check: (ctx, before) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0 || before.isr.includes(partition.leader)) {
          return false;
        }
        const resumed = acknowledgedOn(state, TOPIC) > before.acknowledged;
        return resumed && lostAcknowledged(state, TOPIC) >= 1;
      },
      showMe: async (ctx, before) => {
        const behind = before.behind ?? furthestBehind(ctx);
        if (behind === null) throw new Error(`${TOPIC} has no replica outside the ISR`);
        await ctx.must(ctx.actions.restartBroker(behind));
      },
    }),
  ],
  summary: {
    en: "By default Kafka stays down: a partition whose in-sync replicas are all gone waits, offline, for one of them. unclean.leader.election.enable=true lets an out-of-sync replica lead instead: the partition is available again, and the acknowledged records it never had are lost for good.",
    ko: "기본값의 Kafka는 멈춰 있습니다. 동기화된 레플리카가 모두 사라진 파티션은 그중 하나가 돌아올 때까지 오프라인으로 기다립니다. unclean.leader.election.enable=true면 동기화되지 않은 레플리카가 대신 리더가 됩니다. 파티션은 다시 쓸 수 있게 되지만, 그 레플리카에 없던 응답받은 레코드는 영영 사라집니다.",
  },
};
