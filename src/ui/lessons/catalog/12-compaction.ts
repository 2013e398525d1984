/**
 * Lesson 12: log compaction. With cleanup.policy=compact the log cleaner rewrites the closed
 * segments keeping only the latest record of each key (offsets stay, so gaps appear); the
 * active segment is never cleaned. A record with a null value, a tombstone, makes the
 * cleaner drop the key's older records, and is itself dropped once delete.retention.ms
 * has passed since the cleaner first saw it. The cleaner looks every log.cleaner.backoff.ms
 * (15 s of node time) and cleans when the dirty share reaches min.cleanable.dirty.ratio.
 */
import { defaultProducerSettings } from "../../store/clients-slice.ts";
import { openTopicTapes, showDockTab } from "../../store/view-actions.ts";
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { producersOn } from "../lesson-queries.ts";
import { missingOffsets, recordsOfKey } from "./12-compaction-queries.ts";
import { recordsAndRolls } from "./log-queries.ts";
import { watchPartition, type LogWatch } from "./log-watch.ts";
import { prepareCluster } from "../lesson-setup.ts";

const TOPIC = "lesson-compact";
const KEYS = ["alice", "bob", "carol"];
const DELETED_KEY = "bob";
/**
 * Node time a tombstone stays after the cleaner first saw it (Kafka's default is a day):
 * long enough that a check sees the tombstone alone before the cleaner removes it too.
 */
const DELETE_RETENTION_MS = "10000";

interface Watching {
  log: LogWatch;
}

interface TombstoneWatch extends Watching {
  /** A read has shown the tombstone (a slow check may find it already cleaned away). */
  sawTombstone: boolean;
}

const watchLog = (): Watching => ({ log: watchPartition(TOPIC, 0) });

async function stopWritingKey(ctx: LessonContext, key: string): Promise<void> {
  for (const producer of producersOn(ctx.state(), TOPIC)) {
    if (producer.settings.nullValue === true) continue;
    const keySet = producer.settings.keySet.filter((k) => k !== key);
    await ctx.must(
      ctx.actions.updateProducer(producer.id, { ...producer.settings, keyMode: "random", keySet }),
    );
  }
}

