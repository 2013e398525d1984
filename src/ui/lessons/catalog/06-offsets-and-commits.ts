/**
 * Lesson 6: offsets and commits. A group's committed offset is where its next member will
 * start. Auto commit commits what was processed every auto.commit.interval.ms, so a crash
 * between two commits hands processed records out again (at least once); committing
 * before processing makes a crash skip records nobody processed (at most once). The
 * commits themselves are records in __consumer_offsets.
 */
import {
  defaultConsumerSettings,
  defaultProducerSettings,
  type ConsumerSettings,
} from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { openTopicTapes, showDockTab } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { committedOffset, consumersIn, leaderLeo } from "../lesson-queries.ts";
import { liveConsumersIn } from "./03-groups-queries.ts";
import {
  aheadOfCommit,
  behindCommit,
  offsetsPartitionOf,
  redelivered,
  skipped,
} from "./06-commit-queries.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-commits";
const PARTITION = `${TOPIC}:0`;
const AT_LEAST_ONCE = "lesson-at-least-once";
const AT_MOST_ONCE = "lesson-at-most-once";
const OFFSETS_TOPIC = "__consumer_offsets";
const OFFSETS_PARTITION = offsetsPartitionOf(AT_LEAST_ONCE);
/** Short (the broker's minimum is 6 s), so a crashed member's partition is freed soon. */
const SESSION_MS = 10_000;
const SPEED = 2;
const CRASH_WINDOW_MS = 30_000;
/** "Show me" crashes the hasty consumer once this many fetched records are left unprocessed. */
const SKIPPED_AT_LEAST = 5;

const careful: ConsumerSettings = {
  ...defaultConsumerSettings(TOPIC, AT_LEAST_ONCE),
  processingDelayMs: 100,
  sessionTimeoutMs: SESSION_MS,
};

const hasty: ConsumerSettings = {
  ...defaultConsumerSettings(TOPIC, AT_MOST_ONCE),
  processingDelayMs: 1_000,
  sessionTimeoutMs: SESSION_MS,
  autoCommit: false,
  commitBeforeProcessing: true,
};

/**
 * Crashes the group's member once `ready` finds one (a crash must fall between its
 * commit and its processing to show anything), then starts a plain member in its place.
 */
async function crashThenReplace(
  ctx: LessonContext,
  groupId: string,
  ready: (state: PlaygroundState) => unknown,
): Promise<void> {
  const crashed = consumersIn(ctx.state(), groupId).some((c) => c.status === "crashed");
  if (!crashed) {
    await ctx.until((state) => !!ready(state), `a member of ${groupId} to crash`, CRASH_WINDOW_MS);
    const victim = liveConsumersIn(ctx.state(), groupId)[0];
    if (victim) await ctx.must(ctx.actions.crashConsumer(victim.id));
  }
  await ctx.must(
    ctx.actions.addConsumer({
      ...defaultConsumerSettings(TOPIC, groupId),
      sessionTimeoutMs: SESSION_MS,
    }),
  );
}

interface OffsetsBaseline {
  /** The __consumer_offsets partition holding the group's commits, and its end then. */
  partition: number;
  leo: number;
}

