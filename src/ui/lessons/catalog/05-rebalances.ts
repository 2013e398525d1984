/**
 * Lesson 5: rebalances. Eager (sticky) against cooperative (cooperative-sticky) on the same
 * change: the eager member gives up everything before it is handed its share back, the
 * cooperative one gives up only what moves. A member that leaves (LeaveGroup) starts a
 * rebalance at once; one that crashes is noticed only when session.timeout.ms runs out. A
 * static member (group.instance.id) restarted within its session timeout causes none.
 */
import {
  defaultConsumerSettings,
  defaultProducerSettings,
  type AssignorName,
  type ConsumerSettings,
} from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { openTopicTapes } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { consumersIn } from "../lesson-queries.ts";
import { assignmentOf, liveConsumersIn, settledOver } from "./03-groups-queries.ts";
import {
  groupsChangedFor,
  isRunning,
  lastTimelineId,
  revokedSoFar,
} from "./05-rebalance-queries.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-rebalance";
const TOPICS = [TOPIC];
const PARTITIONS = 4;
const EAGER = "lesson-eager";
const COOPERATIVE = "lesson-cooperative";
const STATIC = "lesson-static";
const DYNAMIC_GROUPS = [EAGER, COOPERATIVE];
/** Short (the broker's minimum is 6 s), so a crash is noticed soon. */
const SESSION_MS = 10_000;
/** Static members get a longer one, time enough to restart (as KIP-345 advises). */
const STATIC_SESSION_MS = 120_000;
const STATIC_IDS = ["static-a", "static-b"];
const SETTLE_MS = 60_000;
const SPEED = 2;

function settings(groupId: string, assignor: AssignorName, change: Partial<ConsumerSettings> = {}) {
  return {
    ...defaultConsumerSettings(TOPIC, groupId),
    assignor,
    sessionTimeoutMs: SESSION_MS,
    ...change,
  };
}

/** One more member like the group's first (same assignor, same timeouts). */
async function addLikeFirst(ctx: LessonContext, groupId: string): Promise<void> {
  const first = consumersIn(ctx.state(), groupId)[0];
  const assignor = groupId === EAGER ? "sticky" : "cooperative-sticky";
  await ctx.must(
    ctx.actions.addConsumer(
      first ? { ...first.settings, groupInstanceId: "" } : settings(groupId, assignor),
    ),
  );
}

/** The member that was alone in the group when the step began, and what it had. */
interface Incumbent {
  id: string;
  owned: number;
  revoked: number;
}

function incumbentOf(state: PlaygroundState, groupId: string): Incumbent | null {
  const consumer = liveConsumersIn(state, groupId)[0];
  if (!consumer) return null;
  return { id: consumer.id, owned: consumer.assigned.length, revoked: revokedSoFar(consumer) };
}

/** The group now has a second member and is settled; how much the incumbent gave up meanwhile. */
function revokedSince(state: PlaygroundState, groupId: string, before: Incumbent | null) {
  if (!before || !settledOver(state, groupId, TOPICS, 2)) return null;
  return revokedSoFar(state.consumers[before.id]) - before.revoked;
}

interface StaticBaseline {
  generation: number;
  consumerIds: string[];
}

