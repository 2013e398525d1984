/**
 * Lesson 4: assignors. Four groups, one per assignor, each with the same number of members
 * subscribed to the same two topics of three partitions, side by side. Range splits each
 * topic on its own (so the first members get the odd partition of every topic), roundrobin
 * deals all partitions out again at each change, sticky and cooperative-sticky keep what
 * each member had and move only what they must.
 */
import {
  defaultConsumerSettings,
  type AssignorName,
  type ConsumerSettings,
} from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { assignmentOf, liveConsumersIn, settledOver } from "./03-groups-queries.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC_A = "lesson-assign-a";
const TOPIC_B = "lesson-assign-b";
const TOPICS = [TOPIC_A, TOPIC_B];
const PARTITIONS = 3;
const MEMBERS = 3;
const SETTLE_MS = 60_000;

const GROUPS: Record<AssignorName, string> = {
  range: "lesson-range",
  roundrobin: "lesson-roundrobin",
  sticky: "lesson-sticky",
  "cooperative-sticky": "lesson-cooperative-sticky",
};
const ASSIGNORS = Object.keys(GROUPS) as AssignorName[];
const STICKY: readonly AssignorName[] = ["sticky", "cooperative-sticky"];

function memberSettings(assignor: AssignorName): ConsumerSettings {
  return {
    ...defaultConsumerSettings(TOPIC_A, GROUPS[assignor]),
    assignor,
    extraTopics: [TOPIC_B],
  };
}

/** Every group Stable with `members` members, each partition of both topics owned once. */
function allSettled(state: PlaygroundState, members: number): boolean {
  return ASSIGNORS.every((assignor) => {
    const group = state.groups[GROUPS[assignor]];
    return (
      settledOver(state, GROUPS[assignor], TOPICS, members) && group?.members.length === members
    );
  });
}

/** Each group's generation and who owned what, when the step began. */
interface Before {
  generations: Record<string, number>;
  owned: Record<string, Map<string, string[]>>;
}

function snapshot(state: PlaygroundState): Before {
  const before: Before = { generations: {}, owned: {} };
  for (const groupId of Object.values(GROUPS)) {
    const group = state.groups[groupId];
    before.generations[groupId] = group?.generation ?? -1;
    before.owned[groupId] = group ? assignmentOf(group, TOPICS) : new Map();
  }
  return before;
}

/**
 * Every group rebalanced since `before` into a settled group whose member count went the
 * way `grew` says (more members, or fewer but some).
 */
function allRebalanced(state: PlaygroundState, before: Before, grew: boolean): boolean {
  return Object.values(GROUPS).every((groupId) => {
    const group = state.groups[groupId];
    const was = before.owned[groupId]!.size;
    if (!group || group.generation <= before.generations[groupId]!) return false;
    const count = group.members.length;
    return settledOver(state, groupId, TOPICS) && (grew ? count > was : count < was);
  });
}

/** The members that stayed kept every partition they had (the sticky assignors' promise). */
export function stayersKeptTheirs(
  before: ReadonlyMap<string, string[]>,
  now: ReadonlyMap<string, string[]>,
): boolean {
  return [...now].every(([memberId, owned]) =>
    (before.get(memberId) ?? []).every((partition) => owned.includes(partition)),
  );
}

async function addMembers(ctx: LessonContext, perGroup: number): Promise<void> {
  for (let n = 0; n < perGroup; n++) {
    for (const assignor of ASSIGNORS) {
      await ctx.must(ctx.actions.addConsumer(memberSettings(assignor)));
    }
  }
}

