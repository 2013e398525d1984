/**
 * Well-formed requests with hostile values: the body of a good request, walked field by
 * field, with some fields swapped for values a careless broker trips on — negative or
 * huge counts and ids, empty and overlong names, "..", internal topic names, empty or
 * repeated arrays, junk record bytes. The frame still decodes, so the broker's handlers,
 * not its parser, must turn each into Kafka's error code.
 */

const HOSTILE_NUMBERS = [-1, -2, 0, 1, 127, -128, 32767, -32768];
const HOSTILE_WIDE_NUMBERS = [2147483647, -2147483648, 1_000_000];
const HOSTILE_BIGINTS = [-1n, -2n, 0n, 9223372036854775807n, -9223372036854775808n, 1n << 40n];
// Not "__consumer_offsets": Kafka lets a client delete it, which the other client would notice.
const HOSTILE_STRINGS = [
  "",
  "x".repeat(300),
  "..",
  ".",
  "bad name!",
  "__cluster_metadata",
  "\u0000",
];
/**
 * Kept as they are: a request that changes the cluster only validates, so the fuzzer
 * tests the answers rather than the cost of a 127-partition topic.
 */
const KEPT_FIELDS = new Set(["validateOnly"]);

/**
 * A copy of `body` with about `rate` of its fields replaced. `wide` allows int32-sized
 * numbers (a field narrower than that makes the encoder refuse: the caller tries again).
 */
export function withHostileValues(
  body: unknown,
  random: () => number,
  rate: number,
  wide: boolean,
): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const walk = (value: unknown): unknown => {
    const replace = random() < rate;
    if (typeof value === "number")
      return replace
        ? pick(wide ? [...HOSTILE_NUMBERS, ...HOSTILE_WIDE_NUMBERS] : HOSTILE_NUMBERS)
        : value;
    if (typeof value === "bigint") return replace ? pick(HOSTILE_BIGINTS) : value;
    if (typeof value === "boolean") return replace ? !value : value;
    if (typeof value === "string") return replace ? pick(HOSTILE_STRINGS) : value;
    if (value instanceof Uint8Array) {
      if (!replace) return value;
      const junk = new Uint8Array(Math.floor(random() * 120));
      for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
      return pick([junk, value.subarray(0, Math.floor(value.length / 2)), new Uint8Array(0)]);
    }
    if (Array.isArray(value)) {
      const items = value.map(walk);
      if (!replace) return items;
      return pick([
        [],
        [...items, ...items, ...items],
        Array.from({ length: 200 }, () => items[0]).filter((item) => item !== undefined),
      ]);
    }
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, field]) => [
          key,
          KEPT_FIELDS.has(key) ? field : walk(field),
        ]),
      );
    }
    return value;
  };
  return walk(body);
}
