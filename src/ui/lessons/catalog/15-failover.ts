/**
 * Lesson 15: failover end to end. A partition with three replicas, min.insync.replicas=2 and
 * an acks=all producer: one broker down and writes go on (a new leader, a smaller ISR); two
 * down and the leader refuses writes with NOT_ENOUGH_REPLICAS while consumers still read
 * everything committed; three down and the partition is offline. Brought back, the last
 * in-sync replica leads again, the others catch up, writes resume, and every acknowledged
 * record is still there.
 */
import { defaultConsumerSettings, defaultProducerSettings } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import {
  acknowledgedOn,
  committedOffset,
  consumersIn,
  leaderHw,
  partitionOf,
  producersOn,
} from "../lesson-queries.ts";
import {
  deadReplicas,
  failureSafeBrokers,
  isAlive,
  isOffline,
  producerTroubles,
} from "./07-replication-queries.ts";
import { setUpOnePartition } from "./07-replication-setup.ts";

const TOPIC = "lesson-failover";
const GROUP = "lesson-failover-readers";
/** broker.session.timeout.ms (9 s) decides when a dead broker leaves the ISR: 4.5 s at 2×. */
const SPEED = 2;

/** Three replicas, at most one on a KRaft voter: the controller quorum outlives all three. */
function setUp(ctx: LessonContext): Promise<void> {
  return setUpOnePartition(ctx, {
    topic: TOPIC,
    brokers: 5,
    groups: [GROUP],
    configEntries: [{ name: "min.insync.replicas", value: "2" }],
    speed: SPEED,
  });
}

function deadCount(state: PlaygroundState): number {
  const partition = partitionOf(state, TOPIC, 0);
  return partition ? deadReplicas(partition, state).length : 0;
}

/** Kills the next live replica: the leader first, as a failure would hurt most. */
async function killNextReplica(ctx: LessonContext): Promise<void> {
  const state = ctx.state();
  const partition = partitionOf(state, TOPIC, 0);
  if (!partition) throw new Error(`${TOPIC} is gone`);
  const order = failureSafeBrokers(state);
  const live = partition.replicas
    .filter((id) => isAlive(state, id))
    .sort(
      (a, b) =>
        Number(b === partition.leader) - Number(a === partition.leader) ||
        order.indexOf(a) - order.indexOf(b),
    );
  if (live.length === 0) throw new Error(`no live replica of ${TOPIC} left`);
  await ctx.must(ctx.actions.killBroker(live[0]!));
}

/** Acknowledgements counted from the moment `ready` first held (a step's own baseline). */
interface AfterFailure {
  acknowledgedThen: number | null;
}

