/**
 * Lesson 2: keys. The default partitioner hashes a record's key (murmur2) over the topic's
 * partitions, so a key always lands in the same partition while the partition count stays
 * the same; a record without a key goes to the sticky partitioner, which fills one
 * partition for about a batch (batch.size bytes) and then moves on; and adding partitions
 * changes the hash's divisor, so some keys move.
 */
import { defaultProducerSettings, type ProducerSettings } from "../../store/clients-slice.ts";
import { openTopicTapes } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { prepareCluster } from "../lesson-setup.ts";
import { producersOn } from "../lesson-queries.ts";
import {
  eachKeyInOnePartition,
  keylessMovedOn,
  landingsSince,
  movedKeys,
  partitionEnds,
  partitionOfKeys,
} from "./02-keys-queries.ts";

const TOPIC = "lesson-keys";
const PARTITIONS = 3;
/** 3 → 6: murmur2 sends alice and dave to new partitions, bob, carol and erin stay. */
const GROWN_PARTITIONS = 6;
/** Small, so the sticky partitioner moves on every few seconds instead of every minute. */
const KEYLESS_BATCH_BYTES = 400;

interface GrowthBaseline {
  partitions: number;
  since: number[];
  before: Map<string, number>;
}

/** Each producer that sends keyed records to the topic, made again with the same settings. */
async function replaceKeyedProducers(ctx: LessonContext): Promise<void> {
  const keyed = producersOn(ctx.state(), TOPIC).filter((p) => p.settings.keyMode !== "none");
  for (const producer of keyed) {
    const settings: ProducerSettings = producer.settings;
    await ctx.must(ctx.actions.removeProducer(producer.id));
    await ctx.must(ctx.actions.addProducer(settings));
  }
}

