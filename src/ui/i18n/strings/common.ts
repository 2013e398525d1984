/** Strings shared by the whole page: its name, start-up progress, playback. */
export const commonEn = {
  "app.title": "Kafka Playground",
  "app.tagline": "A real Kafka cluster in your browser tab",
  "settings.language": "Language",
  "boot.restoring": "Looking for your cluster from last time…",
  "boot.starting": "Starting three brokers (Web Workers)…",
  "boot.electing": "The brokers are electing a KRaft controller…",
  "boot.topic": "Creating the topic “orders” (3 partitions, replication factor 3)…",
  "boot.ready": "Ready",
  "boot.error": "The cluster did not start: {message}",
} as const;

export const commonKo: Record<keyof typeof commonEn, string> = {
  "app.title": "Kafka 플레이그라운드",
  "app.tagline": "브라우저 탭 안의 진짜 Kafka 클러스터",
  "settings.language": "언어",
  "boot.restoring": "지난번 클러스터를 찾는 중…",
  "boot.starting": "브로커 세 개(Web Worker)를 시작하는 중…",
  "boot.electing": "브로커들이 KRaft 컨트롤러를 선출하는 중…",
  "boot.topic": "토픽 “orders”(파티션 3개, 복제 팩터 3)를 만드는 중…",
  "boot.ready": "준비됨",
  "boot.error": "클러스터를 시작하지 못했습니다: {message}",
};
