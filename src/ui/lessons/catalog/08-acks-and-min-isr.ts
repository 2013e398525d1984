/**
 * Lesson 8: acks and min.insync.replicas. With acks=1 the leader answers as soon as it has
 * appended, so a leader cut off from its followers goes on acknowledging records only it
 * has; killed before replica.lag.time.max.ms drops the followers from the ISR, it is
 * replaced by a follower in a clean election, and those acknowledged records are gone. With
 * acks=all the leader answers only once every ISR member has the record, and refuses
 * (NOT_ENOUGH_REPLICAS) while the ISR is smaller than min.insync.replicas.
 */
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { acknowledgedOn, leaderHw, partitionOf, producersOn } from "../lesson-queries.ts";
import {
  acksOneProducer,
  failureSafeBrokers,
  isAlive,
  isDead,
  linkCut,
  lostAcknowledged,
  producerTroubles,
  unreplicated,
} from "./07-replication-queries.ts";
import { setUpOnePartition } from "./07-replication-setup.ts";

const TOPIC = "lesson-acks";
/**
 * Kafka's timeouts at 2×: the learner has replica.lag.time.max.ms (30 s, 15 s here) to kill
 * the cut-off leader, and broker.session.timeout.ms (9 s, 4.5 s here) later the controller
 * notices and elects a follower.
 */
const SPEED = 2;

/**
 * Two broker-only nodes besides the three KRaft voters: of the brokers this lesson kills at
 * most one has a quorum vote, so the controller stays up to elect new leaders.
 */
function setUp(ctx: LessonContext): Promise<void> {
  return setUpOnePartition(ctx, {
    topic: TOPIC,
    brokers: 5,
    configEntries: [{ name: "min.insync.replicas", value: "2" }],
    speed: SPEED,
  });
}

