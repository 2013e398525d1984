/**
 * Lesson 7: replication. A partition's leader appends, its followers fetch; the high
 * watermark is the offset every ISR member has reached, and consumers read only below it.
 * Cutting one follower off stops the HW while the leader's LEO runs on (acks=1), and the
 * consumer's position stops at the HW with it; replica.lag.time.max.ms later the leader drops
 * the follower from the ISR and the HW moves again; healed, the follower catches up and
 * rejoins the ISR.
 */
import { defaultConsumerSettings } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import {
  committedOffset,
  consumersIn,
  leaderHw,
  leaderLeo,
  partitionOf,
  producersOn,
} from "../lesson-queries.ts";
import { acksOneProducer, linkCut, replicaLeo, unreplicated } from "./07-replication-queries.ts";
import { setUpOnePartition } from "./07-replication-setup.ts";

const TOPIC = "lesson-replication";
const GROUP = "lesson-replication-readers";
/** replica.lag.time.max.ms is 30 s of cluster time: 15 s of the learner's at 2×. */
const SPEED = 2;

/** The follower the learner cut off: the ISR follower furthest behind the leader. */
function laggingFollower(state: PlaygroundState): number | null {
  const partition = partitionOf(state, TOPIC, 0);
  if (!partition || partition.leader < 0) return null;
  const followers = partition.replicas.filter((id) => id !== partition.leader);
  if (followers.length === 0) return null;
  return followers.reduce((behind, id) =>
    replicaLeo(partition, id) < replicaLeo(partition, behind) ? id : behind,
  );
}

/** A follower whose link to the leader can be cut without cutting anyone off the controller. */
function followerToCut(state: PlaygroundState): number | null {
  const partition = partitionOf(state, TOPIC, 0);
  if (!partition || partition.leader < 0) return null;
  const followers = partition.replicas.filter((id) => id !== partition.leader);
  return followers.find((id) => id !== state.controllerId) ?? followers[0] ?? null;
}

/**
 * The leader and the follower to be cut off are not the controller, so the cut leaves both
 * in touch with it: the follower leaves the ISR by lagging, not by being fenced.
 */
function setUp(ctx: LessonContext): Promise<void> {
  return setUpOnePartition(ctx, { topic: TOPIC, brokers: 3, groups: [GROUP], speed: SPEED });
}