export const assignorsLesson: Lesson = {
  id: "assignors",
  title: { en: "Four assignors, side by side", ko: "어사이너 네 가지 나란히 보기" },
  question: {
    en: "What does partition.assignment.strategy change: range, roundrobin, sticky or cooperative-sticky?",
    ko: "partition.assignment.strategy는 무엇을 바꿀까? range, roundrobin, sticky, cooperative-sticky",
  },
  setup: async (ctx) => {
    // Rebalances wait for members' heartbeats (every 3 s): twice as fast, half the wait.
    await prepareCluster(ctx, {
      brokers: 3,
      groups: Object.values(GROUPS),
      topics: TOPICS.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 3 })),
      speed: 2,
    });
    await addMembers(ctx, MEMBERS);
    await ctx.until(
      (state) => allSettled(state, MEMBERS),
      `four groups of ${MEMBERS} members`,
      SETTLE_MS,
    );
  },
  steps: [
    step<Before>({
      id: "one-leaves",
      narration: {
        en: `Four groups, one per assignor, each with ${MEMBERS} members subscribed to ${TOPIC_A} and ${TOPIC_B} (${PARTITIONS} partitions each). Close one consumer in every group, then compare the four cards: who got the leaver's partitions, and what did the others keep?`,
        ko: `어사이너마다 그룹 하나씩, 네 그룹에 멤버가 ${MEMBERS}명씩 있고 모두 ${TOPIC_A}와 ${TOPIC_B}(각각 파티션 ${PARTITIONS}개)를 구독합니다. 그룹마다 컨슈머를 하나씩 닫고 네 카드를 비교하세요. 떠난 멤버의 파티션은 누가 받았고, 남은 멤버는 무엇을 지켰나요?`,
      },
      hints: [
        {
          en: 'Each consumer row on a group card has "Close" (it leaves with LeaveGroup, so the group rebalances at once).',
          ko: '그룹 카드의 컨슈머 줄마다 "닫기"가 있습니다(LeaveGroup을 보내고 떠나므로 그룹이 바로 리밸런스합니다).',
        },
        {
          en: "Count the chips: two topics × three partitions = six per group.",
          ko: "칩을 세어 보세요. 토픽 둘 × 파티션 셋 = 그룹마다 여섯 개입니다.",
        },
      ],
      takeaway: {
        en: "range: one member has four partitions and the other two, because it splits each topic on its own and the first member takes the extra partition of both. roundrobin: three and three, but dealt out afresh. sticky and cooperative-sticky: three and three, and each stayer kept the two it had, taking one of the leaver's.",
        ko: "range: 한 멤버가 넷, 다른 멤버가 둘입니다. 토픽마다 따로 나누니, 남는 파티션을 두 토픽 모두 첫 멤버가 가져갑니다. roundrobin: 셋과 셋이지만 새로 나눠 줍니다. sticky와 cooperative-sticky: 셋과 셋이고, 남은 멤버는 갖고 있던 둘을 지키고 떠난 멤버의 것을 하나씩 받습니다.",
      },
      start: (ctx) => snapshot(ctx.state()),
      check: (ctx, before) => {
        const state = ctx.state();
        if (!allRebalanced(state, before, false)) return false;
        return STICKY.every((assignor) => {
          const groupId = GROUPS[assignor];
          const now = assignmentOf(state.groups[groupId]!, TOPICS);
          return stayersKeptTheirs(before.owned[groupId]!, now);
        });
      },
      showMe: async (ctx) => {
        for (const groupId of Object.values(GROUPS)) {
          const leaving = liveConsumersIn(ctx.state(), groupId)[0];
          if (leaving) await ctx.must(ctx.actions.closeConsumer(leaving.id));
        }
      },
    }),
    step<Before>({
      id: "one-joins",
      narration: {
        en: `Now one new member joins each group again, subscribed to both topics like the others. Which assignor moves the fewest partitions?`,
        ko: `이번에는 그룹마다 새 멤버가 하나씩 다시 들어옵니다. 다른 멤버처럼 두 토픽을 모두 구독합니다. 어떤 어사이너가 파티션을 가장 적게 옮기나요?`,
      },
      hints: [
        {
          en: `Drop a Consumer on each group card and tick ${TOPIC_B} under "Also subscribe to": a member with another subscription would get another share. Four new members by hand take a while; "Show me" adds them for you.`,
          ko: `그룹 카드마다 Consumer를 끌어다 놓고 "함께 구독할 토픽"에서 ${TOPIC_B}를 체크하세요. 구독이 다른 멤버는 몫도 달라집니다. 네 멤버를 손으로 넣기는 번거로우니 "보여 주기"가 대신 넣어 줍니다.`,
        },
      ],
      takeaway: {
        en: "sticky and cooperative-sticky hand the newcomer one partition from each of the others and move nothing else: two moves. range and roundrobin recompute from scratch and usually move more. cooperative-sticky also let the others keep reading what they kept during the rebalance (next lesson).",
        ko: "sticky와 cooperative-sticky는 새 멤버에게 다른 멤버마다 하나씩 넘겨줄 뿐 나머지는 옮기지 않습니다. 옮긴 것은 둘뿐입니다. range와 roundrobin은 처음부터 다시 계산해서 보통 더 많이 옮깁니다. cooperative-sticky는 리밸런스 중에도 남은 파티션을 계속 읽게 둡니다(다음 레슨).",
      },
      start: (ctx) => snapshot(ctx.state()),
      check: (ctx, before) => allRebalanced(ctx.state(), before, true),
      showMe: (ctx) => addMembers(ctx, 1),
    }),
  ],
  summary: {
    en: "The assignor decides who reads what. range works topic by topic and can pile partitions on the first members; roundrobin balances over all topics but reshuffles on every change; sticky balances and moves as little as it can; cooperative-sticky does the same without stopping the partitions that stay.",
    ko: "누가 무엇을 읽을지는 어사이너가 정합니다. range는 토픽별로 나눠서 앞쪽 멤버에게 파티션이 몰릴 수 있고, roundrobin은 모든 토픽을 고르게 나누지만 바뀔 때마다 다시 섞습니다. sticky는 고르게 나누면서 되도록 적게 옮기고, cooperative-sticky는 같은 일을 하면서 남는 파티션은 멈추지 않습니다.",
  },
};
