/**
 * Lesson 14: batching. A producer collects records for a partition into a batch and sends
 * the batch when it is full (batch.size bytes) or when linger.ms has passed since its first
 * record, whichever comes first. Waiting longer puts more records in each Produce request
 * (fewer requests for the same records per second) and adds up to linger.ms of latency.
 */
import { defaultProducerSettings, type ProducerView } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { showDockTab } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { prepareCluster } from "../lesson-setup.ts";
import { producersOn } from "../lesson-queries.ts";

const TOPIC = "lesson-batching";
const RATE_PER_SEC = 50;
const LINGER_MS = 1000;
/** Small enough that a batch fills (a few records) long before linger.ms is up. */
const SMALL_BATCH_BYTES = 200;
/** Requests a producer must have sent before its records per request mean something. */
const MIN_REQUESTS = 3;

/** Records per Produce request since the producer (re)started; null before a request. */
export function recordsPerRequest(producer: ProducerView): number | null {
  const requests = producer.requests ?? 0;
  return requests === 0 ? null : (producer.recordsSent ?? 0) / requests;
}

const sending = (state: PlaygroundState) =>
  producersOn(state, TOPIC).filter((p) => p.settings.ratePerSec > 0);

/** The highest records per request among the topic's sending producers (0 if none yet). */
function bestRecordsPerRequest(state: PlaygroundState): number {
  return Math.max(0, ...sending(state).map((p) => recordsPerRequest(p) ?? 0));
}

async function retune(
  ctx: LessonContext,
  change: Partial<Pick<ProducerView["settings"], "lingerMs" | "batchSize">>,
): Promise<void> {
  const producers = sending(ctx.state());
  if (producers.length === 0) {
    await ctx.must(
      ctx.actions.addProducer({
        ...defaultProducerSettings(TOPIC),
        ratePerSec: RATE_PER_SEC,
        keyMode: "none",
        lingerMs: 0,
        ...change,
      }),
    );
    return;
  }
  for (const producer of producers) {
    await ctx.must(ctx.actions.updateProducer(producer.id, { ...producer.settings, ...change }));
  }
}