export const keysAndPartitionsLesson: Lesson = {
  id: "keys-and-partitions",
  title: { en: "Keys choose partitions", ko: "키가 파티션을 정한다" },
  question: {
    en: "Which partition does a record go to, and does a key always go to the same one?",
    ko: "레코드는 어느 파티션으로 갈까? 같은 키는 언제나 같은 파티션으로 갈까?",
  },
  setup: async (ctx) => {
    await prepareCluster(ctx, {
      brokers: 3,
      topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
    });
    // The tapes are where keys show: one colour per key, grey for none.
    openTopicTapes(TOPIC);
  },
  steps: [
    step<number[]>({
      id: "same-key",
      narration: {
        en: `Drag a producer onto ${TOPIC}, with keys "Random from a set" (alice, bob, carol, dave, erin). On the topic's tapes each key has its own colour. Does a colour ever show up in two partitions?`,
        ko: `프로듀서를 ${TOPIC} 위로 끌어다 놓고, 키는 "집합에서 무작위"(alice, bob, carol, dave, erin)로 두세요. 토픽의 테이프에서는 키마다 색이 다릅니다. 같은 색이 두 파티션에 나타나나요?`,
      },
      hints: [
        {
          en: "Producer is in the palette on the left. Without a mouse: focus it, press Enter and pick the topic from the menu.",
          ko: "프로듀서는 왼쪽 팔레트에 있습니다. 마우스 없이: 포커스를 두고 Enter를 누른 뒤 메뉴에서 토픽을 고르세요.",
        },
        {
          en: "The tapes (one row per partition) are open above the brokers; clicking a topic's name opens its tapes.",
          ko: "브로커 위에 파티션마다 한 줄씩 테이프가 열려 있습니다. 토픽 이름을 누르면 그 토픽의 테이프가 열립니다.",
        },
      ],
      takeaway: {
        en: "Never: the producer hashes the key (murmur2) and takes it modulo the number of partitions, so every record with the same key lands in the same partition, in the order it was sent.",
        ko: "한 번도 없습니다. 프로듀서는 키를 murmur2로 해시해 파티션 수로 나눈 나머지를 고르므로, 같은 키의 레코드는 모두 같은 파티션에 보낸 순서대로 쌓입니다.",
      },
      start: (ctx) => partitionEnds(ctx.state(), TOPIC),
      check: (ctx, since) => eachKeyInOnePartition(landingsSince(ctx.state(), TOPIC, since), 3, 2),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({ ...defaultProducerSettings(TOPIC), ratePerSec: 4 }),
        );
      },
    }),
    step<number[]>({
      id: "null-key",
      narration: {
        en: `Now records without a key: add a second producer to ${TOPIC} with keys "None (null key)" and batch.size ${KEYLESS_BATCH_BYTES}. Watch the grey cells: where do they go?`,
        ko: `이번에는 키가 없는 레코드입니다. ${TOPIC}에 두 번째 프로듀서를 추가하고 키는 "없음(null 키)", batch.size는 ${KEYLESS_BATCH_BYTES}로 하세요. 회색 칸이 어디로 가는지 보세요.`,
      },
      hints: [
        {
          en: `batch.size is in the producer dialog, beside linger.ms. With the default 16384 bytes the sticky partitioner would stay on one partition for minutes at this rate; ${KEYLESS_BATCH_BYTES} makes it move every few seconds.`,
          ko: `batch.size는 프로듀서 창의 linger.ms 옆에 있습니다. 기본값 16384바이트면 이 속도에서는 몇 분 동안 한 파티션에 머무르지만, ${KEYLESS_BATCH_BYTES}로 하면 몇 초마다 옮겨 갑니다.`,
        },
      ],
      takeaway: {
        en: "A null key is not hashed: the sticky partitioner (KIP-794) sends keyless records to one partition until about batch.size bytes went there, then picks another. Runs of grey, not one-by-one round robin: fuller batches, fewer requests.",
        ko: "null 키는 해시하지 않습니다. 스티키 파티셔너(KIP-794)는 키 없는 레코드를 한 파티션에 batch.size 바이트쯤 보낸 뒤 다른 파티션을 고릅니다. 하나씩 돌아가며 보내지 않고 회색이 줄지어 쌓이니, 배치가 꽉 차고 요청 수는 줄어듭니다.",
      },
      start: (ctx) => partitionEnds(ctx.state(), TOPIC),
      check: (ctx, since) => keylessMovedOn(landingsSince(ctx.state(), TOPIC, since), 12),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 6,
            keyMode: "none",
            batchSize: KEYLESS_BATCH_BYTES,
          }),
        );
      },
    }),
    step<GrowthBaseline>({
      id: "add-partitions",
      narration: {
        en: `Add partitions to ${TOPIC}: ${PARTITIONS} → ${GROWN_PARTITIONS}. A running producer learns of them only at its next metadata refresh (metadata.max.age.ms, 5 minutes), so then replace the keyed producer: remove it and add a new one with the same keys. Follow alice's and dave's colours.`,
        ko: `${TOPIC}에 파티션을 추가하세요: ${PARTITIONS} → ${GROWN_PARTITIONS}. 돌고 있는 프로듀서는 다음 메타데이터 갱신(metadata.max.age.ms, 5분) 때에야 새 파티션을 알게 되니, 키가 있는 프로듀서를 지우고 같은 키로 새로 추가하세요. alice와 dave의 색을 따라가 보세요.`,
      },
      hints: [
        {
          en: 'Click the topic, then the Inspector tab on the right: it has "Add partitions". Partitions can be added, never removed.',
          ko: '토픽을 누르고 오른쪽의 인스펙터 탭을 여세요. "파티션 추가"가 있습니다. 파티션은 늘릴 수만 있고 줄일 수는 없습니다.',
        },
        {
          en: '"Remove producer" is on the producer\'s card; then drag a new producer onto the topic with the same key set.',
          ko: '"프로듀서 제거"는 프로듀서 카드에 있습니다. 그다음 같은 키 집합으로 새 프로듀서를 토픽 위로 끌어다 놓으세요.',
        },
      ],
      takeaway: {
        en: "hash(key) mod 6 is not hash(key) mod 3: alice and dave now land in new partitions, bob, carol and erin stay. Their old records stay where they were, so a key's history is split across two partitions. Choose the partition count up front when order per key matters.",
        ko: "hash(key) mod 6은 hash(key) mod 3과 다릅니다. alice와 dave는 새 파티션으로 가고 bob, carol, erin은 그대로입니다. 예전 레코드는 원래 자리에 남으니 한 키의 기록이 두 파티션에 나뉩니다. 키별 순서가 중요하면 파티션 수를 처음에 정해 두세요.",
      },
      start: (ctx) => {
        const state = ctx.state();
        return {
          partitions: state.topics[TOPIC]?.partitions.length ?? PARTITIONS,
          since: partitionEnds(state, TOPIC),
          before: partitionOfKeys(state, TOPIC),
        };
      },
      check: (ctx, baseline) => {
        const state = ctx.state();
        const grown = (state.topics[TOPIC]?.partitions.length ?? 0) > baseline.partitions;
        const landings = landingsSince(state, TOPIC, baseline.since);
        return grown && movedKeys(baseline.before, landings).length > 0;
      },
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.addPartitions(TOPIC, GROWN_PARTITIONS));
        await ctx.until(
          (state) => (state.topics[TOPIC]?.partitions.length ?? 0) >= GROWN_PARTITIONS,
          `${TOPIC} to have ${GROWN_PARTITIONS} partitions`,
        );
        await replaceKeyedProducers(ctx);
      },
    }),
  ],
  summary: {
    en: "The default partitioner hashes the key: same key, same partition, as long as the partition count stays. Keyless records go to the sticky partitioner, one partition per batch. Adding partitions changes where keys go from then on.",
    ko: "기본 파티셔너는 키를 해시합니다. 파티션 수가 그대로인 한 같은 키는 같은 파티션으로 갑니다. 키 없는 레코드는 스티키 파티셔너가 배치 단위로 한 파티션씩 보냅니다. 파티션을 늘리면 그때부터 키가 가는 곳이 바뀝니다.",
  },
};
