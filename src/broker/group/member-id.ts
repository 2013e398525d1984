/**
 * A new member id as Kafka makes one: the client id (or, for a static member, its
 * group.instance.id), a dash, and a random version-4 UUID in Java's UUID.toString form
 * (8-4-4-4-12 lowercase hex). Randomness comes from the node's injected source.
 */
export function generateMemberId(
  clientId: string,
  groupInstanceId: string | null,
  random: () => number,
): string {
  return `${groupInstanceId ?? clientId}-${randomUuidString(random)}`;
}

export function randomUuidString(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.min(255, Math.floor(random() * 256)));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // IETF variant
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join("-");
}
