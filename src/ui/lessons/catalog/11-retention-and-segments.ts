/**
 * Lesson 11: retention deletes data whether or not anyone read it. A partition's log is a
 * row of segment files; the last one is active (appended to), the others are closed.
 * Retention (retention.ms, retention.bytes) deletes closed segments whole, oldest first,
 * when the broker's periodic check (log.retention.check.interval.ms) runs, and moves the
 * log start offset. A group whose committed offset falls below it gets OFFSET_OUT_OF_RANGE
 * and starts again where auto.offset.reset says.
 */
import { defaultConsumerSettings, defaultProducerSettings } from "../../store/clients-slice.ts";
import { openTopicTapes } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import { committedOffset, consumersIn, groupOf } from "../lesson-queries.ts";
import { logStartOf, recordsAndRolls } from "./log-queries.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-retention";
const GROUP = "lesson-retention-readers";
/** About ten small records a segment, so segments roll every few seconds. */
const SEGMENT_BYTES = "1024";
/** Node time: the log keeps about the last 20 s of records (at 4×, 5 s of wall time). */
const RETENTION_MS = "20000";

export const retentionAndSegmentsLesson: Lesson = {
  id: "retention-and-segments",
  title: { en: "Retention and segments", ko: "보존 기간과 세그먼트" },
  question: {
    en: "Is data deleted even if nobody has consumed it?",
    ko: "아무도 읽지 않은 데이터도 지워질까?",
  },
  // Kafka's timers run on node time; 4× keeps the waits short.
  setup: (ctx) =>
    prepareCluster(ctx, {
      brokers: 3,
      groups: [GROUP],
      topics: [
        {
          topic: TOPIC,
          numPartitions: 1,
          replicationFactor: 3,
          configEntries: [{ name: "segment.bytes", value: SEGMENT_BYTES }],
        },
      ],
      speed: 4,
    }),
  steps: [
    step<number>({
      id: "segments",
      narration: {
        en: `Drag a producer onto ${TOPIC} and open its tape. The topic has segment.bytes=${SEGMENT_BYTES}: every kilobyte or so the broker closes the segment file it is appending to and starts a new one. Watch the tape: a gap in it marks where a new segment begins.`,
        ko: `프로듀서를 ${TOPIC} 위로 끌어다 놓고 테이프를 여세요. 이 토픽은 segment.bytes=${SEGMENT_BYTES}라서, 1KB쯤마다 브로커가 덧붙이던 세그먼트 파일을 닫고 새 파일을 시작합니다. 테이프를 지켜보세요: 틈이 벌어진 곳에서 새 세그먼트가 시작됩니다.`,
      },
      hints: [
        {
          en: "Producer is in the palette on the left; focus it and press Enter for a menu if you prefer the keyboard.",
          ko: "Producer는 왼쪽 팔레트에 있습니다. 키보드로 하려면 포커스를 두고 Enter를 눌러 메뉴를 여세요.",
        },
        {
          en: "The dock's Log (segments) tab lists the partition's files on each broker: one .log per segment, named by its base offset.",
          ko: "아래 독의 로그(세그먼트) 탭에 브로커별 파티션 파일이 나옵니다: 세그먼트마다 .log 파일 하나, 이름은 기준 오프셋입니다.",
        },
      ],
      takeaway: {
        en: "A partition is not one file but a row of segments. Only the last, the active segment, is written to; the others are closed and never change again.",
        ko: "파티션은 파일 하나가 아니라 세그먼트들의 줄입니다. 마지막 활성 세그먼트에만 쓰고, 나머지는 닫혀서 다시는 바뀌지 않습니다.",
      },
      ...recordsAndRolls(TOPIC, 20, 2),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 3,
            valueTemplate: "reading #{n} from sensor {key}",
          }),
        );
        openTopicTapes(TOPIC);
      },
    }),
    step({
      id: "bookmark",
      narration: {
        en: `Now a reader that stops early: add a consumer to ${TOPIC} in group ${GROUP}, let it commit, then close it. The group keeps its committed offset (its bookmark) although no member is left.`,
        ko: `이제 일찍 멈추는 독자를 만듭니다. ${TOPIC}에 그룹 ${GROUP}로 컨슈머를 추가해 커밋하게 한 뒤 닫으세요. 멤버가 하나도 없어도 그룹은 커밋한 오프셋(책갈피)을 간직합니다.`,
      },
      hints: [
        {
          en: `Drag Consumer onto the topic and name the group ${GROUP}. Once the group card shows a committed offset, select the consumer and close it.`,
          ko: `Consumer를 토픽 위로 끌어다 놓고 그룹 이름을 ${GROUP}로 하세요. 그룹 카드에 커밋한 오프셋이 보이면 컨슈머를 선택해 닫습니다.`,
        },
      ],
      takeaway: {
        en: "The group's committed offset stays where the reader stopped, while the producer keeps appending past it.",
        ko: "그룹이 커밋한 오프셋은 독자가 멈춘 곳에 머물고, 프로듀서는 그 뒤로 계속 덧붙입니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        return (
          committedOffset(state, GROUP, TOPIC, 0) > 0 &&
          consumersIn(state, GROUP).length === 0 &&
          groupOf(state, GROUP)?.state === "Empty"
        );
      },
      showMe: async (ctx) => {
        const id = await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, GROUP)));
        await ctx.until(
          (state) => committedOffset(state, GROUP, TOPIC, 0) > 0,
          `group ${GROUP} to commit an offset`,
        );
        await ctx.must(ctx.actions.closeConsumer(id));
      },
    }),
    step<number>({
      id: "retention",
      narration: {
        en: `Nobody reads ${TOPIC} now. Set retention.ms=${RETENTION_MS} on it (20 s). The broker looks for expired segments every log.retention.check.interval.ms (30 s of node time in this playground, 5 minutes by Kafka's default; the cluster runs at 4×), so wait for it, and watch the start of the tape.`,
        ko: `이제 ${TOPIC}를 읽는 이는 없습니다. 이 토픽에 retention.ms=${RETENTION_MS}(20초)를 설정하세요. 브로커는 log.retention.check.interval.ms마다(이 플레이그라운드에서는 노드 시간 30초, Kafka 기본값은 5분; 클러스터는 4배속) 만료된 세그먼트를 찾으니, 기다리며 테이프의 시작 부분을 지켜보세요.`,
      },
      hints: [
        {
          en: "Select the topic, then Edit configs in the inspector: set retention.ms and save.",
          ko: "토픽을 선택하고 인스펙터의 Edit configs(설정 바꾸기)에서 retention.ms를 바꾼 뒤 저장하세요.",
        },
        {
          en: "Size works the same way: retention.bytes deletes the oldest closed segments while the log is bigger than it.",
          ko: "크기도 같은 방식입니다: retention.bytes는 로그가 그보다 큰 동안 가장 오래된 닫힌 세그먼트부터 지웁니다.",
        },
      ],
      takeaway: {
        en: "Whole closed segments older than retention.ms were deleted and the log start offset jumped to the next segment's base offset, although no consumer had read them and a group's bookmark pointed into them. The active segment is never deleted.",
        ko: "retention.ms보다 오래된 닫힌 세그먼트가 통째로 지워지고, 로그 시작 오프셋이 다음 세그먼트의 기준 오프셋으로 뛰었습니다. 아무 컨슈머도 읽지 않았고 그룹의 책갈피가 그 안을 가리키고 있었는데도요. 활성 세그먼트는 절대 지워지지 않습니다.",
      },
      start: (ctx) => Math.max(0, logStartOf(ctx.state(), TOPIC, 0)),
      check: (ctx, logStartBefore) => logStartOf(ctx.state(), TOPIC, 0) > logStartBefore,
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.alterTopicConfigs(TOPIC, { "retention.ms": RETENTION_MS }));
      },
    }),
    step<number>({
      id: "out-of-range",
      narration: {
        en: `The group's committed offset now points below the log start: those records are gone. Add a consumer to group ${GROUP} again and watch where it starts reading.`,
        ko: `그룹이 커밋한 오프셋이 이제 로그 시작보다 앞을 가리킵니다: 그 레코드들은 사라졌습니다. 그룹 ${GROUP}에 컨슈머를 다시 추가하고 어디서부터 읽는지 보세요.`,
      },
      hints: [
        {
          en: "Drag Consumer onto the group card, or onto the topic with the same group name.",
          ko: "Consumer를 그룹 카드 위로, 또는 같은 그룹 이름으로 토픽 위로 끌어다 놓으세요.",
        },
      ],
      takeaway: {
        en: "Fetching at the old offset got OFFSET_OUT_OF_RANGE, so the consumer reset by auto.offset.reset (earliest here) to the log start and committed from there. What retention deleted was skipped, not delivered.",
        ko: "예전 오프셋으로 fetch하자 OFFSET_OUT_OF_RANGE가 났고, 컨슈머는 auto.offset.reset(여기서는 earliest)에 따라 로그 시작으로 돌아가 거기서부터 커밋했습니다. 보존 기간이 지운 레코드는 전달되지 않고 건너뛰어졌습니다.",
      },
      start: (ctx) => committedOffset(ctx.state(), GROUP, TOPIC, 0),
      check: (ctx, committedBefore) => {
        const state = ctx.state();
        const committed = committedOffset(state, GROUP, TOPIC, 0);
        return committed > committedBefore && committed >= logStartOf(state, TOPIC, 0);
      },
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, GROUP)));
      },
    }),
  ],
  summary: {
    en: "Yes. Kafka keeps records for a time (retention.ms) or up to a size (retention.bytes), not until they are read. It deletes whole closed segments, oldest first and never the active one, and a group that fell behind the log start finds its records gone and resets by auto.offset.reset.",
    ko: "네. Kafka는 레코드를 읽힐 때까지가 아니라 정해진 시간(retention.ms)이나 크기(retention.bytes)만큼 보관합니다. 닫힌 세그먼트를 오래된 것부터 통째로 지우고 활성 세그먼트는 지우지 않으며, 로그 시작보다 뒤처진 그룹은 레코드가 사라진 것을 보고 auto.offset.reset에 따라 다시 시작합니다.",
  },
};