export const replicationLesson: Lesson = {
  id: "replication",
  title: { en: "Replication: leader, followers, ISR", ko: "복제: 리더, 팔로워, ISR" },
  question: {
    en: "What do followers do, and why can a consumer not read everything the leader has?",
    ko: "팔로워는 무슨 일을 하고, 컨슈머는 왜 리더가 가진 레코드를 전부 읽을 수 없을까?",
  },
  setup: setUp,
  steps: [
    step({
      id: "follow",
      narration: {
        en: `Drag a producer onto ${TOPIC} with acks=1, and a consumer in a new group ${GROUP}. Open the topic: the leader (the replica with a crown) appends, the two followers fetch and their LEO follows, and the HW moves once every replica in the ISR has a record.`,
        ko: `프로듀서를 acks=1로 ${TOPIC} 위에 끌어다 놓고, 새 그룹 ${GROUP}에 컨슈머도 하나 넣으세요. 토픽을 열면 리더(왕관 표시가 있는 레플리카)가 덧붙이고, 두 팔로워가 가져가며 LEO가 뒤따릅니다. ISR의 모든 레플리카가 레코드를 가지면 HW가 움직입니다.`,
      },
      hints: [
        {
          en: "In the producer dialog, set acks to 1. The palette is on the left; without a mouse, focus Producer and press Enter for a menu.",
          ko: "프로듀서 창에서 acks를 1로 두세요. 팔레트는 왼쪽에 있고, 마우스 없이도 Producer에 포커스를 두고 Enter를 누르면 메뉴가 열립니다.",
        },
      ],
      takeaway: {
        en: "Followers are consumers of the leader: they fetch its log and append the same records at the same offsets. The HW is the offset every ISR member has reached.",
        ko: "팔로워는 리더의 컨슈머와 같습니다. 리더의 로그를 가져와 같은 레코드를 같은 오프셋에 덧붙입니다. HW는 ISR의 모든 멤버가 도달한 오프셋입니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0) return false;
        const acksOne = producersOn(state, TOPIC).some((p) => p.settings.acks === "1");
        const replicated = partition.replicas.every((id) => replicaLeo(partition, id) >= 5);
        return acksOne && replicated && committedOffset(state, GROUP, TOPIC, 0) >= 3;
      },
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.addProducer(acksOneProducer(TOPIC)));
        await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, GROUP)));
      },
    }),
    step({
      id: "cut-follower",
      narration: {
        en: "Cut the link between the leader and the follower that is not the controller (no ★ on its broker card). The leader's LEO keeps growing (acks=1 does not wait for followers), but the HW stops: one ISR member no longer fetches. Watch the consumer card: its consumed count stops at the HW. (So does the group's committed offset: commits go to __consumer_offsets, which waits for its ISR too.)",
        ko: "리더와, 컨트롤러가 아닌 팔로워(브로커 카드에 ★가 없는 쪽) 사이의 링크를 끊으세요. acks=1은 팔로워를 기다리지 않으니 리더의 LEO는 계속 자라지만, ISR 멤버 하나가 더 이상 가져가지 않으니 HW는 멈춥니다. 컨슈머 카드를 보세요. consumed 수가 HW에서 멈춥니다. (그룹의 커밋된 오프셋도 멈춥니다. 커밋은 __consumer_offsets에 쓰이는데, 이 토픽도 자기 ISR을 기다리기 때문입니다.)",
      },
      hints: [
        {
          en: "Click the line between the two brokers on the canvas and choose Cut link (or focus it and press Enter).",
          ko: "캔버스에서 두 브로커 사이의 선을 누르고 Cut link를 고르세요(포커스를 두고 Enter를 눌러도 됩니다).",
        },
      ],
      takeaway: {
        en: "Records above the HW exist only on some replicas, so Kafka does not hand them to consumers: a consumer reads only below the HW, however far the leader's LEO is.",
        ko: "HW 위의 레코드는 일부 레플리카에만 있으므로 Kafka는 컨슈머에게 주지 않습니다. 리더의 LEO가 아무리 앞서도 컨슈머는 HW 아래까지만 읽습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || partition.leader < 0) return false;
        const hw = leaderHw(state, TOPIC, 0);
        const allInSync = partition.replicas.every((id) => partition.isr.includes(id));
        // A follower behind only because the machine is busy is not this step's effect.
        const followers = partition.replicas.filter((id) => id !== partition.leader);
        const cutOff = followers.some((id) => linkCut(state, partition.leader, id));
        // A fresh one-partition topic: records consumed so far is the consumer's position.
        const consumed = consumersIn(state, GROUP).reduce((sum, c) => sum + c.consumed, 0);
        const readerAtHw = hw > 0 && consumed >= hw;
        return cutOff && allInSync && unreplicated(partition) >= 5 && readerAtHw;
      },
      showMe: async (ctx) => {
        const state = ctx.state();
        const leader = partitionOf(state, TOPIC, 0)?.leader ?? -1;
        const follower = followerToCut(state);
        if (leader < 0 || follower === null) throw new Error(`${TOPIC} has no leader to cut off`);
        await ctx.must(ctx.actions.setLink(leader, follower, { cut: true }));
      },
    }),
    step<number | null>({
      id: "isr-shrinks",
      narration: {
        en: "Wait. After replica.lag.time.max.ms (30 s of cluster time; the lesson runs the cluster at 2×, so 15 s) the leader drops the silent follower from the ISR. With one ISR member fewer, the HW jumps up to the LEO and the consumer reads on.",
        ko: "기다리세요. replica.lag.time.max.ms(클러스터 시간으로 30초, 이 레슨은 클러스터를 2배속으로 돌리니 15초)가 지나면 리더가 응답 없는 팔로워를 ISR에서 뺍니다. ISR 멤버가 하나 줄면 HW가 LEO까지 뛰어오르고 컨슈머도 다시 읽습니다.",
      },
      hints: [
        {
          en: "Nothing to do: watch the follower's replica lose its ISR mark on the topic.",
          ko: "할 일은 없습니다. 토픽에서 그 팔로워의 레플리카가 ISR 표시를 잃는지 지켜보세요.",
        },
      ],
      takeaway: {
        en: "The ISR is the set of replicas keeping up. A follower that has not caught up for replica.lag.time.max.ms is removed, so one slow replica cannot stop the partition.",
        ko: "ISR은 뒤처지지 않는 레플리카들의 집합입니다. replica.lag.time.max.ms 동안 따라잡지 못한 팔로워는 빠지므로, 느린 레플리카 하나가 파티션을 멈추게 하지는 못합니다.",
      },
      start: (ctx) => laggingFollower(ctx.state()),
      check: (ctx, follower) => {
        const state = ctx.state();
        const partition = partitionOf(state, TOPIC, 0);
        if (!partition || follower === null || partition.isr.includes(follower)) return false;
        // The HW caught up with the LEO (a record or two may be on their way to the follower).
        return leaderLeo(state, TOPIC, 0) - leaderHw(state, TOPIC, 0) <= 2;
      },
      showMe: async (ctx, follower) => {
        if (follower === null) return;
        await ctx.until(
          (state) => !(partitionOf(state, TOPIC, 0)?.isr.includes(follower) ?? true),
          `broker ${follower} to leave the ISR`,
          60_000,
        );
      },
    }),
    step<number | null>({
      id: "heal",
      narration: {
        en: "Heal the link. The follower fetches everything it missed, reaches the leader's LEO, and the leader adds it back to the ISR.",
        ko: "링크를 복구하세요. 팔로워가 놓친 레코드를 모두 가져와 리더의 LEO에 도달하면, 리더가 다시 ISR에 넣습니다.",
      },
      hints: [
        {
          en: "Click the cut link and choose Heal link.",
          ko: "끊긴 링크를 누르고 Heal link를 고르세요.",
        },
      ],
      takeaway: {
        en: "A follower rejoins the ISR only once it has caught up with the leader's log end; from then on the HW waits for it again.",
        ko: "팔로워는 리더의 로그 끝까지 따라잡은 뒤에야 ISR에 돌아옵니다. 그때부터 HW는 다시 이 팔로워를 기다립니다.",
      },
      start: (ctx) => {
        const partition = partitionOf(ctx.state(), TOPIC, 0);
        return partition?.replicas.find((id) => !partition.isr.includes(id)) ?? null;
      },
      check: (ctx, follower) => {
        const partition = partitionOf(ctx.state(), TOPIC, 0);
        if (!partition || follower === null) return false;
        return partition.replicas.every((id) => partition.isr.includes(id));
      },
      showMe: async (ctx) => {
        for (const link of ctx.state().faultyLinks) {
          if (typeof link.from !== "number" || typeof link.to !== "number") continue;
          if (!link.conditions.cut) continue;
          await ctx.must(ctx.actions.setLink(link.from, link.to, { cut: false }, false));
        }
      },
    }),
  ],
  summary: {
    en: "The leader appends; followers fetch and copy. The HW is the offset every ISR replica has, and consumers read only below it, so they never see a record that could still vanish. A follower that lags for replica.lag.time.max.ms leaves the ISR and rejoins once it has caught up.",
    ko: "리더가 덧붙이고 팔로워는 가져와 복사합니다. HW는 ISR의 모든 레플리카가 가진 오프셋이고, 컨슈머는 그 아래까지만 읽으므로 사라질 수도 있는 레코드를 보지 않습니다. replica.lag.time.max.ms 동안 뒤처진 팔로워는 ISR에서 빠지고, 따라잡으면 돌아옵니다.",
  },
};