export const batchingLesson: Lesson = {
  id: "batching",
  title: { en: "Batching: linger.ms and batch.size", ko: "배치: linger.ms와 batch.size" },
  question: {
    en: "Why would a producer wait before sending, and what does it cost?",
    ko: "프로듀서는 왜 보내기 전에 기다릴까, 그 대가는 무엇일까?",
  },
  setup: async (ctx) => {
    await prepareCluster(ctx, {
      brokers: 3,
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }],
    });
    showDockTab("metrics");
  },
  steps: [
    step({
      id: "one-by-one",
      narration: {
        en: `Add a producer to ${TOPIC} sending ${RATE_PER_SEC} records/s with linger.ms=0: every record is sent as soon as the previous request lets it. Watch request-latency-p99 and MessagesInPerSec in the dock's Metrics tab.`,
        ko: `${TOPIC}에 초당 ${RATE_PER_SEC}개를 linger.ms=0으로 보내는 프로듀서를 추가하세요: 레코드마다 앞선 요청이 허락하는 대로 곧장 보냅니다. 독의 지표 탭에서 request-latency-p99와 MessagesInPerSec를 지켜보세요.`,
      },
      hints: [
        {
          en: "In the producer dialog set the rate and linger.ms; keys do not matter here (the topic has one partition).",
          ko: "프로듀서 창에서 속도와 linger.ms를 정하세요. 이 토픽은 파티션이 하나라 키는 상관없습니다.",
        },
        {
          en: "The Packets tab, with capture on, lists each Produce request: almost one per record.",
          ko: "패킷 탭에서 캡처를 켜면 Produce 요청이 하나하나 보입니다: 거의 레코드마다 하나입니다.",
        },
      ],
      takeaway: {
        en: "Low latency, but a Produce request for about every record or two: each one costs a request header, a batch header and a round trip to the leader and its followers.",
        ko: "지연은 낮지만 레코드 한두 개마다 Produce 요청이 하나씩 나갑니다. 요청마다 요청 헤더, 배치 헤더, 리더와 팔로워까지의 왕복이 듭니다.",
      },
      check: (ctx) =>
        sending(ctx.state()).some(
          (p) => p.settings.lingerMs === 0 && (p.requests ?? 0) >= 50 && p.acknowledged >= 100,
        ),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: RATE_PER_SEC,
            keyMode: "none",
            valueTemplate: "click #{n}",
            lingerMs: 0,
          }),
        );
      },
    }),
    step<number>({
      id: "linger",
      narration: {
        en: `Change the producer's linger.ms to ${LINGER_MS}. It now waits up to a second for more records before it sends a batch. Watch the latency chart climb while MessagesInPerSec stays where it was.`,
        ko: `프로듀서의 linger.ms를 ${LINGER_MS}으로 바꾸세요. 이제 배치를 보내기 전에 최대 1초 동안 레코드가 더 오기를 기다립니다. MessagesInPerSec는 그대로인데 지연 차트가 올라가는 것을 보세요.`,
      },
      hints: [
        {
          en: "Select the producer and use Edit settings; the producer restarts with the new linger.ms.",
          ko: "프로듀서를 선택하고 설정 바꾸기를 쓰세요. 프로듀서가 새 linger.ms로 다시 시작합니다.",
        },
      ],
      takeaway: {
        en: "Each Produce request now carries dozens of records: the same throughput in far fewer requests, paid for with up to linger.ms of extra latency per record.",
        ko: "이제 Produce 요청마다 레코드가 수십 개씩 실립니다: 같은 처리량을 훨씬 적은 요청으로 내는 대신, 레코드마다 최대 linger.ms만큼 지연이 늘었습니다.",
      },
      start: (ctx) => bestRecordsPerRequest(ctx.state()),
      check: (ctx, perRequestBefore) =>
        sending(ctx.state()).some(
          (p) =>
            p.settings.lingerMs >= 100 &&
            (p.requests ?? 0) >= MIN_REQUESTS &&
            (recordsPerRequest(p) ?? 0) >= Math.max(5, 3 * perRequestBefore) &&
            (p.latencyP99Ms ?? 0) >= p.settings.lingerMs / 2,
        ),
      showMe: (ctx) => retune(ctx, { lingerMs: LINGER_MS }),
    }),
    step<number>({
      id: "batch-size",
      narration: {
        en: `Keep linger.ms=${LINGER_MS} and set batch.size=${SMALL_BATCH_BYTES} bytes. A batch that is full is sent at once, without waiting out linger.ms.`,
        ko: `linger.ms=${LINGER_MS}은 그대로 두고 batch.size를 ${SMALL_BATCH_BYTES}바이트로 하세요. 가득 찬 배치는 linger.ms를 다 기다리지 않고 바로 보냅니다.`,
      },
      hints: [
        {
          en: "Edit settings again and change batch.size only.",
          ko: "다시 설정 바꾸기에서 batch.size만 바꾸세요.",
        },
      ],
      takeaway: {
        en: "Latency fell back although linger.ms is still a second: a batch leaves when it is full or when linger.ms is up, whichever comes first. Kafka's defaults (batch.size 16384, linger.ms 5 since 4.0) lean to low latency; raise them for throughput.",
        ko: "linger.ms는 여전히 1초인데 지연이 다시 낮아졌습니다: 배치는 가득 차거나 linger.ms가 지나면, 둘 중 먼저 오는 때에 떠납니다. Kafka 기본값(batch.size 16384, 4.0부터 linger.ms 5)은 낮은 지연 쪽이고, 처리량이 필요하면 높입니다.",
      },
      start: (ctx) => bestRecordsPerRequest(ctx.state()),
      check: (ctx, perRequestBefore) =>
        sending(ctx.state()).some((p) => {
          const perRequest = recordsPerRequest(p) ?? 0;
          return (
            p.settings.lingerMs >= 100 &&
            p.settings.batchSize > 0 &&
            p.settings.batchSize <= 1024 &&
            (p.requests ?? 0) >= 2 * MIN_REQUESTS &&
            perRequest >= 2 &&
            perRequest <= perRequestBefore / 2 &&
            p.latencyP99Ms !== null &&
            p.latencyP99Ms < p.settings.lingerMs / 2
          );
        }),
      showMe: (ctx) => retune(ctx, { lingerMs: LINGER_MS, batchSize: SMALL_BATCH_BYTES }),
    }),
  ],
  summary: {
    en: "To send fewer, bigger requests. linger.ms lets a batch wait for more records and batch.size caps how big it grows; a batch goes when it is full or linger.ms is up. More waiting means more records per request and less overhead per record, at the cost of up to linger.ms of latency.",
    ko: "더 적고 더 큰 요청을 보내기 위해서입니다. linger.ms는 배치가 레코드를 더 기다리게 하고 batch.size는 배치가 커질 수 있는 한도를 정합니다. 배치는 가득 차거나 linger.ms가 지나면 떠납니다. 더 기다릴수록 요청당 레코드가 늘고 레코드당 부담이 줄지만, 대가로 지연이 최대 linger.ms만큼 늘어납니다.",
  },
};