export const failoverLesson: Lesson = {
  id: "failover",
  title: { en: "Failover, end to end", ko: "장애 조치, 처음부터 끝까지" },
  question: {
    en: "How many brokers can die before writes stop, and is anything lost when they come back?",
    ko: "브로커가 몇 대까지 죽어도 쓰기가 계속될까? 그리고 다시 살아나면 잃어버린 것이 있을까?",
  },
  setup: setUp,
  steps: [
    step({
      id: "steady",
      narration: {
        en: `${TOPIC} has one partition on three brokers, with min.insync.replicas=2. Drag a producer onto it (acks=all, the default) and a consumer in a new group ${GROUP}.`,
        ko: `${TOPIC}는 파티션 하나가 브로커 세 대에 있고 min.insync.replicas=2입니다. 프로듀서(기본값인 acks=all)를 끌어다 놓고, 새 그룹 ${GROUP}에 컨슈머도 하나 넣으세요.`,
      },
      hints: [
        {
          en: "Producer and Consumer are in the palette on the left; focus one and press Enter for a keyboard menu.",
          ko: "Producer와 Consumer는 왼쪽 팔레트에 있습니다. 포커스를 두고 Enter를 누르면 키보드 메뉴가 열립니다.",
        },
      ],
      takeaway: {
        en: "Each acknowledged record is on all three replicas; the consumer reads them below the HW.",
        ko: "응답받은 레코드는 세 레플리카 모두에 있고, 컨슈머는 HW 아래에서 그 레코드를 읽습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const consumed = consumersIn(state, GROUP).reduce((sum, c) => sum + c.consumed, 0);
        return acknowledgedOn(state, TOPIC) >= 5 && consumed >= 5;
      },
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 2,
            keyMode: "sequence",
          }),
        );
        await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, GROUP)));
      },
    }),
    step<AfterFailure>({
      id: "first-down",
      narration: {
        en: "Kill one of the three brokers that hold the partition, the leader for instance. A follower from the ISR takes over, the ISR shrinks to two, and two is still min.insync.replicas: acks=all writes go on.",
        ko: "파티션을 가진 브로커 세 대 중 하나를, 예를 들어 리더를 죽이세요. ISR의 팔로워가 넘겨받고 ISR은 둘로 줄지만, 둘은 아직 min.insync.replicas이므로 acks=all 쓰기는 계속됩니다.",
      },
      hints: [
        {
          en: "Kill broker is on each broker card; the brokers holding the partition show a replica of the topic.",
          ko: "Kill broker는 브로커 카드마다 있습니다. 파티션을 가진 브로커에는 이 토픽의 레플리카가 보입니다.",
        },
      ],
      takeaway: {
        en: "One broker lost, nothing visible to the producer beyond a few retries: the partition has a leader and enough in-sync replicas.",
        ko: "브로커 하나를 잃어도 프로듀서에게는 재시도 몇 번 말고는 보이는 것이 없습니다. 파티션에는 리더와 충분한 동기화 레플리카가 있으니까요.",
      },
      start: () => ({ acknowledgedThen: null }),
      check: (ctx, after) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || deadCount(state) !== 1 || !isAlive(state, partition.leader)) return false;
        const inSync = partition.isr.filter((id) => isAlive(state, id));
        if (inSync.length !== partition.isr.length || inSync.length < 2) return false;
        after.acknowledgedThen ??= acknowledgedOn(state, TOPIC);
        return acknowledgedOn(state, TOPIC) >= after.acknowledgedThen + 3;
      },
      showMe: (ctx) => killNextReplica(ctx),
    }),
    step<number>({
      id: "second-down",
      narration: {
        en: "Kill a second broker of the partition. Once the controller fences it, the ISR has one replica, below min.insync.replicas=2: the leader refuses acks=all writes and the producer shows NOT_ENOUGH_REPLICAS. Reading goes on: the consumer still gets every committed record, up to the HW.",
        ko: "파티션을 가진 두 번째 브로커를 죽이세요. 컨트롤러가 그 브로커를 펜싱하면 ISR에는 레플리카가 하나뿐이라 min.insync.replicas=2보다 적습니다. 리더는 acks=all 쓰기를 거절하고 프로듀서에는 NOT_ENOUGH_REPLICAS가 뜹니다. 읽기는 계속됩니다. 컨슈머는 HW까지, 커밋된 레코드를 모두 받습니다.",
      },
      hints: [
        {
          en: "Pick a broker that still holds a live replica of the topic, not the controller (★).",
          ko: "이 토픽의 살아 있는 레플리카를 가진 브로커를 고르세요. 컨트롤러(★)는 빼고요.",
        },
      ],
      takeaway: {
        en: "Writes stopped on purpose: Kafka refuses to acknowledge a record that only one replica would hold. Committed data stays readable.",
        ko: "쓰기는 일부러 멈춘 것입니다. Kafka는 레플리카 하나에만 남을 레코드에는 응답하지 않습니다. 커밋된 데이터는 계속 읽을 수 있습니다.",
      },
      start: (ctx) => producerTroubles(ctx.state(), TOPIC),
      check: (ctx, troublesBefore) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || deadCount(state) !== 2 || partition.leader < 0) return false;
        const refused = producersOn(state, TOPIC).some(
          (p) => p.lastError?.name === "NOT_ENOUGH_REPLICAS",
        );
        const hw = leaderHw(state, TOPIC, 0);
        const readAll = hw > 0 && committedOffset(state, GROUP, TOPIC, 0) >= hw;
        return refused && producerTroubles(state, TOPIC) > troublesBefore && readAll;
      },
      showMe: (ctx) => killNextReplica(ctx),
    }),
    step({
      id: "third-down",
      narration: {
        en: "Kill the last broker of the partition. Now it has no leader at all: it is offline, for readers and writers alike.",
        ko: "파티션의 마지막 브로커를 죽이세요. 이제 리더가 아예 없습니다. 파티션은 오프라인이고, 읽기도 쓰기도 안 됩니다.",
      },
      hints: [
        {
          en: "The broker whose replica still has the crown is the one left.",
          ko: "레플리카에 아직 왕관이 있는 브로커가 남은 하나입니다.",
        },
      ],
      takeaway: {
        en: "The ISR still names the last replica that was in sync: Kafka will wait for it rather than elect a replica that may miss records.",
        ko: "ISR에는 마지막까지 동기화돼 있던 레플리카가 남아 있습니다. Kafka는 레코드가 빠졌을지 모르는 레플리카를 뽑는 대신 그 레플리카를 기다립니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        return deadCount(state) === 3 && isOffline(partitionOf(state, TOPIC, 0));
      },
      showMe: (ctx) => killNextReplica(ctx),
    }),
    step<number>({
      id: "bring-back",
      narration: {
        en: "Restart the three brokers. The last in-sync replica leads again, the others fetch what they missed and rejoin the ISR, and writes resume. Check the tape: the HW covers every record the producer ever had acknowledged.",
        ko: "브로커 세 대를 다시 시작하세요. 마지막 동기화 레플리카가 다시 리더가 되고, 나머지는 놓친 레코드를 가져와 ISR에 돌아오며, 쓰기가 다시 됩니다. 테이프를 보세요. 프로듀서가 응답받은 레코드가 모두 HW 아래에 있습니다.",
      },
      hints: [
        {
          en: "Restart broker is on each dead broker's card; the order does not matter.",
          ko: "Restart broker는 죽은 브로커 카드마다 있습니다. 순서는 상관없습니다.",
        },
      ],
      takeaway: {
        en: "With acks=all and min.insync.replicas=2, failures cost availability, never acknowledged records: nothing the producer was told is written was lost.",
        ko: "acks=all과 min.insync.replicas=2면 장애는 가용성을 앗아갈 뿐, 응답받은 레코드는 앗아가지 않습니다. 기록됐다고 응답받은 것은 하나도 사라지지 않았습니다.",
      },
      start: (ctx) => acknowledgedOn(ctx.state(), TOPIC),
      check: (ctx, acknowledgedBefore) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0 || deadCount(state) > 0) return false;
        const allInSync = partition.replicas.every((id) => partition.isr.includes(id));
        const acknowledged = acknowledgedOn(state, TOPIC);
        const resumed = acknowledged >= acknowledgedBefore + 3;
        return allInSync && resumed && leaderHw(state, TOPIC, 0) >= acknowledged;
      },
      showMe: async (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        const dead = partition ? deadReplicas(partition, state) : [];
        await Promise.all(dead.map((id) => ctx.must(ctx.actions.restartBroker(id))));
      },
    }),
  ],
  summary: {
    en: "With three replicas, min.insync.replicas=2 and acks=all: one broker down costs nothing, two stop writes (NOT_ENOUGH_REPLICAS) while reads of committed data go on, three take the partition offline. When they return, writes resume and every acknowledged record is still there.",
    ko: "레플리카 셋, min.insync.replicas=2, acks=all이면 브로커 하나가 죽어도 잃는 것이 없고, 둘이 죽으면 쓰기가 멈추지만(NOT_ENOUGH_REPLICAS) 커밋된 데이터는 계속 읽히며, 셋이 죽으면 파티션이 오프라인이 됩니다. 브로커들이 돌아오면 쓰기가 다시 되고, 응답받은 레코드는 모두 그대로 있습니다.",
  },
};
