/** 한국어 문자열. en.ts의 모든 키가 여기에도 있어야 합니다 (테스트가 확인합니다). */
import type { MessageKey } from "./en.ts";

export const ko: Record<MessageKey, string> = {
  "app.title": "Kafka 플레이그라운드",
  "app.tagline": "브라우저 탭 안의 진짜 Kafka 클러스터",
  "settings.language": "언어",
  "broker.card.title": "브로커 {id}",
  "broker.card.where": "Web Worker · Kafka 와이어 프로토콜로 통신",
  "broker.state.starting": "시작 중",
  "broker.state.alive": "살아 있음",
  "broker.state.dead": "응답 없음",
  "handshake.title": "첫 대화: ApiVersions",
  "handshake.explain":
    "Kafka 클라이언트는 먼저 브로커에게 어떤 요청을 이해하는지 묻습니다. 페이지가 방금 MessagePort를 통해 브로커 워커에게 실제 ApiVersions 요청 프레임을 보냈고, 아래는 실제 응답 프레임을 디코딩한 결과입니다.",
  "handshake.status.pending": "브로커에게 묻는 중…",
  "handshake.status.ok": "브로커가 응답했습니다 · 지원하는 API: {count}개",
  "handshake.status.error": "브로커가 응답하지 않았습니다: {message}",
  "handshake.again": "다시 묻기",
  "handshake.request": "요청 프레임",
  "handshake.response": "응답 프레임",
  "handshake.frameFacts": "{api} v{version} · correlation id {correlationId} · {size}바이트",
  "handshake.roundTrip": "왕복 {ms} ms",
  "handshake.table.caption": "이 브로커가 지원하는 API",
  "handshake.table.key": "API 키",
  "handshake.table.name": "이름",
  "handshake.table.versions": "버전",
  "handshake.errorCode": "오류 코드",
  "glossary.apiVersions": "ApiVersions: 클라이언트가 가장 먼저 보내는 요청으로, 브로커가 어떤 API 버전을 말하는지 알아냅니다.",
  "glossary.correlationId": "Correlation id: 클라이언트가 요청마다 붙이는 번호로, 브로커의 응답에도 같은 번호가 붙습니다.",
};
