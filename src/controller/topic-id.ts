/**
 * A new topic id as Kafka's Uuid.randomUuid makes one: a random (version 4) UUID, never
 * the zero id or the metadata topic's id, and never one whose string starts with '-'
 * (it would read as a command-line flag).
 */
import { uuidFromBytes, ZERO_UUID, type Uuid } from "../protocol/primitives/uuid.ts";

const METADATA_TOPIC_ID: Uuid = "AAAAAAAAAAAAAAAAAAAAAQ";

export function randomTopicId(random: () => number): Uuid {
  for (;;) {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.min(255, Math.floor(random() * 256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // IETF variant
    const id = uuidFromBytes(bytes);
    if (id !== ZERO_UUID && id !== METADATA_TOPIC_ID && !id.startsWith("-")) return id;
  }
}
