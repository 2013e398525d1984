/**
 * Lesson 1: a partition is an append-only log. The broker, not the producer, gives each
 * record its offset: the previous one plus one, whoever sent it; and a consumer reads the
 * log back in that order.
 */
import { defaultConsumerSettings, defaultProducerSettings } from "../../store/clients-slice.ts";
import { step, type Lesson } from "../lesson.ts";
import { prepareCluster } from "../lesson-setup.ts";
import { committedOffset, leaderLeo, producersOn } from "../lesson-queries.ts";

const TOPIC = "lesson-log";
const GROUP = "lesson-log-readers";

/** True when the partition's recent records carry consecutive offsets (no gap, no repeat). */
function consecutive(offsets: number[]): boolean {
  return offsets.every((offset, i) => i === 0 || offset === offsets[i - 1]! + 1);
}

export const appendOnlyLogLesson: Lesson = {
  id: "append-only-log",
  title: { en: "A partition is a log", ko: "파티션은 로그다" },
  question: {
    en: "Where does a record go, and who decides its offset?",
    ko: "레코드는 어디에 쌓이고, 오프셋은 누가 정할까?",
  },
  setup: (ctx) =>
    prepareCluster(ctx, {
      brokers: 3,
      groups: [GROUP],
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }],
    }),
  steps: [
    step<number>({
      id: "produce",
      narration: {
        en: `Drag a producer onto the topic ${TOPIC} and watch its tape (open it from the topic). Wait for 5 records.`,
        ko: `프로듀서를 토픽 ${TOPIC} 위로 끌어다 놓고, 토픽을 열어 테이프를 지켜보세요. 레코드 5개가 쌓일 때까지 기다립니다.`,
      },
      hints: [
        {
          en: "The palette on the left has Producer. Without a mouse: focus it and press Enter for a menu.",
          ko: "왼쪽 팔레트에 Producer가 있습니다. 마우스 없이: 포커스를 두고 Enter를 누르면 메뉴가 열립니다.",
        },
      ],
      takeaway: {
        en: "Every record was appended at the end of the log. Offsets 0, 1, 2, ... are positions in it; the leader assigned them when it appended.",
        ko: "모든 레코드는 로그의 끝에 덧붙었습니다. 오프셋 0, 1, 2, ...는 로그 안의 위치이고, 리더가 덧붙이면서 매겼습니다.",
      },
      start: (ctx) => Math.max(0, leaderLeo(ctx.state(), TOPIC, 0)),
      check: (ctx, before) => leaderLeo(ctx.state(), TOPIC, 0) >= before + 5,
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({ ...defaultProducerSettings(TOPIC), ratePerSec: 2 }),
        );
      },
    }),
    step<number>({
      id: "two-producers",
      narration: {
        en: "Add a second producer to the same topic. Two writers, one log: do their records get the same offsets?",
        ko: "같은 토픽에 두 번째 프로듀서를 추가하세요. 쓰는 쪽은 둘, 로그는 하나: 두 프로듀서의 레코드가 같은 오프셋을 받을까요?",
      },
      hints: [
        {
          en: "Watch the LEO tick on the tape: it moves by one for every record, from either producer.",
          ko: "테이프의 LEO 눈금을 보세요: 어느 프로듀서의 레코드든 하나마다 1씩 움직입니다.",
        },
      ],
      takeaway: {
        en: "No. The leader appends one record at a time, so offsets stay one after another with no gaps and no repeats, however many producers write.",
        ko: "아닙니다. 리더가 한 번에 하나씩 덧붙이므로, 프로듀서가 몇이든 오프셋은 빈틈도 중복도 없이 하나씩 이어집니다.",
      },
      start: (ctx) => Math.max(0, leaderLeo(ctx.state(), TOPIC, 0)),
      check: (ctx, before) => {
        const state = ctx.state();
        const writers = producersOn(state, TOPIC).filter((p) => p.acknowledged > 0);
        const cells = state.topics[TOPIC]?.partitions[0]?.cells ?? [];
        const recent = cells.map((cell) => cell.offset).filter((offset) => offset >= before);
        return writers.length >= 2 && recent.length >= 6 && consecutive(recent);
      },
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 2,
            keyMode: "fixed",
            fixedKey: "second-producer",
          }),
        );
      },
    }),
    step<number>({
      id: "read-back",
      narration: {
        en: `Drag a consumer onto ${TOPIC} in a new group ${GROUP}, reading from the beginning. It reads the log in offset order and commits how far it got.`,
        ko: `컨슈머를 ${TOPIC} 위로 끌어다 새 그룹 ${GROUP}에 넣고, 처음부터 읽게 하세요. 오프셋 순서대로 읽고 어디까지 읽었는지 커밋합니다.`,
      },
      hints: [
        {
          en: `In the consumer dialog, name the group ${GROUP} and keep "from the beginning" on.`,
          ko: `컨슈머 창에서 그룹 이름을 ${GROUP}로 하고 "처음부터"를 켜 두세요.`,
        },
      ],
      takeaway: {
        en: "Reading does not remove anything: the log stays as it is, and the group's committed offset is just a bookmark: the next offset it will read.",
        ko: "읽어도 아무것도 지워지지 않습니다. 로그는 그대로이고, 그룹이 커밋한 오프셋은 다음에 읽을 오프셋을 적어 둔 책갈피일 뿐입니다.",
      },
      start: (ctx) => Math.max(0, leaderLeo(ctx.state(), TOPIC, 0)),
      check: (ctx, leoAtStart) => committedOffset(ctx.state(), GROUP, TOPIC, 0) >= leoAtStart,
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.addConsumer(defaultConsumerSettings(TOPIC, GROUP)));
      },
    }),
  ],
  summary: {
    en: "A partition is an ordered, append-only log. The leader assigns each record the next offset; consumers read in that order and only move their own bookmark.",
    ko: "파티션은 순서가 있는, 덧붙이기만 하는 로그입니다. 리더가 레코드마다 다음 오프셋을 매기고, 컨슈머는 그 순서대로 읽으며 자기 책갈피만 옮깁니다.",
  },
};
