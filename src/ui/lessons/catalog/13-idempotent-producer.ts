/**
 * Lesson 13: the idempotent producer. When a produce response is lost, the producer cannot
 * tell a write that failed from one whose answer went missing, so after request.timeout.ms
 * it sends the batch again. Without idempotence the leader appends it a second time; with
 * enable.idempotence=true every batch carries the producer id and a sequence number, and the
 * leader answers a batch it already has with the original offsets instead of appending it.
 */
import { defaultProducerSettings } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { leaderLeo, partitionOf, producersOn } from "../lesson-queries.ts";
import { duplicateRecords, pageLinkFaulty, recordsBy } from "./13-idempotent-producer-queries.ts";
import { watchPartition, type LogWatch } from "./log-watch.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-idempotence";
/** Node time; Kafka's default request.timeout.ms is 30 s, a producer retry waits that long. */
const RETRY_WAIT_MS = 60_000;

interface FaultWatch {
  log: LogWatch;
  /** Retries counted by the producers of the kind watched when the step began. */
  retriesBefore: number;
}

const producersOfKind = (state: PlaygroundState, idempotent: boolean) =>
  producersOn(state, TOPIC).filter((p) => p.settings.idempotence === idempotent);

const retriesOf = (state: PlaygroundState, idempotent: boolean) =>
  producersOfKind(state, idempotent).reduce((sum, p) => sum + p.retries, 0);

function watchFault(ctx: LessonContext, idempotent: boolean): FaultWatch {
  const state = ctx.state();
  return {
    log: watchPartition(TOPIC, 0, Math.max(0, leaderLeo(state, TOPIC, 0))),
    retriesBefore: retriesOf(state, idempotent),
  };
}

/**
 * The producers retried since the step began (answers went missing: only a fault makes
 * them retry here) and the page's links are healthy again. Checks do not run while "show
 * me" works, so the fault itself may never be seen by one; the retries it caused are.
 */
function retriedAndHealed(ctx: LessonContext, watch: FaultWatch, idempotent: boolean): boolean {
  const state = ctx.state();
  return !pageLinkFaulty(state.faultyLinks) && retriesOf(state, idempotent) > watch.retriesBefore;
}

/**
 * Show me: the leader's answers to the page are dropped (a one-way cut: requests still
 * arrive and are appended), until the producers have timed out and retried; then healed.
 */
async function loseAnswers(ctx: LessonContext, idempotent: boolean): Promise<void> {
  const leader = partitionOf(ctx.state(), TOPIC, 0)?.leader ?? -1;
  if (leader < 0) throw new Error(`${TOPIC} has no leader`);
  const retriesBefore = retriesOf(ctx.state(), idempotent);
  await ctx.must(ctx.actions.setLink(leader, "page", { cut: true }, false));
  try {
    await ctx.until(
      (state) => retriesOf(state, idempotent) > retriesBefore,
      "the producer to time out and retry",
      RETRY_WAIT_MS,
    );
  } finally {
    await ctx.must(
      ctx.actions.setLink(leader, "page", { cut: false, latencyMs: 0, lossRate: 0 }, false),
    );
  }
}

const LOSE_ANSWERS_HINTS = [
  {
    en: 'Under the brokers, click the link "clients — N" where N is the partition\'s leader. Cutting it (both ways) may catch no write in flight; a latency of 20000 ms always does: every answer then comes back after request.timeout.ms has passed.',
    ko: '브로커 아래의 링크 "클라이언트 — N"(N은 파티션의 리더)을 누르세요. 링크를 (양방향으로) 끊으면 전송 중인 쓰기가 없을 수도 있습니다. 지연을 20000ms로 주면 확실합니다: 모든 응답이 request.timeout.ms가 지난 뒤에 돌아옵니다.',
  },
  {
    en: "The producer card counts retries. Once it has retried, heal the link.",
    ko: "프로듀서 카드에 재시도 횟수가 나옵니다. 재시도가 보이면 링크를 복구하세요.",
  },
];