export const offsetsAndCommitsLesson: Lesson = {
  id: "offsets-and-commits",
  title: { en: "Offsets and commits", ko: "오프셋과 커밋" },
  question: {
    en: "When a consumer crashes, does its replacement read some records twice, or miss some?",
    ko: "컨슈머가 죽으면, 뒤를 잇는 컨슈머는 어떤 레코드를 두 번 읽을까, 아니면 놓칠까?",
  },
  setup: async (ctx) => {
    // auto.commit.interval.ms (5 s) and the session timeout pass four times as fast.
    await prepareCluster(ctx, {
      brokers: 3,
      groups: [AT_LEAST_ONCE, AT_MOST_ONCE],
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }],
      speed: SPEED,
    });
    await ctx.must(ctx.actions.addProducer({ ...defaultProducerSettings(TOPIC), ratePerSec: 4 }));
    await ctx.must(ctx.actions.addConsumer(careful));
    await ctx.must(ctx.actions.addConsumer(hasty));
    // The two groups' marks under the tape are their committed offsets.
    openTopicTapes(TOPIC);
  },
  steps: [
    step({
      id: "at-least-once",
      narration: {
        en: `${AT_LEAST_ONCE}'s consumer auto commits: every auto.commit.interval.ms (5 s) it commits what it has processed, and its group's mark under the tape jumps forward. Crash it between two jumps, then add a new consumer to ${AT_LEAST_ONCE}. Where does the new one start?`,
        ko: `${AT_LEAST_ONCE}의 컨슈머는 자동 커밋합니다. auto.commit.interval.ms(5초)마다 처리한 데까지 커밋하고, 테이프 아래 그룹 표시가 앞으로 뜁니다. 두 번 뛰는 사이에 크래시한 뒤 ${AT_LEAST_ONCE}에 새 컨슈머를 추가하세요. 새 컨슈머는 어디서부터 읽을까요?`,
      },
      hints: [
        {
          en: `"Crash" is on the consumer's row in the group card. The new member waits until the crashed one's session times out (session.timeout.ms = ${SESSION_MS / 1000} s here; the cluster runs at ${SPEED}×), then gets the partition.`,
          ko: `"크래시"는 그룹 카드의 컨슈머 줄에 있습니다. 새 멤버는 크래시한 멤버의 세션이 만료될 때까지(여기서는 session.timeout.ms = ${SESSION_MS / 1000}초, 클러스터는 ${SPEED}배속) 기다렸다가 파티션을 받습니다.`,
        },
      ],
      takeaway: {
        en: "It started at the last committed offset, behind the records the crashed consumer had already processed: those were delivered again. Auto commit (like any commit after processing) is at least once: a crash means duplicates, never gaps.",
        ko: "새 컨슈머는 마지막으로 커밋된 오프셋, 곧 크래시한 컨슈머가 이미 처리한 레코드보다 앞에서 시작했습니다. 그 레코드는 다시 전달되었습니다. 자동 커밋은(처리한 뒤 커밋하는 모든 방식처럼) 최소 한 번입니다. 크래시하면 중복은 생겨도 빠지는 레코드는 없습니다.",
      },
      check: (ctx) => redelivered(ctx.state(), AT_LEAST_ONCE) !== undefined,
      showMe: (ctx) =>
        crashThenReplace(ctx, AT_LEAST_ONCE, (state) =>
          aheadOfCommit(state, AT_LEAST_ONCE, PARTITION),
        ),
    }),
    step({
      id: "at-most-once",
      narration: {
        en: `${AT_MOST_ONCE}'s consumer commits each batch it fetches before processing it, and processes slowly (1 s a record). Its mark runs ahead of what it has processed. Crash it, then add a new consumer to ${AT_MOST_ONCE}. Where does this one start?`,
        ko: `${AT_MOST_ONCE}의 컨슈머는 가져온 배치를 처리하기 전에 먼저 커밋하고, 처리는 느립니다(레코드당 1초). 그래서 그룹 표시가 실제로 처리한 곳보다 앞서 갑니다. 크래시한 뒤 ${AT_MOST_ONCE}에 새 컨슈머를 추가하세요. 이번에는 어디서부터 읽을까요?`,
      },
      hints: [
        {
          en: "Its lag looks small: lag is measured from the committed offset, not from what was processed.",
          ko: "랙은 작아 보입니다. 랙은 처리한 곳이 아니라 커밋된 오프셋에서 재기 때문입니다.",
        },
      ],
      takeaway: {
        en: "It started at the committed offset, past records the crashed consumer had fetched but never processed: nobody will process them. Committing before processing is at most once: no duplicates, but a crash loses records.",
        ko: "새 컨슈머는 커밋된 오프셋에서 시작했고, 크래시한 컨슈머가 가져오기만 하고 처리하지 못한 레코드를 건너뛰었습니다. 아무도 그 레코드를 처리하지 않습니다. 처리 전에 커밋하면 최대 한 번입니다. 중복은 없지만 크래시하면 레코드를 잃습니다.",
      },
      check: (ctx) => skipped(ctx.state(), AT_MOST_ONCE) !== undefined,
      showMe: (ctx) =>
        crashThenReplace(ctx, AT_MOST_ONCE, (state) =>
          behindCommit(state, AT_MOST_ONCE, PARTITION, SKIPPED_AT_LEAST),
        ),
    }),
    step<OffsetsBaseline>({
      id: "offsets-topic",
      narration: {
        en: `Where do commits go? To a topic: ${OFFSETS_TOPIC}, partition ${OFFSETS_PARTITION} for ${AT_LEAST_ONCE} (hash of the group id mod 50; its leader is the group's coordinator). Close the consumer in ${AT_LEAST_ONCE}: closing commits what it processed, one more record there. Then open Log (segments) in the dock, pick ${OFFSETS_TOPIC}-${OFFSETS_PARTITION}, and read the records.`,
        ko: `커밋은 어디에 저장될까요? 토픽입니다. ${AT_LEAST_ONCE}의 커밋은 ${OFFSETS_TOPIC}의 파티션 ${OFFSETS_PARTITION}에 쌓입니다(그룹 id의 해시를 50으로 나눈 나머지, 그 리더가 그룹 코디네이터). ${AT_LEAST_ONCE}의 컨슈머를 닫으세요. 닫으면서 처리한 데까지 커밋하니 레코드가 하나 더 쌓입니다. 그다음 독의 로그(세그먼트)에서 ${OFFSETS_TOPIC}-${OFFSETS_PARTITION}을 골라 레코드를 읽어 보세요.`,
      },
      hints: [
        {
          en: `The Log (segments) tab runs kafka-dump-log with --offsets-decoder for ${OFFSETS_TOPIC}. In the terminal: kafka-dump-log --offsets-decoder --files broker-1/${OFFSETS_TOPIC}-${OFFSETS_PARTITION}/00000000000000000000.log (on a broker that hosts it).`,
          ko: `로그(세그먼트) 탭은 ${OFFSETS_TOPIC}에 --offsets-decoder를 붙여 kafka-dump-log를 실행합니다. 터미널에서는: kafka-dump-log --offsets-decoder --files broker-1/${OFFSETS_TOPIC}-${OFFSETS_PARTITION}/00000000000000000000.log (그 파티션을 가진 브로커에서).`,
        },
      ],
      takeaway: {
        en: `Each commit is a record: key offset_commit::group=${AT_LEAST_ONCE},partition=${TOPIC}-0, value the offset. ${OFFSETS_TOPIC} is compacted, so only the newest commit per key is kept for good; OffsetFetch (and the admin client) read the latest one.`,
        ko: `커밋 하나가 레코드 하나입니다. 키는 offset_commit::group=${AT_LEAST_ONCE},partition=${TOPIC}-0, 값은 오프셋입니다. ${OFFSETS_TOPIC}는 컴팩션되는 토픽이라 키마다 가장 새 커밋만 끝까지 남고, OffsetFetch(와 admin 클라이언트)는 그 최신 값을 읽습니다.`,
      },
      start: (ctx) => {
        const partition = ctx.state().groups[AT_LEAST_ONCE]?.coordinatorPartition ?? -1;
        const index = partition >= 0 ? partition : OFFSETS_PARTITION;
        return { partition: index, leo: Math.max(0, leaderLeo(ctx.state(), OFFSETS_TOPIC, index)) };
      },
      check: async (ctx, before) => {
        const state = ctx.state();
        if (liveConsumersIn(state, AT_LEAST_ONCE).length > 0) return false;
        if (leaderLeo(state, OFFSETS_TOPIC, before.partition) <= before.leo) return false;
        // The page's committed offset is what the coordinator answers to OffsetFetch.
        const [offsets] = await ctx
          .admin()
          .fetchOffsets({ groupId: AT_LEAST_ONCE, topics: [TOPIC] });
        const fetched = Number(offsets?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
        return fetched > 0 && fetched === committedOffset(ctx.state(), AT_LEAST_ONCE, TOPIC, 0);
      },
      showMe: async (ctx) => {
        for (const consumer of liveConsumersIn(ctx.state(), AT_LEAST_ONCE)) {
          await ctx.must(ctx.actions.closeConsumer(consumer.id));
        }
        showDockTab("segments");
      },
    }),
  ],
  summary: {
    en: "A group's committed offset is only a bookmark, stored as a record in __consumer_offsets. Commit after processing and a crash repeats records (at least once); commit before and a crash loses them (at most once). Make processing idempotent, or commit together with the results.",
    ko: "그룹이 커밋한 오프셋은 책갈피일 뿐이고, __consumer_offsets에 레코드로 저장됩니다. 처리한 뒤 커밋하면 크래시 때 레코드가 반복되고(최소 한 번), 먼저 커밋하면 잃습니다(최대 한 번). 처리를 멱등하게 만들거나 결과와 함께 커밋하세요.",
  },
};