export const acksAndMinIsrLesson: Lesson = {
  id: "acks-and-min-isr",
  title: { en: "acks and min.insync.replicas", ko: "acks와 min.insync.replicas" },
  question: {
    en: "When the producer is told a record is written, can it still be lost?",
    ko: "프로듀서가 레코드가 기록됐다는 응답을 받았는데도 그 레코드가 사라질 수 있을까?",
  },
  setup: setUp,
  steps: [
    step({
      id: "acks-1",
      narration: {
        en: `Drag a producer onto ${TOPIC} with acks=1 (and enable.idempotence off: the idempotent producer needs acks=all). The leader answers as soon as it has appended a record; the followers copy it a moment later.`,
        ko: `프로듀서를 acks=1로 ${TOPIC} 위에 끌어다 놓으세요(enable.idempotence는 끕니다. 멱등성 프로듀서는 acks=all이어야 합니다). 리더는 레코드를 덧붙이자마자 응답하고, 팔로워는 조금 뒤에 복사합니다.`,
      },
      hints: [
        {
          en: "In the producer dialog: acks 1, idempotence off. Every drag has a keyboard menu: focus Producer in the palette and press Enter.",
          ko: "프로듀서 창에서 acks는 1, idempotence는 끄세요. 모든 끌어다 놓기에는 키보드 메뉴가 있습니다. 팔레트의 Producer에 포커스를 두고 Enter를 누르세요.",
        },
      ],
      takeaway: {
        en: "acks=1: one copy, on the leader, is enough for an acknowledgement. Normally the followers catch up within milliseconds, so nothing seems different.",
        ko: "acks=1이면 리더에 있는 사본 하나만으로 응답합니다. 보통은 팔로워가 곧바로 따라잡으므로 달라 보이는 것은 없습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const acksOne = producersOn(state, TOPIC).filter((p) => p.settings.acks === "1");
        return acksOne.some((p) => p.acknowledged >= 5) && leaderHw(state, TOPIC, 0) >= 5;
      },
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.addProducer(acksOneProducer(TOPIC)));
      },
    }),
    step({
      id: "cut-leader",
      narration: {
        en: "Cut both links between the leader (broker with the crowned replica) and its two followers. The leader still reaches the controller and the producer, so it keeps appending and acknowledging, but the HW stops: records above it are acknowledged yet exist only on the leader.",
        ko: "리더(왕관 표시 레플리카가 있는 브로커)와 두 팔로워 사이의 링크를 둘 다 끊으세요. 리더는 컨트롤러와 프로듀서에는 여전히 닿으므로 계속 덧붙이고 응답하지만, HW는 멈춥니다. HW 위의 레코드는 응답을 받았는데도 리더에만 있습니다.",
      },
      hints: [
        {
          en: "Click a line between two brokers under Links and choose Cut link; do it for both of the leader's followers.",
          ko: "Links 아래에서 두 브로커 사이의 선을 누르고 Cut link를 고르세요. 리더의 두 팔로워 모두에 대해 하세요.",
        },
      ],
      takeaway: {
        en: "The producer's acknowledged count runs ahead of the HW: with acks=1 an acknowledgement promises one copy, not a replicated one.",
        ko: "프로듀서의 acked 수가 HW보다 앞서 나갑니다. acks=1의 응답은 사본 하나를 약속할 뿐, 복제된 사본을 약속하지 않습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0) return false;
        const inSync = partition.replicas.every((id) => partition.isr.includes(id));
        const followers = partition.replicas.filter((id) => id !== partition.leader);
        // Followers behind only because the machine is busy are not this step's effect.
        const cutOff = followers.every((id) => linkCut(state, partition.leader, id));
        return cutOff && inSync && unreplicated(partition) >= 5;
      },
      showMe: async (ctx) => {
        const partition = partitionOf(ctx.state(), TOPIC, 0);
        if (!partition || partition.leader < 0) throw new Error(`${TOPIC} has no leader`);
        for (const follower of partition.replicas.filter((id) => id !== partition.leader)) {
          await ctx.must(ctx.actions.setLink(partition.leader, follower, { cut: true }));
        }
      },
    }),
    step<{ leader: number; acknowledged: number }>({
      id: "kill-leader",
      narration: {
        en: "Now, quickly: kill the leader, before replica.lag.time.max.ms (30 s of cluster time, 15 s at this lesson's 2×) lets it drop its followers from the ISR. broker.session.timeout.ms later the controller elects a follower from the ISR: a clean election. Compare the producer's acked count with the new leader's LEO.",
        ko: "이제 서둘러 리더를 죽이세요. replica.lag.time.max.ms(클러스터 시간 30초, 이 레슨의 2배속으로 15초)가 지나면 리더가 팔로워들을 ISR에서 빼 버립니다. broker.session.timeout.ms 뒤에 컨트롤러가 ISR에서 팔로워 하나를 리더로 뽑습니다(클린 선출). 프로듀서의 acked 수와 새 리더의 LEO를 비교해 보세요.",
      },
      hints: [
        {
          en: "Kill broker is on the leader's broker card. If the partition went offline instead, the followers had already left the ISR: restart the lesson and be quicker.",
          ko: "Kill broker는 리더 브로커 카드에 있습니다. 대신 파티션이 오프라인이 됐다면 팔로워들이 이미 ISR에서 빠진 것입니다. 레슨을 다시 시작해 더 빨리 해 보세요.",
        },
      ],
      takeaway: {
        en: "The new leader never had the records acknowledged after the cut: they are gone, though the producer was told they were written. The old leader will truncate them too when it returns (its epoch is over).",
        ko: "새 리더는 링크가 끊긴 뒤 응답된 레코드를 받은 적이 없습니다. 프로듀서는 기록됐다는 응답을 받았지만 그 레코드는 사라졌습니다. 옛 리더도 돌아오면 그 레코드를 잘라냅니다(그 리더의 에포크는 끝났으니까요).",
      },
      start: (ctx) => ({
        leader: partitionOf(ctx.state(), TOPIC, 0)?.leader ?? -1,
        acknowledged: acknowledgedOn(ctx.state(), TOPIC),
      }),
      check: (ctx, before) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || before.leader < 0) return false;
        const elected = partition.leader >= 0 && partition.leader !== before.leader;
        return elected && isDead(state, before.leader) && lostAcknowledged(state, TOPIC) >= 3;
      },
      showMe: async (ctx, before) => {
        const leader = partitionOf(ctx.state(), TOPIC, 0)?.leader ?? before.leader;
        await ctx.must(ctx.actions.killBroker(leader));
      },
    }),
    step<number>({
      id: "acks-all",
      narration: {
        en: "Switch the producer to acks=all (idempotence may go back on). Now the leader answers only once every ISR member has the record. The ISR has two replicas and the topic's min.insync.replicas is 2, so writes go on.",
        ko: "프로듀서를 acks=all로 바꾸세요(idempotence는 다시 켜도 됩니다). 이제 리더는 ISR의 모든 멤버가 레코드를 가진 뒤에야 응답합니다. ISR에는 레플리카가 둘이고 토픽의 min.insync.replicas는 2이므로 쓰기는 계속됩니다.",
      },
      hints: [
        {
          en: "Select the producer and change acks in its settings; Kafka settings like acks start a new producer.",
          ko: "프로듀서를 선택해 설정에서 acks를 바꾸세요. acks 같은 Kafka 설정을 바꾸면 프로듀서가 새로 시작합니다.",
        },
      ],
      takeaway: {
        en: "acks=all waits for the whole ISR, so an acknowledged record is on every in-sync replica and survives any one of them dying.",
        ko: "acks=all은 ISR 전체를 기다리므로, 응답받은 레코드는 모든 동기화 레플리카에 있고 그중 하나가 죽어도 살아남습니다.",
      },
      start: (ctx) => leaderHw(ctx.state(), TOPIC, 0),
      check: (ctx, hwBefore) => {
        const state = ctx.state();
        const acksAll = producersOn(state, TOPIC).filter((p) => p.settings.acks === "all");
        return acksAll.some((p) => p.acknowledged >= 3) && leaderHw(state, TOPIC, 0) > hwBefore;
      },
      showMe: async (ctx) => {
        for (const producer of producersOn(ctx.state(), TOPIC)) {
          const settings = { ...producer.settings, acks: "all" as const, idempotence: true };
          await ctx.must(ctx.actions.updateProducer(producer.id, settings));
        }
      },
    }),
    step<number>({
      id: "not-enough-replicas",
      narration: {
        en: "Kill one of the two replicas left. Once the controller fences it, the ISR has one replica, fewer than min.insync.replicas=2: the leader refuses acks=all writes, and the producer card shows NOT_ENOUGH_REPLICAS.",
        ko: "남은 레플리카 둘 중 하나를 죽이세요. 컨트롤러가 그 브로커를 펜싱하면 ISR에는 레플리카가 하나뿐이라 min.insync.replicas=2보다 적습니다. 리더는 acks=all 쓰기를 거절하고, 프로듀서 카드에 NOT_ENOUGH_REPLICAS가 뜹니다.",
      },
      hints: [
        {
          en: "Kill a broker holding a replica of the topic, not the controller (★).",
          ko: "토픽의 레플리카를 가진 브로커를 죽이세요. 컨트롤러(★)는 빼고요.",
        },
      ],
      takeaway: {
        en: "min.insync.replicas turns acks=all into a guarantee: a write is refused rather than acknowledged with too few copies. Availability is traded for durability.",
        ko: "min.insync.replicas가 있어야 acks=all이 보장이 됩니다. 사본이 너무 적으면 응답하는 대신 쓰기를 거절합니다. 가용성을 내주고 내구성을 얻는 것입니다.",
      },
      start: (ctx) => producerTroubles(ctx.state(), TOPIC),
      check: (ctx, troublesBefore) => {
        const state = ctx.state();
        const refused = producersOn(state, TOPIC).some(
          (p) => p.settings.acks === "all" && p.lastError?.name === "NOT_ENOUGH_REPLICAS",
        );
        return refused && producerTroubles(state, TOPIC) > troublesBefore;
      },
      showMe: async (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition) throw new Error(`${TOPIC} is gone`);
        // A follower, and of those the one whose death costs the quorum least.
        const order = failureSafeBrokers(state);
        const victim = partition.replicas
          .filter((id) => id !== partition.leader && isAlive(state, id))
          .sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
        if (victim === undefined) throw new Error(`${TOPIC} has no follower left to kill`);
        await ctx.must(ctx.actions.killBroker(victim));
      },
    }),
  ],
  summary: {
    en: "Yes, with acks=1: the leader acknowledges records only it has, and a clean election after it dies picks a follower without them. With acks=all an acknowledged record is on every ISR replica, and min.insync.replicas makes the leader refuse writes (NOT_ENOUGH_REPLICAS) rather than keep fewer copies than that.",
    ko: "acks=1이면 그렇습니다. 리더는 자기만 가진 레코드에도 응답하고, 리더가 죽은 뒤 클린 선출은 그 레코드가 없는 팔로워를 고릅니다. acks=all이면 응답받은 레코드는 ISR의 모든 레플리카에 있고, min.insync.replicas는 사본이 그보다 적어질 바에는 쓰기를 거절하게(NOT_ENOUGH_REPLICAS) 합니다.",
  },
};