export const idempotentProducerLesson: Lesson = {
  id: "idempotent-producer",
  title: { en: "The idempotent producer", ko: "멱등성 프로듀서" },
  question: {
    en: "If a producer retries, can a record end up in the log twice?",
    ko: "프로듀서가 재시도하면 레코드가 로그에 두 번 들어갈 수 있을까?",
  },
  // request.timeout.ms is 30 s of node time: 4× makes a retry come after about 8 s.
  setup: (ctx) =>
    prepareCluster(ctx, {
      brokers: 3,
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }],
      speed: 4,
    }),
  steps: [
    step({
      id: "plain-producer",
      narration: {
        en: `Add a producer to ${TOPIC} with enable.idempotence turned off (acks=all). Its values are numbered, payment #0, #1, ..., so a record written twice is easy to spot.`,
        ko: `${TOPIC}에 enable.idempotence를 끈 프로듀서(acks=all)를 추가하세요. 값에 번호가 붙어(payment #0, #1, ...) 두 번 쓰인 레코드를 쉽게 찾을 수 있습니다.`,
      },
      hints: [
        {
          en: "In the producer dialog, untick enable.idempotence and set the value to payment #{n}.",
          ko: "프로듀서 창에서 enable.idempotence 체크를 풀고 값을 payment #{n}으로 하세요.",
        },
      ],
      takeaway: {
        en: "A producer without idempotence: the leader appends whatever batch arrives, with no way to tell it has seen the batch before.",
        ko: "멱등성이 없는 프로듀서입니다: 리더는 도착한 배치를 무엇이든 덧붙이고, 전에 본 배치인지 알 방법이 없습니다.",
      },
      check: (ctx) => producersOfKind(ctx.state(), false).some((p) => p.acknowledged >= 10),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 5,
            keyMode: "none",
            valueTemplate: "payment #{n}",
            idempotence: false,
          }),
        );
      },
    }),
    step<FaultWatch>({
      id: "lost-answers",
      narration: {
        en: "Now make the leader's answers get lost: the batches still reach the leader and are appended, but the producer never hears so. After request.timeout.ms (30 s of node time) it sends them again. Then heal the link, and compare the producer's acknowledged count with the partition's LEO.",
        ko: "이제 리더의 응답이 사라지게 하세요: 배치는 리더에 도착해 덧붙여지지만, 프로듀서는 그 사실을 듣지 못합니다. request.timeout.ms(노드 시간 30초)가 지나면 다시 보냅니다. 그다음 링크를 복구하고, 프로듀서의 확인 수와 파티션의 LEO를 비교해 보세요.",
      },
      hints: LOSE_ANSWERS_HINTS,
      takeaway: {
        en: "The LEO ran ahead of what the producer counts as acknowledged: the retried batches were appended a second time. The same payment numbers are in the log twice (the Log (segments) tab shows them).",
        ko: "LEO가 프로듀서가 확인받은 수보다 앞서 갔습니다: 재시도한 배치가 한 번 더 덧붙여졌습니다. 같은 payment 번호가 로그에 두 번 있습니다(로그(세그먼트) 탭에서 보입니다).",
      },
      start: (ctx) => watchFault(ctx, false),
      check: async (ctx, watch) => {
        if (!retriedAndHealed(ctx, watch, false)) return false;
        const read = await watch.log.latest();
        return read !== null && duplicateRecords(read.records, "plain") > 0;
      },
      showMe: (ctx) => loseAnswers(ctx, false),
    }),
    step({
      id: "idempotence-on",
      narration: {
        en: "Turn enable.idempotence on for the producer. It starts again: first it gets a producer id from the cluster, then numbers every batch it sends to a partition.",
        ko: "프로듀서의 enable.idempotence를 켜세요. 프로듀서가 다시 시작합니다: 먼저 클러스터에서 프로듀서 ID를 받고, 그 뒤 파티션에 보내는 배치마다 순번을 매깁니다.",
      },
      hints: [
        {
          en: "Select the producer, Edit settings, tick enable.idempotence (it needs acks=all) and save.",
          ko: "프로듀서를 선택하고 설정 바꾸기에서 enable.idempotence를 체크(acks=all이 필요합니다)한 뒤 저장하세요.",
        },
      ],
      takeaway: {
        en: "Each batch now carries the producer id, an epoch and a sequence number; the leader remembers the last few sequences of each producer id.",
        ko: "이제 배치마다 프로듀서 ID, 에포크, 순번이 붙습니다. 리더는 프로듀서 ID마다 최근 몇 개의 순번을 기억합니다.",
      },
      check: (ctx) => {
        const state = ctx.state();
        const plainSending = producersOfKind(state, false).some((p) => p.settings.ratePerSec > 0);
        return !plainSending && producersOfKind(state, true).some((p) => p.acknowledged >= 10);
      },
      showMe: async (ctx) => {
        const producers = producersOfKind(ctx.state(), false);
        for (const producer of producers) {
          await ctx.must(
            ctx.actions.updateProducer(producer.id, {
              ...producer.settings,
              acks: "all",
              idempotence: true,
            }),
          );
        }
        if (producers.length === 0) {
          await ctx.must(
            ctx.actions.addProducer({
              ...defaultProducerSettings(TOPIC),
              ratePerSec: 5,
              keyMode: "none",
              valueTemplate: "payment #{n}",
            }),
          );
        }
      },
    }),
    step<FaultWatch>({
      id: "no-duplicates",
      narration: {
        en: "Lose the leader's answers again, the same way, and heal the link once the producer has retried. Compare the LEO with the acknowledged count this time.",
        ko: "같은 방법으로 리더의 응답을 다시 잃게 하고, 프로듀서가 재시도하면 링크를 복구하세요. 이번에는 LEO와 확인 수를 비교해 보세요.",
      },
      hints: LOSE_ANSWERS_HINTS,
      takeaway: {
        en: "The producer retried just as before, but nothing was written twice: the leader recognised each retried batch by its producer id and sequence number and answered with the offsets it already had.",
        ko: "프로듀서는 앞서처럼 재시도했지만 두 번 쓰인 것은 없습니다: 리더가 재시도한 배치를 프로듀서 ID와 순번으로 알아보고, 이미 가진 오프셋으로 답했습니다.",
      },
      start: (ctx) => watchFault(ctx, true),
      check: async (ctx, watch) => {
        if (!retriedAndHealed(ctx, watch, true)) return false;
        const read = await watch.log.latest();
        return (
          read !== null &&
          recordsBy(read.records, "idempotent") >= 20 &&
          duplicateRecords(read.records, "idempotent") === 0
        );
      },
      showMe: (ctx) => loseAnswers(ctx, true),
    }),
  ],
  summary: {
    en: "Yes, without idempotence: a lost answer makes the producer retry a batch the leader already appended, and the log holds it twice. With enable.idempotence=true (the default since Kafka 3.0) the leader recognises the retry by producer id and sequence number, so retries cannot duplicate or reorder records in a partition.",
    ko: "멱등성이 없으면 그렇습니다: 응답을 잃은 프로듀서는 리더가 이미 덧붙인 배치를 재시도하고, 로그에는 그것이 두 번 남습니다. enable.idempotence=true(Kafka 3.0부터 기본값)이면 리더가 프로듀서 ID와 순번으로 재시도를 알아보므로, 재시도가 파티션 안의 레코드를 중복시키거나 순서를 바꾸지 못합니다.",
  },
};
