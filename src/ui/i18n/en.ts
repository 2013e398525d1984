/** English strings. Every key here must exist in ko.ts too (a test checks). */
export const en = {
  "app.title": "Kafka Playground",
  "app.tagline": "A real Kafka cluster in your browser tab",
  "settings.language": "Language",
  "broker.card.title": "Broker {id}",
  "broker.card.where": "Web Worker · speaks Kafka's wire protocol",
  "broker.state.starting": "starting",
  "broker.state.alive": "alive",
  "broker.state.dead": "unreachable",
  "handshake.title": "First contact: ApiVersions",
  "handshake.explain":
    "Before anything else, a Kafka client asks a broker which requests it understands. The page just sent a real ApiVersions request frame to the broker's worker over a MessagePort, and decoded the real response frame below.",
  "handshake.status.pending": "Asking the broker…",
  "handshake.status.ok": "The broker answered · APIs supported: {count}",
  "handshake.status.error": "No answer from the broker: {message}",
  "handshake.again": "Ask again",
  "handshake.request": "Request frame",
  "handshake.response": "Response frame",
  "handshake.frameFacts": "{api} v{version} · correlation id {correlationId} · {size} bytes",
  "handshake.roundTrip": "Round trip {ms} ms",
  "handshake.table.caption": "APIs this broker supports",
  "handshake.table.key": "API key",
  "handshake.table.name": "Name",
  "handshake.table.versions": "Versions",
  "handshake.errorCode": "Error code",
  "glossary.apiVersions": "ApiVersions: the request a client sends first, to learn which API versions the broker speaks.",
  "glossary.correlationId": "Correlation id: a number the client puts on each request; the broker's answer carries the same number.",
} as const;

export type MessageKey = keyof typeof en;
