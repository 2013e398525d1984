/**
 * Whether a command-line word converts to an option's type as Java's valueOf does: both of
 * Kafka's option libraries (joptsimple's ofType, argparse4j's type) convert with it, and
 * refuse the word when it throws. Integer and Long are decimal within their range;
 * Double.valueOf also takes "NaN", "Infinity", a trailing f/F/d/D and surrounding spaces.
 */

export type JavaValueType = "String" | "Integer" | "Long" | "Double";

const INTEGER_RANGE: Record<"Integer" | "Long", [bigint, bigint]> = {
  Integer: [-(2n ** 31n), 2n ** 31n - 1n],
  Long: [-(2n ** 63n), 2n ** 63n - 1n],
};
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)$/;

/** Java's valueOf for `type` accepts `value`. */
export function convertsTo(value: string, type: JavaValueType): boolean {
  if (type === "String") return true;
  if (type === "Double") return JAVA_DOUBLE.test(value.trim());
  if (!/^[+-]?\d+$/.test(value)) return false;
  const [min, max] = INTEGER_RANGE[type];
  const number = BigInt(value);
  return number >= min && number <= max;
}
