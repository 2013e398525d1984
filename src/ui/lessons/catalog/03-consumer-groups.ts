/**
 * Lesson 3: consumer groups. Within a group each partition has exactly one owner, so a
 * group's members share the work; a member beyond the partition count has nothing to do;
 * and another group is another reader: it gets every partition again, with its own offsets.
 */
import { defaultConsumerSettings, defaultProducerSettings } from "../../store/clients-slice.ts";
import { openTopicTapes } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { partitionEnds } from "./02-keys-queries.ts";
import { committedUpTo, idleMembers, loads, settledOver } from "./03-groups-queries.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-groups";
const PARTITIONS = 3;
const BILLING = "lesson-billing";
const AUDIT = "lesson-audit";
const TOPICS = [TOPIC];

const addConsumers = async (ctx: LessonContext, groupId: string, count: number) => {
  for (let n = 0; n < count; n++) {
    await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, groupId)));
  }
};

const joinHint = {
  en: 'Drop the consumer on the group\'s card (right), or press Consumer in the palette and pick the group under "Join an existing group".',
  ko: '컨슈머를 오른쪽 그룹 카드 위에 놓거나, 팔레트의 컨슈머를 누르고 "기존 그룹에 조인"에서 그룹을 고르세요.',
};

export const consumerGroupsLesson: Lesson = {
  id: "consumer-groups",
  title: { en: "Consumer groups share partitions", ko: "컨슈머 그룹은 파티션을 나눠 갖는다" },
  question: {
    en: "If I start more consumers, do they read the same records or share them?",
    ko: "컨슈머를 더 띄우면 같은 레코드를 읽을까, 나눠 읽을까?",
  },
  setup: async (ctx) => {
    // Joins (group.initial.rebalance.delay.ms, 3 s), heartbeats (3 s) and auto commits (5 s)
    // twice as fast.
    await prepareCluster(ctx, {
      brokers: 3,
      groups: [BILLING, AUDIT],
      topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
      speed: 2,
    });
    // Records keep coming, so the groups have something to read.
    await ctx.must(ctx.actions.addProducer({ ...defaultProducerSettings(TOPIC), ratePerSec: 3 }));
    // Each group's committed offset shows as its mark under the tapes.
    openTopicTapes(TOPIC);
  },
  steps: [
    step({
      id: "first-member",
      narration: {
        en: `A producer is writing to ${TOPIC} (${PARTITIONS} partitions). Drag a consumer onto the topic in a new group ${BILLING}. On its group card: which partitions does it get?`,
        ko: `프로듀서가 ${TOPIC}(파티션 ${PARTITIONS}개)에 쓰고 있습니다. 컨슈머를 토픽 위로 끌어다 새 그룹 ${BILLING}에 넣으세요. 그룹 카드에서 어떤 파티션을 받는지 보세요.`,
      },
      hints: [
        {
          en: `Consumer is in the palette on the left (or press it for a menu). In the dialog, set group.id to ${BILLING}.`,
          ko: `컨슈머는 왼쪽 팔레트에 있습니다(눌러서 메뉴를 열어도 됩니다). 창에서 group.id를 ${BILLING}로 하세요.`,
        },
      ],
      takeaway: {
        en: "Alone in its group, the consumer owns all three partitions: the group as a whole reads the topic, and so far it is one member.",
        ko: "그룹에 혼자인 컨슈머는 파티션 세 개를 모두 갖습니다. 토픽을 읽는 것은 그룹 전체이고, 지금은 멤버가 하나뿐입니다.",
      },
      check: (ctx) => settledOver(ctx.state(), BILLING, TOPICS),
      showMe: (ctx) => addConsumers(ctx, BILLING, 1),
    }),
    step({
      id: "one-each",
      narration: {
        en: `Add two more consumers to ${BILLING}. The group rebalances: watch each member's partition chips on the card.`,
        ko: `${BILLING}에 컨슈머를 두 개 더 추가하세요. 그룹이 리밸런스합니다. 카드에서 멤버마다 파티션 칩을 보세요.`,
      },
      hints: [joinHint],
      takeaway: {
        en: "Each partition now has exactly one owner in the group, one partition per member: the members split the work, and records of one partition are read in order by one member.",
        ko: "이제 그룹 안에서 파티션마다 주인이 딱 하나, 멤버마다 파티션 하나입니다. 멤버들이 일을 나눠 맡고, 한 파티션의 레코드는 한 멤버가 순서대로 읽습니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const group = state.groups[BILLING];
        return (
          !!group &&
          settledOver(state, BILLING, TOPICS, PARTITIONS) &&
          loads(group, TOPICS)[0] === 1
        );
      },
      showMe: (ctx) => addConsumers(ctx, BILLING, 2),
    }),
    step({
      id: "idle-member",
      narration: {
        en: `Add a fourth consumer to ${BILLING}: four members, ${PARTITIONS} partitions.`,
        ko: `${BILLING}에 네 번째 컨슈머를 추가하세요. 멤버는 넷, 파티션은 ${PARTITIONS}개입니다.`,
      },
      hints: [joinHint],
      takeaway: {
        en: 'One member has "no partitions": a partition is never split between members of a group, so members beyond the partition count stand idle (ready to take over if another leaves). The partition count caps a group\'s parallelism.',
        ko: '한 멤버는 "파티션 없음"입니다. 그룹 안에서 파티션은 멤버끼리 쪼개지지 않으므로, 파티션 수보다 많은 멤버는 놀게 됩니다(다른 멤버가 떠나면 이어받을 준비는 되어 있습니다). 그룹의 병렬성은 파티션 수가 한계입니다.',
      },
      check: (ctx) => {
        const state = ctx.state();
        const group = state.groups[BILLING];
        return (
          !!group &&
          settledOver(state, BILLING, TOPICS, PARTITIONS + 1) &&
          idleMembers(group, TOPICS).length > 0
        );
      },
      showMe: (ctx) => addConsumers(ctx, BILLING, 1),
    }),
    step<number[]>({
      id: "second-group",
      narration: {
        en: `Now drag a consumer onto ${TOPIC} in another new group, ${AUDIT}. Does it take partitions from ${BILLING}? Watch both groups' marks under the tapes: each group's committed offset.`,
        ko: `이번에는 컨슈머를 ${TOPIC} 위로 끌어다 또 다른 새 그룹 ${AUDIT}에 넣으세요. ${BILLING}의 파티션을 빼앗을까요? 테이프 아래 두 그룹의 표시, 곧 그룹마다 커밋한 오프셋을 보세요.`,
      },
      hints: [
        {
          en: `Drop it on the topic, not on a group card, and type ${AUDIT} as group.id.`,
          ko: `그룹 카드가 아니라 토픽 위에 놓고 group.id에 ${AUDIT}를 입력하세요.`,
        },
      ],
      takeaway: {
        en: `No: ${AUDIT} gets all three partitions for itself and reads every record from the beginning, while ${BILLING} goes on as before. Each group keeps its own committed offsets; two groups are two independent readers of the same log.`,
        ko: `아닙니다. ${AUDIT}는 파티션 세 개를 모두 따로 받아 처음부터 모든 레코드를 읽고, ${BILLING}은 하던 대로 계속합니다. 그룹마다 커밋 오프셋을 따로 가지니, 두 그룹은 같은 로그를 따로 읽는 두 독자입니다.`,
      },
      start: (ctx) => partitionEnds(ctx.state(), TOPIC),
      check: (ctx, ends) => {
        const state = ctx.state();
        return (
          settledOver(state, AUDIT, TOPICS) &&
          settledOver(state, BILLING, TOPICS, PARTITIONS) &&
          committedUpTo(state, AUDIT, TOPIC, ends) &&
          committedUpTo(state, BILLING, TOPIC, ends)
        );
      },
      showMe: (ctx) => addConsumers(ctx, AUDIT, 1),
    }),
  ],
  summary: {
    en: "Within a group, each partition goes to exactly one member: members share the partitions, and any beyond the partition count sit idle. Different groups do not share: each reads every record, with its own offsets.",
    ko: "그룹 안에서 파티션은 정확히 한 멤버에게 갑니다. 멤버들은 파티션을 나눠 갖고, 파티션 수를 넘는 멤버는 놉니다. 다른 그룹끼리는 나누지 않습니다. 그룹마다 모든 레코드를 자기 오프셋으로 읽습니다.",
  },
};