export const rebalancesLesson: Lesson = {
  id: "rebalances",
  title: { en: "Rebalances", ko: "리밸런스" },
  question: {
    en: "What happens in a group when a member joins, leaves or crashes, and can a restart avoid it?",
    ko: "멤버가 들어오고, 떠나고, 죽으면 그룹에서 무슨 일이 생길까? 재시작하면서 피할 수는 없을까?",
  },
  setup: async (ctx) => {
    // Heartbeats (3 s) and session timeouts pass twice as fast.
    await prepareCluster(ctx, {
      brokers: 3,
      groups: [EAGER, COOPERATIVE, STATIC],
      topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
      speed: SPEED,
    });
    await ctx.must(ctx.actions.addProducer({ ...defaultProducerSettings(TOPIC), ratePerSec: 2 }));
    await ctx.must(ctx.actions.addConsumer(settings(EAGER, "sticky")));
    await ctx.must(ctx.actions.addConsumer(settings(COOPERATIVE, "cooperative-sticky")));
    for (const groupInstanceId of STATIC_IDS) {
      await ctx.must(
        ctx.actions.addConsumer(
          settings(STATIC, "range", { groupInstanceId, sessionTimeoutMs: STATIC_SESSION_MS }),
        ),
      );
    }
    await ctx.until(
      (state) =>
        settledOver(state, EAGER, TOPICS) &&
        settledOver(state, COOPERATIVE, TOPICS) &&
        settledOver(state, STATIC, TOPICS, STATIC_IDS.length),
      "the three groups to have their partitions",
      SETTLE_MS,
    );
    openTopicTapes(TOPIC);
  },
  steps: [
    step<Incumbent | null>({
      id: "eager-join",
      narration: {
        en: `${EAGER} has one member using the sticky assignor, an eager protocol; it owns all ${PARTITIONS} partitions. Add a second consumer to ${EAGER} and watch the first one's partition chips and the card's rebalance steps.`,
        ko: `${EAGER}에는 sticky 어사이너(eager 프로토콜)를 쓰는 멤버가 하나 있고, 파티션 ${PARTITIONS}개를 모두 갖고 있습니다. ${EAGER}에 컨슈머를 하나 더 추가하고, 첫 멤버의 파티션 칩과 카드의 리밸런스 단계를 지켜보세요.`,
      },
      hints: [
        {
          en: "Drop a consumer on the group's card; the dialog takes the group's assignor. Or press Consumer in the palette: \"Join an existing group\".",
          ko: '컨슈머를 그룹 카드 위에 놓으면 창이 그룹의 어사이너를 따릅니다. 또는 팔레트의 컨슈머를 누르고 "기존 그룹에 조인"을 고르세요.',
        },
      ],
      takeaway: {
        en: `Eager: before rejoining, the first member revoked all ${PARTITIONS} partitions and stopped reading every one of them, then got two back. Everyone stops during an eager rebalance.`,
        ko: `eager: 첫 멤버는 다시 조인하기 전에 파티션 ${PARTITIONS}개를 모두 회수당해 전부 읽기를 멈췄고, 그다음 둘을 돌려받았습니다. eager 리밸런스 동안에는 모두가 멈춥니다.`,
      },
      start: (ctx) => incumbentOf(ctx.state(), EAGER),
      check: (ctx, before) => {
        const revoked = revokedSince(ctx.state(), EAGER, before);
        return revoked !== null && before !== null && revoked >= before.owned;
      },
      showMe: (ctx) => addLikeFirst(ctx, EAGER),
    }),
    step<Incumbent | null>({
      id: "cooperative-join",
      narration: {
        en: `${COOPERATIVE} is the same but with cooperative-sticky. Add a second consumer to it too. Does the first member stop reading everything this time?`,
        ko: `${COOPERATIVE}는 똑같지만 cooperative-sticky를 씁니다. 여기에도 컨슈머를 하나 더 추가하세요. 이번에도 첫 멤버가 모든 파티션 읽기를 멈출까요?`,
      },
      hints: [
        {
          en: "Watch its chips: two stay on the whole time, two move over.",
          ko: "칩을 보세요. 둘은 내내 그대로 있고, 둘만 옮겨 갑니다.",
        },
      ],
      takeaway: {
        en: "Cooperative: the first member revoked only the two partitions that move, kept reading the other two, and a second, short rebalance handed the two to the newcomer. Same assignment as sticky, without stopping the world.",
        ko: "cooperative: 첫 멤버는 옮겨 갈 파티션 둘만 회수하고 나머지 둘은 계속 읽었습니다. 이어진 짧은 두 번째 리밸런스에서 그 둘이 새 멤버에게 갔습니다. sticky와 같은 할당이지만 모두를 멈추지 않습니다.",
      },
      start: (ctx) => incumbentOf(ctx.state(), COOPERATIVE),
      check: (ctx, before) => {
        const revoked = revokedSince(ctx.state(), COOPERATIVE, before);
        return revoked !== null && before !== null && revoked > 0 && revoked < before.owned;
      },
      showMe: (ctx) => addLikeFirst(ctx, COOPERATIVE),
    }),
    step<number>({
      id: "leave",
      narration: {
        en: `Close a consumer in ${EAGER}: it says LeaveGroup. How soon does the group rebalance? The timeline (Groups) shows the coordinator's reason.`,
        ko: `${EAGER}의 컨슈머 하나를 닫으세요. LeaveGroup을 보냅니다. 그룹은 얼마나 빨리 리밸런스할까요? 타임라인(Groups)에 코디네이터가 밝힌 이유가 나옵니다.`,
      },
      hints: [
        {
          en: 'Each consumer row has "Close" (leave cleanly) and "Crash" (die silently). Use Close here.',
          ko: '컨슈머 줄마다 "닫기"(깔끔하게 떠나기)와 "크래시"(말없이 죽기)가 있습니다. 여기서는 닫기를 누르세요.',
        },
      ],
      takeaway: {
        en: '"Removing member … on LeaveGroup": the coordinator rebalanced at once, and the other member took over the partitions within a heartbeat.',
        ko: '"Removing member … on LeaveGroup": 코디네이터가 곧바로 리밸런스했고, 하트비트 한 번 사이에 다른 멤버가 파티션을 넘겨받았습니다.',
      },
      start: (ctx) => lastTimelineId(ctx.state()),
      check: (ctx, afterId) => {
        const state = ctx.state();
        return groupsChangedFor(state, afterId, DYNAMIC_GROUPS, "on LeaveGroup").some((groupId) =>
          settledOver(state, groupId, TOPICS),
        );
      },
      showMe: async (ctx) => {
        const leaving = liveConsumersIn(ctx.state(), EAGER).at(-1);
        if (leaving) await ctx.must(ctx.actions.closeConsumer(leaving.id));
      },
    }),
    step<number>({
      id: "crash",
      narration: {
        en: `Now crash a consumer in ${COOPERATIVE}: no LeaveGroup, it just stops. Its partitions stop moving, yet the group stays Stable. Until when?`,
        ko: `이번에는 ${COOPERATIVE}의 컨슈머 하나를 크래시하세요. LeaveGroup 없이 그냥 멈춥니다. 그 파티션은 더 읽히지 않는데도 그룹은 Stable입니다. 언제까지일까요?`,
      },
      hints: [
        {
          en: `This lesson's consumers have session.timeout.ms = ${SESSION_MS / 1000} s (the default is 45 s); the cluster runs at ${SPEED}×.`,
          ko: `이 레슨의 컨슈머는 session.timeout.ms가 ${SESSION_MS / 1000}초입니다(기본값은 45초). 클러스터는 ${SPEED}배속으로 돕니다.`,
        },
      ],
      takeaway: {
        en: '"Removing member … on heartbeat expiration": only when session.timeout.ms passed without a heartbeat did the coordinator give up on it and rebalance. Until then its partitions were not read: a crash costs up to a whole session timeout.',
        ko: '"Removing member … on heartbeat expiration": 하트비트 없이 session.timeout.ms가 지나고서야 코디네이터가 멤버를 포기하고 리밸런스했습니다. 그때까지 그 파티션은 읽히지 않았습니다. 크래시는 최대 세션 타임아웃 한 번만큼의 공백을 남깁니다.',
      },
      start: (ctx) => lastTimelineId(ctx.state()),
      check: (ctx, afterId) => {
        const state = ctx.state();
        return groupsChangedFor(state, afterId, DYNAMIC_GROUPS, "on heartbeat expiration").some(
          (groupId) => {
            const group = state.groups[groupId];
            return group?.state === "Empty" || settledOver(state, groupId, TOPICS);
          },
        );
      },
      showMe: async (ctx) => {
        const crashing = liveConsumersIn(ctx.state(), COOPERATIVE).at(-1);
        if (crashing) await ctx.must(ctx.actions.crashConsumer(crashing.id));
      },
    }),
    step<StaticBaseline>({
      id: "static-restart",
      narration: {
        en: `${STATIC} has two static members (group.instance.id ${STATIC_IDS.join(" and ")}, session.timeout.ms ${STATIC_SESSION_MS / 1000} s). Restart one: crash it, then add a consumer to ${STATIC} with the same group.instance.id. Watch the generation on the card.`,
        ko: `${STATIC}에는 정적 멤버 둘이 있습니다(group.instance.id ${STATIC_IDS.join(", ")}, session.timeout.ms ${STATIC_SESSION_MS / 1000}초). 하나를 재시작하세요. 크래시한 뒤 같은 group.instance.id로 ${STATIC}에 컨슈머를 추가합니다. 카드의 세대(generation)를 지켜보세요.`,
      },
      hints: [
        {
          en: `The group.instance.id field is in the consumer dialog. Be back within ${STATIC_SESSION_MS / 1000} s of cluster time (${STATIC_SESSION_MS / 1000 / SPEED} s at ${SPEED}×).`,
          ko: `group.instance.id 칸은 컨슈머 창에 있습니다. 클러스터 시간으로 ${STATIC_SESSION_MS / 1000}초 안에 돌아와야 합니다(${SPEED}배속이면 ${STATIC_SESSION_MS / 1000 / SPEED}초).`,
        },
      ],
      takeaway: {
        en: "The generation did not change: the coordinator recognised the instance id, gave the new member the old one's place and partitions, and nobody else was disturbed. A static member is only replaced after its session times out.",
        ko: "세대가 바뀌지 않았습니다. 코디네이터가 instance id를 알아보고 새 멤버에게 옛 멤버의 자리와 파티션을 그대로 주었고, 다른 멤버는 아무 영향도 받지 않았습니다. 정적 멤버는 세션이 만료되어야만 교체됩니다.",
      },
      start: (ctx) => {
        const state = ctx.state();
        return {
          generation: state.groups[STATIC]?.generation ?? -1,
          consumerIds: consumersIn(state, STATIC).map((consumer) => consumer.id),
        };
      },
      check: (ctx, before) => {
        const state = ctx.state();
        const group = state.groups[STATIC];
        if (!group || group.generation !== before.generation) return false;
        if (!settledOver(state, STATIC, TOPICS, STATIC_IDS.length)) return false;
        const owners = assignmentOf(group, TOPICS);
        return consumersIn(state, STATIC).some(
          (consumer) =>
            !before.consumerIds.includes(consumer.id) &&
            consumer.settings.groupInstanceId !== "" &&
            isRunning(consumer) &&
            consumer.memberId !== null &&
            (owners.get(consumer.memberId)?.length ?? 0) > 0,
        );
      },
      showMe: async (ctx) => {
        const restarting = liveConsumersIn(ctx.state(), STATIC)[0];
        if (!restarting) return;
        await ctx.must(ctx.actions.crashConsumer(restarting.id));
        await ctx.sleep(1_000);
        await ctx.must(ctx.actions.addConsumer(restarting.settings));
      },
    }),
  ],
  summary: {
    en: "A rebalance moves partitions between members. Eager protocols stop everyone; cooperative ones stop only what moves. A clean leave rebalances at once, a crash only after session.timeout.ms. A static member that comes back within its session timeout keeps its place without any rebalance.",
    ko: "리밸런스는 멤버 사이에 파티션을 옮깁니다. eager 프로토콜은 모두를 멈추고, cooperative는 옮겨 가는 것만 멈춥니다. 깔끔히 떠나면 바로, 크래시하면 session.timeout.ms가 지나서야 리밸런스합니다. 세션 타임아웃 안에 돌아온 정적 멤버는 리밸런스 없이 제자리를 지킵니다.",
  },
};