export const compactionLesson: Lesson = {
  id: "compaction",
  title: { en: "Compaction and tombstones", ko: "컴팩션과 툼스톤" },
  question: {
    en: "Can Kafka keep just the latest value of each key, and forget a key?",
    ko: "Kafka가 키마다 최신 값만 남기고, 키를 아예 잊을 수도 있을까?",
  },
  // The cleaner looks every 15 s of node time: 2× makes that 7.5 s.
  setup: (ctx) =>
    prepareCluster(ctx, {
      brokers: 3,
      topics: [
        {
          topic: TOPIC,
          numPartitions: 1,
          replicationFactor: 3,
          configEntries: [
            { name: "segment.bytes", value: "1024" },
            { name: "delete.retention.ms", value: DELETE_RETENTION_MS },
          ],
        },
      ],
      speed: 2,
    }),
  steps: [
    step<number>({
      id: "updates",
      narration: {
        en: `Add a producer to ${TOPIC} that writes the balances of three accounts, keys ${KEYS.join(", ")}, over and over. Each record is a new value for its key. Open the dock's Log (segments) tab: the log keeps every one of them.`,
        ko: `${TOPIC}에 세 계좌(키 ${KEYS.join(", ")})의 잔액을 계속 쓰는 프로듀서를 추가하세요. 레코드마다 그 키의 새 값입니다. 독의 로그(세그먼트) 탭을 열어 보면 로그는 그 값들을 모두 간직합니다.`,
      },
      hints: [
        {
          en: `In the producer dialog choose random keys from the set ${KEYS.join(", ")}.`,
          ko: `프로듀서 창에서 키를 무작위로, 키 집합은 ${KEYS.join(", ")}로 고르세요.`,
        },
      ],
      takeaway: {
        en: "With the default cleanup.policy=delete, old values stay until retention deletes their segment: every update of every key is in the log.",
        ko: "기본값 cleanup.policy=delete에서는 옛 값이 보존 기간이 세그먼트를 지울 때까지 남습니다: 모든 키의 모든 갱신이 로그에 있습니다.",
      },
      ...recordsAndRolls(TOPIC, 30, 2),
      showMe: async (ctx) => {
        await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 3,
            keyMode: "random",
            keySet: KEYS,
            valueTemplate: "balance of {key}: {n}",
          }),
        );
        openTopicTapes(TOPIC);
        showDockTab("segments");
      },
    }),
    step<Watching>({
      id: "compact",
      narration: {
        en: `Set cleanup.policy=compact on ${TOPIC}. The log cleaner looks every log.cleaner.backoff.ms (15 s of node time) and rewrites the closed segments, keeping only the latest record of each key. In the Log (segments) tab, tick Records (--print-data-log) on a closed segment, and press Read again after the cleaner has run.`,
        ko: `${TOPIC}에 cleanup.policy=compact를 설정하세요. 로그 클리너는 log.cleaner.backoff.ms(노드 시간 15초)마다 살펴보고, 닫힌 세그먼트를 키마다 최신 레코드만 남기도록 다시 씁니다. 로그(세그먼트) 탭에서 닫힌 세그먼트의 레코드 (--print-data-log)를 켜고, 클리너가 돈 뒤 다시 읽기를 눌러 보세요.`,
      },
      hints: [
        {
          en: "Select the topic, Edit configs in the inspector, choose compact for cleanup.policy and save.",
          ko: "토픽을 선택하고 인스펙터의 Edit configs에서 cleanup.policy를 compact로 골라 저장하세요.",
        },
        {
          en: "The cleaner starts once the uncleaned (dirty) part is at least min.cleanable.dirty.ratio (0.5) of the closed segments; right after the switch all of it is dirty.",
          ko: "클리너는 아직 정리되지 않은(dirty) 부분이 닫힌 세그먼트의 min.cleanable.dirty.ratio(0.5) 이상일 때 시작합니다. 막 바꾼 직후에는 전부가 dirty입니다.",
        },
      ],
      takeaway: {
        en: "The older values of each key are gone and their offsets are now holes: offsets never move. The active segment was not touched, so the newest records there still repeat keys.",
        ko: "키마다 옛 값이 사라졌고 그 오프셋은 빈자리가 되었습니다: 오프셋은 움직이지 않습니다. 활성 세그먼트는 건드리지 않으므로 거기의 최신 레코드들은 아직 키가 겹칩니다.",
      },
      start: watchLog,
      check: async (_ctx, { log }) => {
        const read = await log.latest();
        return read !== null && missingOffsets(read) >= 10;
      },
      showMe: async (ctx) => {
        await ctx.must(ctx.actions.alterTopicConfigs(TOPIC, { "cleanup.policy": "compact" }));
        showDockTab("segments");
      },
    }),
    step<TombstoneWatch>({
      id: "tombstone",
      narration: {
        en: `Close ${DELETED_KEY}'s account: stop writing ${DELETED_KEY}, then send one record with key ${DELETED_KEY} and a null value, a tombstone. When the cleaner next passes, every older record of ${DELETED_KEY} goes; the tombstone stays, so that readers learn of the delete.`,
        ko: `${DELETED_KEY}의 계좌를 닫습니다: ${DELETED_KEY} 쓰기를 멈추고, 키가 ${DELETED_KEY}이고 값이 null인 레코드, 즉 툼스톤 하나를 보내세요. 클리너가 다음에 지나가면 ${DELETED_KEY}의 옛 레코드는 모두 사라지고, 읽는 쪽이 삭제를 알 수 있도록 툼스톤은 남습니다.`,
      },
      hints: [
        {
          en: `Edit the producer's settings so its keys are ${KEYS.filter((k) => k !== DELETED_KEY).join(", ")}.`,
          ko: `프로듀서 설정을 바꿔 키를 ${KEYS.filter((k) => k !== DELETED_KEY).join(", ")}만 쓰게 하세요.`,
        },
        {
          en: `Or drag another producer onto ${TOPIC} with key ${DELETED_KEY} and "Null values (tombstones)" ticked, and remove it after its first record.`,
          ko: `또는 프로듀서를 하나 더 ${TOPIC} 위로 끌어다 놓되 키를 ${DELETED_KEY}로, "null 값 (툼스톤)"을 체크하고, 첫 레코드를 보낸 뒤 지우세요.`,
        },
        {
          en: `A tombstone from the Terminal tab: kafka-console-producer.sh --bootstrap-server broker-1:9092 --topic ${TOPIC} --property parse.key=true --property key.separator=: --property null.marker=NULL, then type ${DELETED_KEY}:NULL and press Ctrl-D.`,
          ko: `터미널 탭에서 툼스톤 보내기: kafka-console-producer.sh --bootstrap-server broker-1:9092 --topic ${TOPIC} --property parse.key=true --property key.separator=: --property null.marker=NULL 을 실행하고 ${DELETED_KEY}:NULL 을 입력한 뒤 Ctrl-D를 누르세요.`,
        },
      ],
      takeaway: {
        en: `Nothing but the tombstone is left of ${DELETED_KEY}. A consumer reading from the beginning now sees ${DELETED_KEY} deleted instead of an old balance.`,
        ko: `${DELETED_KEY}에 대해서는 툼스톤만 남았습니다. 처음부터 읽는 컨슈머는 이제 옛 잔액 대신 ${DELETED_KEY}가 지워졌다는 것을 봅니다.`,
      },
      start: () => ({ ...watchLog(), sawTombstone: false }),
      check: async (_ctx, watch) => {
        const read = await watch.log.latest();
        if (read === null) return false;
        const { values, tombstones } = recordsOfKey(read, DELETED_KEY);
        if (tombstones > 0) watch.sawTombstone = true;
        // The tombstone alone is left; or it is gone too, having been seen.
        return values === 0 && (tombstones > 0 || watch.sawTombstone);
      },
      showMe: async (ctx) => {
        await stopWritingKey(ctx, DELETED_KEY);
        const id = await ctx.must(
          ctx.actions.addProducer({
            ...defaultProducerSettings(TOPIC),
            ratePerSec: 1,
            keyMode: "fixed",
            fixedKey: DELETED_KEY,
            nullValue: true,
          }),
        );
        await ctx.until(
          (state) => (state.producers[id]?.acknowledged ?? 0) > 0,
          `a tombstone for ${DELETED_KEY} to be acknowledged`,
        );
        await ctx.must(ctx.actions.removeProducer(id));
      },
    }),
    step<Watching>({
      id: "tombstone-gone",
      narration: {
        en: `This topic has delete.retention.ms=${DELETE_RETENTION_MS} (10 s; Kafka's default is a day). Keep the producer writing so segments keep closing, and wait: a cleaning after that time removes the tombstone too.`,
        ko: `이 토픽은 delete.retention.ms=${DELETE_RETENTION_MS}(10초, Kafka 기본값은 하루)입니다. 세그먼트가 계속 닫히도록 프로듀서를 그대로 두고 기다리세요. 그 시간이 지난 뒤의 정리에서 툼스톤도 지워집니다.`,
      },
      hints: [
        {
          en: "Only closed segments are cleaned: if nothing is written, the tombstone's segment never closes.",
          ko: "닫힌 세그먼트만 정리됩니다. 아무것도 쓰지 않으면 툼스톤이 든 세그먼트는 닫히지 않습니다.",
        },
      ],
      takeaway: {
        en: `${DELETED_KEY} is gone from the log altogether. A consumer that was down for longer than delete.retention.ms can miss the delete, which is why the default is a whole day.`,
        ko: `${DELETED_KEY}는 로그에서 완전히 사라졌습니다. delete.retention.ms보다 오래 멈춰 있던 컨슈머는 삭제를 놓칠 수 있고, 그래서 기본값이 하루나 됩니다.`,
      },
      start: watchLog,
      check: async (_ctx, { log }) => {
        const read = await log.latest();
        if (read === null) return false;
        const { values, tombstones } = recordsOfKey(read, DELETED_KEY);
        return values === 0 && tombstones === 0 && missingOffsets(read) > 0;
      },
      showMe: async (ctx) => {
        // Nothing to do but keep writing: make sure some producer still is.
        if (!producersOn(ctx.state(), TOPIC).some((p) => p.settings.ratePerSec > 0)) {
          await ctx.must(
            ctx.actions.addProducer({
              ...defaultProducerSettings(TOPIC),
              ratePerSec: 3,
              keyMode: "random",
              keySet: KEYS.filter((k) => k !== DELETED_KEY),
              valueTemplate: "balance of {key}: {n}",
            }),
          );
        }
      },
    }),
  ],
  summary: {
    en: "Yes. With cleanup.policy=compact the log cleaner keeps the latest record of every key in the closed segments and drops the older ones, leaving holes in the offsets; the active segment is left alone. A tombstone (a null value) deletes a key: the cleaner drops its older records, then the tombstone itself once delete.retention.ms has passed.",
    ko: "네. cleanup.policy=compact이면 로그 클리너가 닫힌 세그먼트에서 키마다 최신 레코드만 남기고 옛 레코드를 지워 오프셋에 빈자리를 남깁니다. 활성 세그먼트는 건드리지 않습니다. 툼스톤(null 값)은 키를 지웁니다: 클리너가 그 키의 옛 레코드를 지우고, delete.retention.ms가 지나면 툼스톤 자체도 지웁니다.",
  },
};
