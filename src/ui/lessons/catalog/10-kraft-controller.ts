/**
 * Lesson 10: the KRaft controller. The active controller is the Raft leader of the
 * __cluster_metadata log among the voters. Kill it and the remaining voters elect another
 * (a new epoch); brokers fetch the metadata log from whichever controller leads, so a topic
 * created after the failover reaches them all. Restarted, the old controller comes back as
 * a follower and catches up on the log before the controller lets its broker serve again.
 */
import { step, type Lesson } from "../lesson.ts";
import type { LessonContext } from "../lesson-context.ts";
import { prepareCluster } from "../lesson-setup.ts";
import { aliveBrokers, partitionOf } from "../lesson-queries.ts";
import { isAlive, isDead } from "./07-replication-queries.ts";

/** Created by the learner after the failover; removed by the setup so it can be made again. */
const TOPIC = "lesson-controller-after";
/** Raft's election and broker.session.timeout.ms at 2×. */
const SPEED = 2;
const TOPIC_GONE_MS = 20_000;

async function setUp(ctx: LessonContext): Promise<void> {
  await prepareCluster(ctx, { brokers: 3, speed: SPEED });
  if ((await ctx.admin().listTopics()).includes(TOPIC)) {
    await ctx.must(ctx.actions.deleteTopic(TOPIC));
    await ctx.until((state) => !state.topics[TOPIC], `topic ${TOPIC} to be deleted`, TOPIC_GONE_MS);
  }
  await ctx.until((state) => state.controllerId !== null, "an active controller");
}

export const kraftControllerLesson: Lesson = {
  id: "kraft-controller",
  title: { en: "The KRaft controller", ko: "KRaft 컨트롤러" },
  question: {
    en: "Who keeps the cluster's metadata, and what happens when that node dies?",
    ko: "클러스터의 메타데이터는 누가 관리하고, 그 노드가 죽으면 어떻게 될까?",
  },
  setup: setUp,
  steps: [
    step<{ controller: number; epoch: number }>({
      id: "kill-controller",
      narration: {
        en: "The broker marked ★ controller is the active KRaft controller: the Raft leader of the __cluster_metadata log, which the other voters follow. Kill it and watch the remaining voters elect a new leader: the ★ moves and the Raft epoch goes up.",
        ko: "★ controller 표시가 있는 브로커가 활성 KRaft 컨트롤러입니다. __cluster_metadata 로그의 Raft 리더이고, 다른 보터들은 그 로그를 따라갑니다. 이 브로커를 죽이고 남은 보터들이 새 리더를 뽑는 것을 지켜보세요. ★가 옮겨 가고 Raft 에포크가 올라갑니다.",
      },
      hints: [
        {
          en: "Kill broker is on the controller's broker card. The quorum needs a majority of voters: with three, it survives one death.",
          ko: "Kill broker는 컨트롤러 브로커 카드에 있습니다. 쿼럼에는 보터의 과반이 필요합니다. 셋이면 하나가 죽어도 버팁니다.",
        },
      ],
      takeaway: {
        en: "A follower voter that stops hearing from the leader becomes a candidate and asks for votes; a majority makes it leader in a new epoch. No ZooKeeper: the quorum is the voters themselves.",
        ko: "리더의 소식이 끊긴 팔로워 보터는 후보가 되어 표를 청하고, 과반을 얻으면 새 에포크의 리더가 됩니다. ZooKeeper는 없습니다. 쿼럼은 보터들 자신입니다.",
      },
      start: (ctx) => ({
        controller: ctx.state().controllerId ?? -1,
        epoch: ctx.state().controllerEpoch,
      }),
      check: (ctx, before) => {
        const state = ctx.state();
        const now = state.controllerId;
        if (now === null || now === before.controller || before.controller < 0) return false;
        const leading = state.brokers[now]?.raftRole === "leader";
        return leading && state.controllerEpoch > before.epoch && isDead(state, before.controller);
      },
      showMe: async (ctx, before) => {
        const controller = ctx.state().controllerId ?? before.controller;
        await ctx.must(ctx.actions.killBroker(controller));
      },
    }),
    step({
      id: "metadata-pull",
      narration: {
        en: `Create a topic ${TOPIC}. The new controller writes it to the metadata log; every broker fetches that log from the controller that leads it now, and each broker named as a replica creates its copy of the partition.`,
        ko: `토픽 ${TOPIC}을 만드세요. 새 컨트롤러가 그 토픽을 메타데이터 로그에 쓰고, 모든 브로커는 지금 리더인 컨트롤러에게서 그 로그를 가져옵니다. 레플리카로 지정된 브로커는 저마다 파티션 사본을 만듭니다.`,
      },
      hints: [
        {
          en: "Create topic is in the top bar; one partition, and a replication factor no larger than the number of live brokers.",
          ko: "Create topic은 위쪽 막대에 있습니다. 파티션 하나에, 복제 계수는 살아 있는 브로커 수 이하로 하세요.",
        },
      ],
      takeaway: {
        en: "Brokers are not told about changes: they pull the metadata log, like consumers of a topic. After a failover they simply fetch from the new leader.",
        ko: "브로커는 변경을 통보받지 않습니다. 토픽의 컨슈머처럼 메타데이터 로그를 직접 가져옵니다. 페일오버 뒤에는 그냥 새 리더에게서 가져올 뿐입니다.",
      },
      check: async (ctx) => {
        const partition = partitionOf(ctx.state(), TOPIC, 0);
        if (!partition || partition.leader < 0) return false;
        // The placement from the brokers themselves: the page's own poll of it can lag
        // behind while a dead broker is still being asked for its groups.
        const { topics } = await ctx.admin().fetchTopicMetadata({ topics: [TOPIC] });
        const replicas = topics[0]?.partitions.find((p) => p.partitionId === 0)?.replicas ?? [];
        const state = ctx.state();
        const live = replicas.filter((id) => isAlive(state, id));
        // Each live replica's broker reports its copy of the log: it read the topic from
        // the metadata log.
        const offsets = partitionOf(state, TOPIC, 0)?.offsets ?? {};
        return live.length > 0 && live.every((id) => offsets[id] !== undefined);
      },
      showMe: async (ctx) => {
        const replicas = aliveBrokers(ctx.state()).slice(0, 3);
        await ctx.must(
          ctx.actions.createTopic({
            topic: TOPIC,
            replicaAssignment: [{ partition: 0, replicas }],
          }),
        );
      },
    }),
    step<number>({
      id: "rejoin",
      narration: {
        en: "Restart the old controller. It finds a leader with a higher epoch and rejoins the quorum as a follower; its broker catches up on the metadata log (the topic you just created included) before the controller unfences it.",
        ko: "옛 컨트롤러를 다시 시작하세요. 더 높은 에포크의 리더가 있으니 팔로워로 쿼럼에 돌아옵니다. 그 브로커는 메타데이터 로그(방금 만든 토픽까지)를 따라잡은 뒤에야 컨트롤러가 펜싱을 풉니다.",
      },
      hints: [
        {
          en: "Restart broker is on the dead broker's card.",
          ko: "Restart broker는 죽은 브로커 카드에 있습니다.",
        },
      ],
      takeaway: {
        en: "Leadership does not go back: the old controller is now a follower voter, ready to take over if the new one dies.",
        ko: "리더 자리는 돌아가지 않습니다. 옛 컨트롤러는 이제 팔로워 보터이고, 새 컨트롤러가 죽으면 넘겨받을 준비가 되어 있습니다.",
      },
      start: (ctx) => {
        const state = ctx.state();
        const dead = Object.values(state.brokers).filter((b) => b.isVoter && isDead(state, b.id));
        return dead[0]?.id ?? -1;
      },
      check: (ctx, old) => {
        const state = ctx.state();
        if (old < 0 || !isAlive(state, old) || state.controllerId === old) return false;
        return state.brokers[old]?.raftRole === "follower";
      },
      showMe: async (ctx, old) => {
        if (old < 0) throw new Error("no dead controller to restart");
        await ctx.must(ctx.actions.restartBroker(old));
      },
    }),
  ],
  summary: {
    en: "The controller is whichever KRaft voter leads the __cluster_metadata log. When it dies, the other voters elect a new leader within seconds, brokers go on pulling metadata from it, and the old controller returns as a follower.",
    ko: "컨트롤러는 __cluster_metadata 로그를 이끄는 KRaft 보터입니다. 그 노드가 죽으면 다른 보터들이 몇 초 안에 새 리더를 뽑고, 브로커들은 그 리더에게서 메타데이터를 계속 가져가며, 옛 컨트롤러는 팔로워로 돌아옵니다.",
  },
};
